// "No better than guessing" said loudly: a run on a shuffled target gets the warning, with causes checked
// on the run; a good run does not. And the prepared matrix is checked before training: unscaled features
// named with the step that fixes them, constant features, a feature that mirrors the target.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../../../src/lib/core/random/seeded-random.ts';
import { runTraining } from '../../../../src/lib/core/train/run-training.ts';
import type { RunWarning } from '../../../../src/lib/core/train/run-warnings.ts';
import { warningLines } from '../../../../src/lib/core/train/run-warnings.ts';
import {
	constantFeaturesWarning,
	featureScaleWarning,
	featureStats,
	targetLeakWarning
} from '../../../../src/lib/core/train/feature-checks.ts';
import {
	baselineWarning,
	majorityAccuracy,
	meanR2
} from '../../../../src/lib/core/train/baseline-warning.ts';
import { parseTrainSettings } from '../../../../src/lib/core/train/settings.ts';
import type { TrainingArrays } from '../../../../src/lib/core/train/training-data.ts';
import type { PrepTable } from '../../../../src/lib/core/table/prep-table.ts';
import { loadSample } from '../data/profile/load-sample.ts';

const CONTEXT = {
	dataset: { id: 'd', hash: 'h', name: 'sample' },
	backend: { name: 'cpu', reason: 'test' },
	versions: { tfjs: tf.version.tfjs }
};

beforeAll(async () => {
	await tf.setBackend('cpu');
});

/** The same table with the target's values dealt out again at random: nothing links features to it. */
function shuffledTarget(input: PrepTable, target: string): PrepTable {
	const values = Array.from(input.table.array(target) as ArrayLike<unknown>);
	createRandom(7).shuffle(values);
	return { ...input, table: input.table.assign({ [target]: values }) };
}

const kinds = (warnings: RunWarning[] | undefined) => (warnings ?? []).map((w) => w.kind);

describe('the no-better-than-guessing warning on real runs', () => {
	it('fires on a shuffled target, names the baseline and the causes checked on this run', async () => {
		const early: RunWarning[][] = [];
		const outcome = await runTraining(
			shuffledTarget(loadSample('wine.csv'), 'cultivar'),
			{ targets: ['cultivar'] },
			{ ...CONTEXT, onWarnings: (w) => early.push(w) }
		);
		outcome.model?.dispose();
		const warning = outcome.run.warnings!.find((w) => w.kind === 'no-better-than-baseline')!;
		expect(warning, JSON.stringify(outcome.run.metrics.test)).toBeDefined();
		expect(warning.message).toMatch(
			/^No better than guessing: test accuracy [\d.]+ against [\d.]+ for always answering the most common class/
		);
		expect(warning.comparison!.model).toBeLessThan(warning.comparison!.needed);
		expect(warning.causes.length).toBeGreaterThan(0);
		expect(warning.tryThis.length).toBeGreaterThan(0);
		// Nothing was wrong with the features, so the warning never blames scaling.
		expect(early).toEqual([]);
		expect(warning.causes.join(' ')).not.toMatch(/unscaled/);
	}, 60_000);

	it('fires on a shuffled regression target, against the training mean', async () => {
		const outcome = await runTraining(
			shuffledTarget(loadSample('diabetes.csv'), 'progression'),
			{ targets: ['progression'] },
			CONTEXT
		);
		outcome.model?.dispose();
		const warning = outcome.run.warnings!.find((w) => w.kind === 'no-better-than-baseline')!;
		expect(warning.message).toMatch(
			/test R² -?[\d.]+ against -?[\d.]+ for always answering the training mean/
		);
	}, 60_000);

	it('does not fire on a good run', async () => {
		const outcome = await runTraining(loadSample('wine.csv'), { targets: ['cultivar'] }, CONTEXT);
		outcome.model?.dispose();
		expect(outcome.run.metrics.test!.accuracy).toBeGreaterThan(0.9);
		expect(kinds(outcome.run.warnings)).not.toContain('no-better-than-baseline');
		expect(outcome.run.warnings).toEqual([]);
	}, 60_000);

	it('names an unscaled feature before training, and the divergence or scale advice reaches the record', async () => {
		const input = loadSample('diabetes.csv');
		const early: RunWarning[][] = [];
		// No recipe step at all: bmi and the rest arrive as they are in the file (the sample is not scaled).
		const outcome = await runTraining(
			input,
			{ targets: ['progression'], recipe: { version: 1, steps: [] } },
			{ ...CONTEXT, onWarnings: (w) => early.push(w) }
		);
		outcome.model?.dispose();
		const scale = early.flat().find((w) => w.kind === 'feature-scale');
		expect(scale, JSON.stringify(early)).toBeDefined();
		expect(scale!.tryThis[0]).toMatch(/Add a “Scale numbers” step \(standard\) at the end of the recipe/);
		expect(outcome.run.warnings!.some((w) => w.kind === 'feature-scale')).toBe(true);
	}, 60_000);
});

function arrays(x: number[][], y: number[], classes = 0): TrainingArrays {
	const n = x.length;
	const f = x[0]!.length;
	return {
		x: Float32Array.from(x.flat()),
		y: classes
			? Float32Array.from(y.flatMap((c) => Array.from({ length: classes }, (_, k) => (k === c ? 1 : 0))))
			: Float32Array.from(y),
		labels: classes ? Int32Array.from(y) : undefined,
		n,
		featureCount: f,
		outputSize: classes || 1,
		classes: classes ? Array.from({ length: classes }, (_, k) => `c${k}`) : []
	};
}

describe('feature checks', () => {
	const x = Array.from({ length: 20 }, (_, i) => [1970 + i, 3, (i % 5) / 5]);
	const data = arrays(
		x,
		x.map(([year]) => year! * 2 + 1)
	);

	it('names features far from mean 0 and spread 1, with the scale step to add them to', () => {
		const stats = featureStats(data, ['year', 'same', 'share']);
		expect(stats[0]!.mean).toBeCloseTo(1979.5, 6);
		const recipe = {
			version: 1 as const,
			steps: [
				{ op: 'impute', params: {}, enabled: true },
				{ op: 'scale', params: {}, enabled: true }
			]
		};
		const warning = featureScaleWarning(stats, recipe)!;
		expect(warning.columns).toEqual(['year']);
		expect(warning.message).toBe('A feature reaches the network unscaled: year (mean 1980, spread 5.77).');
		expect(warning.tryThis[0]).toMatch(/^Add year to step 2 \(Scale numbers\)/);
		expect(constantFeaturesWarning(stats)).toMatchObject({ severity: 'info', columns: ['same'] });
		expect(constantFeaturesWarning(featureStats(arrays([[1], [1]], [0, 1]), ['a']))).toMatchObject({
			severity: 'warning',
			message: expect.stringMatching(/^Every feature is constant on the training rows \(a\)/)
		});
	});

	it('flags a feature that moves with the target, and not one that does not', () => {
		expect(targetLeakWarning(data, ['year', 'same', 'share'], 'price')!.columns).toEqual(['year']);
		const noisy = arrays(
			x,
			x.map((_, i) => (i * 7) % 11)
		);
		expect(targetLeakWarning(noisy, ['year', 'same', 'share'], 'price')).toBeNull();
	});

	it('computes the baselines on the scored rows: the training majority share and the mean R²', () => {
		const train = arrays([[0], [0], [0], [0]], [1, 1, 1, 0], 2);
		const scored = arrays([[0], [0], [0], [0]], [1, 0, 0, 0], 2);
		expect(majorityAccuracy(train, scored)).toBe(0.25);
		expect(meanR2(arrays([[0], [0]], [1, 3]), arrays([[0], [0]], [2, 2]))).toBe(0);
		expect(meanR2(arrays([[0], [0]], [0, 0]), arrays([[0], [0]], [1, 3]))).toBe(-4);
	});

	it('gives no warning at a clear win and one at a near tie, as lines for a terminal', () => {
		const train = arrays([[0], [0], [0], [0]], [1, 1, 1, 0], 2);
		const settings = parseTrainSettings({});
		const evidence = {
			task: 'classification' as const,
			targets: ['y'],
			train,
			scored: arrays([[0], [0], [0], [0]], [1, 1, 0, 1], 2),
			split: 'test' as const,
			history: [
				{ epoch: 1, loss: 1, metric: 0.75 },
				{ epoch: 2, loss: 0.99, metric: 0.75 }
			],
			bestEpoch: 2,
			stopReason: 'completed' as const,
			settings,
			featureWarnings: []
		};
		expect(baselineWarning({ ...evidence, metric: 1 })).toBeNull();
		const tie = baselineWarning({ ...evidence, metric: 0.75 })!;
		expect(tie.comparison).toEqual({
			metric: 'accuracy',
			split: 'test',
			model: 0.75,
			baseline: 0.75,
			needed: 0.775
		});
		expect(tie.causes.join(' ')).toMatch(/hardly fell/);
		expect(tie.causes.join(' ')).toMatch(/no signal/);
		const lines = warningLines(tie);
		expect(lines[0]).toMatch(/^warning: No better than guessing/);
		expect(lines.some((l) => l.startsWith('  try: '))).toBe(true);
	});
});
