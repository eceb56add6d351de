// A drawn search opens with the studio's defaults, put into its space: ranges clamp them, choices keep them
// only when they offer them, a grid keeps its own order, and trial 1 onward is drawn as before.
import { describe, expect, it } from 'vitest';
import { defaultSearchSpace } from '../../../../src/lib/core/tune/default-space.ts';
import { gridParams } from '../../../../src/lib/core/tune/grid.ts';
import { sampleRandom } from '../../../../src/lib/core/tune/random-sampler.ts';
import { proposeTrial, type SearchConfig } from '../../../../src/lib/core/tune/search.ts';
import { parseSearchSpace } from '../../../../src/lib/core/tune/space.ts';
import { startingTrial } from '../../../../src/lib/core/tune/starting-trial.ts';

const narrow = parseSearchSpace({
	params: {
		family: { type: 'choice', options: ['linear'] },
		units: { type: 'int', low: 4, high: 40, log: true },
		learningRate: { type: 'real', low: 1e-4, high: 1e-3, log: true },
		batchSize: { type: 'choice', options: [16, 64] },
		scaler: { type: 'choice', options: ['robust', 'standard'] }
	}
});

describe('the starting trial', () => {
	it('is the default MLP and training settings in the default space', () => {
		const space = defaultSearchSpace('regression');
		expect(startingTrial(space, sampleRandom(space, 3, 0))).toEqual({
			family: 'mlp',
			layers: 2,
			units: 64,
			activation: 'relu',
			dropout: 0.1,
			// No L2 is the range's smallest.
			l2: 1e-6,
			learningRate: 0.01,
			batchSize: 32,
			scaler: 'standard'
		});
	});

	it('clamps into ranges and keeps the drawn value where a choice lacks the default', () => {
		const drawn = sampleRandom(narrow, 5, 0);
		expect(startingTrial(narrow, drawn)).toEqual({
			family: 'linear',
			units: 40,
			learningRate: 1e-3,
			batchSize: drawn.batchSize,
			scaler: 'standard'
		});
	});

	it('opens random, TPE and ASHA searches; grid and later trials are unchanged', () => {
		const config = (strategy: SearchConfig['strategy']): SearchConfig => ({
			space: narrow,
			strategy,
			seed: 9,
			budget: { trials: 10 },
			maxEpochs: 100
		});
		const start = startingTrial(narrow, sampleRandom(narrow, 9, 0));
		for (const strategy of ['random', 'tpe', 'asha'] as const) {
			expect(proposeTrial(config(strategy), 0, [])).toEqual(start);
			expect(proposeTrial(config(strategy), 1, [])).toEqual(sampleRandom(narrow, 9, 1));
		}
		expect(proposeTrial(config('grid'), 0, [])).toEqual(gridParams(narrow, 0));
	});
});
