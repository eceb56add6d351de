// A search over the linear model's L2: each trial is its own ridge (α = l2 × rows), solved in closed form,
// so the trial says its training settings played no part and the leaderboard leaves them out.
import { describe, expect, it } from 'vitest';
import { parseSearchSpace } from '../../../../src/lib/core/tune/space.ts';
import { relevantParams } from '../../../../src/lib/core/tune/trial-request.ts';
import { tune, type TuneRequest } from '../../../../src/lib/core/tune/tune.ts';
import { loadSample } from '../data/profile/load-sample.ts';
import { useCpuBackend } from './cpu-context.ts';

const CONTEXT = useCpuBackend('diabetes');

const request: TuneRequest = {
	targets: ['progression'],
	task: 'regression',
	strategy: 'grid',
	seed: 4,
	budget: { trials: 3 },
	space: parseSearchSpace({
		params: {
			family: { type: 'choice', options: ['linear'] },
			l2: { type: 'choice', options: [1e-5, 0.01, 0.5] },
			learningRate: { type: 'choice', options: [0.01] }
		}
	})
};

describe('a search over the linear model’s L2', () => {
	it('fits one ridge per penalty, marks each solved exactly, and shows only the penalty', async () => {
		const diabetes = await loadSample('diabetes.csv');
		const { state } = await tune(diabetes, request, CONTEXT, { workers: 1 });
		expect(state.trials).toHaveLength(3);
		const byPenalty = new Map(state.trials.map((t) => [t.params.l2, t]));
		for (const trial of state.trials) {
			expect(trial.status).toBe('completed');
			expect(trial.solvedExactly).toBe(true);
			expect(relevantParams(trial.params, trial.solvedExactly)).toEqual({
				family: 'linear',
				l2: trial.params.l2
			});
		}
		// Different penalties, different models (one ridge for all would score alike); the heaviest (α ≈ 140)
		// shrinks the weights until the validation fit falls below the lighter two.
		const [light, middle, heavy] = [1e-5, 0.01, 0.5].map((l2) => byPenalty.get(l2)!.value!);
		expect(new Set([light, middle, heavy]).size).toBe(3);
		expect(heavy!).toBeLessThan(Math.min(light!, middle!) - 0.01);
	});
});
