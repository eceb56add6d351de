// Issue 12: a run's summary must count the rows its validation curve was drawn from. With no validation
// split the loop holds back a share of the training rows, and the record now says how many.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTraining, type TrainingRequest } from '../../../../src/lib/core/train/run-training.ts';
import { loadSample } from '../data/profile/load-sample.ts';

const CONTEXT = {
	dataset: { id: 'd', hash: 'h', name: 'iris' },
	backend: { name: 'cpu', reason: 'test' },
	versions: { tfjs: tf.version.tfjs }
};
const SETTINGS = { epochs: 3 };

async function train(request: TrainingRequest) {
	const outcome = await runTraining(loadSample('iris.csv'), request, CONTEXT);
	outcome.model?.dispose();
	return outcome.run;
}

beforeAll(async () => {
	await tf.setBackend('cpu');
});

describe('validation rows in the run record', () => {
	it('names the training rows held back when the split has no validation rows', async () => {
		const run = await train({ targets: ['species'], settings: SETTINGS });
		expect(run.rows).toEqual({ train: 120, validation: 0, test: 30 });
		// 10 % of each class's 40 training rows.
		expect(run.validationHeldBack).toBe(12);
		expect(run.history.every((h) => typeof h.valLoss === 'number')).toBe(true);
	}, 60_000);

	it('holds nothing back when the split has validation rows (the curve is drawn from them)', async () => {
		const run = await train({
			targets: ['species'],
			settings: SETTINGS,
			split: { method: 'stratified', column: 'species', train: 0.6, validation: 0.2, test: 0.2, seed: 7 }
		});
		expect(run.rows).toEqual({ train: 90, validation: 30, test: 30 });
		expect(run.validationHeldBack).toBeUndefined();
		expect(run.metrics.validation).toMatchObject({ rows: 30 });
	}, 60_000);
});
