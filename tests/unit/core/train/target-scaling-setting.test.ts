// The `targetScaling` setting: a regression trains on standardised targets unless it says 'none' (the
// target's own units, as scikit-learn's MLPRegressor trains); either way the saved model predicts in the
// target's units.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTraining } from '../../../../src/lib/core/train/run-training.ts';
import { parseTrainSettings } from '../../../../src/lib/core/train/settings.ts';
import { scalesTargets } from '../../../../src/lib/core/train/target-scaling.ts';
import { loadSample } from '../data/profile/load-sample.ts';

const CONTEXT = {
	dataset: { id: 'd', hash: 'h', name: 'diabetes' },
	backend: { name: 'cpu', reason: 'test' },
	versions: { tfjs: tf.version.tfjs }
};

beforeAll(async () => {
	await tf.setBackend('cpu');
});

describe('targetScaling', () => {
	it('is standard for regressions unless set to none, and never for classes', () => {
		expect(scalesTargets('regression', {})).toBe(true);
		expect(scalesTargets('multi-output', { targetScaling: 'standard' })).toBe(true);
		expect(scalesTargets('regression', { targetScaling: 'none' })).toBe(false);
		expect(scalesTargets('classification', {})).toBe(false);
	});

	it('is checked, and stays absent when not given (settings saved before it read back unchanged)', () => {
		expect(parseTrainSettings({ targetScaling: 'none' }).targetScaling).toBe('none');
		expect('targetScaling' in parseTrainSettings({})).toBe(false);
		expect(() => parseTrainSettings({ targetScaling: 'raw' })).toThrow(
			'Target scaling must be one of standard, none (got raw).'
		);
	});

	it("trains in the target's own units with 'none', and both models predict in those units", async () => {
		const table = loadSample('diabetes.csv');
		const run = async (targetScaling: 'standard' | 'none') => {
			const outcome = await runTraining(
				table,
				{
					targets: ['progression'],
					family: 'mlp',
					settings: {
						epochs: 3,
						learningRate: 0.05,
						targetScaling,
						earlyStopping: { enabled: false }
					}
				},
				CONTEXT
			);
			outcome.model?.dispose();
			return outcome.run;
		};
		const standard = await run('standard');
		const raw = await run('none');
		// The losses are in the units trained on: a target with a spread of about 77 gives squared errors in
		// the thousands unscaled, about 1 in standard units.
		expect(standard.history[0]!.loss).toBeLessThan(5);
		expect(raw.history[0]!.loss).toBeGreaterThan(1000);
		expect(raw.settings.targetScaling).toBe('none');
		// The standardised run's scaling was folded back into its output layer: its errors are in the target's
		// units too (a mean error far below the target's mean of about 152).
		expect(standard.metrics.test!.mae as number).toBeLessThan(80);
		expect(standard.metrics.test!.r2 as number).toBeGreaterThan(0.2);
	}, 60_000);
});
