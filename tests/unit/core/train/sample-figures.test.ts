// The default settings on the other sample tables, so the defaults' comments stay true: each trains to a
// sound test score in seconds with a 16-unit MLP. Prints the figures.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTrainSettings } from '../../../../src/lib/core/train/settings.ts';
import { trainNetwork } from '../../../../src/lib/core/train/train-loop.ts';
import type { NetworkTask } from '../../../../src/lib/core/train/training-data.ts';
import { accuracyOf, buildMlp, prepareSample, r2Of, WINE } from './prepare-sample.ts';

const DIABETES = ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6'];
const PENGUINS = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];

beforeAll(async () => {
	await tf.setBackend('cpu');
});

interface Case {
	file: string;
	target: string;
	task: NetworkTask;
	steps: { op: string; params: Record<string, unknown> }[];
	/** Test accuracy, or R² for regression (scikit-learn's LinearRegression averages 0.46 on diabetes in 10-fold cross-validation). */
	atLeast: number;
}

const CASES: Case[] = [
	{
		file: 'wine.csv',
		target: 'cultivar',
		task: 'classification',
		steps: [{ op: 'scale', params: { columns: WINE } }],
		atLeast: 0.92
	},
	{
		file: 'penguins.csv',
		target: 'Species',
		task: 'classification',
		steps: [
			{ op: 'impute', params: { columns: PENGUINS, strategy: 'median' } },
			{ op: 'impute', params: { columns: ['Sex'], strategy: 'most-frequent' } },
			{ op: 'scale', params: { columns: PENGUINS } },
			{ op: 'encode', params: { columns: ['Island', 'Sex'] } }
		],
		atLeast: 0.96
	},
	{
		file: 'diabetes.csv',
		target: 'progression',
		task: 'regression',
		// The target scaled too: unscaled, its variance of about 6,000 dwarfs what adam's steps move.
		steps: [{ op: 'scale', params: { columns: [...DIABETES, 'progression'] } }],
		atLeast: 0.38
	}
];

describe('default settings on the sample tables', () => {
	for (const { file, target, task, steps, atLeast } of CASES) {
		it(`${file}: test ${task === 'classification' ? 'accuracy' : 'R²'} of at least ${atLeast}`, async () => {
			const data = prepareSample(file, target, task, steps);
			const model = buildMlp(data.train.featureCount, data.train.outputSize, task);
			const started = performance.now();
			const result = await trainNetwork({
				model,
				task,
				data: data.train,
				validation: data.validation,
				settings: parseTrainSettings({})
			});
			const seconds = (performance.now() - started) / 1000;
			const score = task === 'classification' ? accuracyOf(model, data.test) : r2Of(model, data.test);
			console.log(
				`${file}: test ${task === 'classification' ? 'accuracy' : 'R²'} ${score.toFixed(3)} on ${data.test.n} rows, ` +
					`${result.history.length} epochs (${result.stopReason}, best ${result.bestEpoch}), ${seconds.toFixed(2)} s`
			);
			expect(score).toBeGreaterThanOrEqual(atLeast);
			model.dispose();
		});
	}
});
