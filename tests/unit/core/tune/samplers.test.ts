// Grid, random and TPE proposals: in range, repeatable by seed and trial number, and TPE finds better
// points than random search on a simple function within the same number of trials.
import { describe, expect, it } from 'vitest';
import { gridParams, gridPoints, gridSize } from '../../../../src/lib/core/tune/grid.ts';
import { sampleRandom } from '../../../../src/lib/core/tune/random-sampler.ts';
import { parseSearchSpace, type TrialParams } from '../../../../src/lib/core/tune/space.ts';
import {
	fitParzen,
	goodCount,
	parzenLogDensity,
	sampleTpe,
	type Observation
} from '../../../../src/lib/core/tune/tpe.ts';

const space = parseSearchSpace({
	params: {
		units: { type: 'int', low: 8, high: 64, log: true, steps: 4 },
		dropout: { type: 'real', low: 0, high: 0.5, steps: 3 },
		activation: { type: 'choice', options: ['relu', 'tanh'] }
	}
});

describe('grid', () => {
	it('enumerates every combination once, log ranges on the logarithm', () => {
		expect(gridPoints(space.params.units!)).toEqual([8, 16, 32, 64]);
		expect(gridPoints(space.params.dropout!)).toEqual([0, 0.25, 0.5]);
		expect(gridSize(space)).toBe(24);
		const all = Array.from({ length: 24 }, (_, i) => JSON.stringify(gridParams(space, i)));
		expect(new Set(all).size).toBe(24);
		// Fields in SEARCH_FIELDS' order (units, activation, dropout); the last changes fastest.
		expect(gridParams(space, 0)).toEqual({ units: 8, activation: 'relu', dropout: 0 });
		expect(gridParams(space, 1)).toEqual({ units: 8, activation: 'relu', dropout: 0.25 });
		expect(gridParams(space, 3)).toEqual({ units: 8, activation: 'tanh', dropout: 0 });
		expect(() => gridParams(space, 24)).toThrow(/outside the grid of 24/);
	});
});

describe('random search', () => {
	it('draws in range, the same values for the same seed and trial', () => {
		for (let trial = 0; trial < 50; trial++) {
			const params = sampleRandom(space, 7, trial);
			expect(params).toEqual(sampleRandom(space, 7, trial));
			expect(Number.isInteger(params.units)).toBe(true);
			expect(params.units).toBeGreaterThanOrEqual(8);
			expect(params.units).toBeLessThanOrEqual(64);
			expect(params.dropout).toBeGreaterThanOrEqual(0);
			expect(params.dropout).toBeLessThanOrEqual(0.5);
		}
		expect(sampleRandom(space, 7, 0)).not.toEqual(sampleRandom(space, 8, 0));
		expect(sampleRandom(space, 7, 0)).not.toEqual(sampleRandom(space, 7, 1));
	});
});

describe('TPE', () => {
	it('splits good from bad as Optuna does, and its estimator is a density on the range', () => {
		expect(goodCount(10, 0.1)).toBe(1);
		expect(goodCount(55, 0.1)).toBe(6);
		expect(goodCount(1000, 0.1)).toBe(25);
		const parzen = fitParzen([0.2, 0.25, 0.8], 0, 1);
		let mass = 0;
		for (let i = 0; i < 1000; i++) mass += Math.exp(parzenLogDensity(parzen, (i + 0.5) / 1000)) / 1000;
		expect(mass).toBeCloseTo(1, 2);
		expect(parzenLogDensity(parzen, 0.22)).toBeGreaterThan(parzenLogDensity(parzen, 0.5));
	});

	// A bowl with its best at lr = 0.003 (log scale), units = 40, relu; higher is better.
	const bowl = parseSearchSpace({
		params: {
			learningRate: { type: 'real', low: 1e-5, high: 1, log: true },
			units: { type: 'int', low: 1, high: 256 },
			activation: { type: 'choice', options: ['relu', 'tanh', 'elu', 'selu'] }
		}
	});
	const score = (p: TrialParams) =>
		-((Math.log10(Number(p.learningRate)) - Math.log10(0.003)) ** 2) -
		((Number(p.units) - 40) / 64) ** 2 -
		(p.activation === 'relu' ? 0 : 0.5);

	function bestOf(strategy: 'random' | 'tpe', seed: number, trials: number): number {
		const history: Observation[] = [];
		for (let trial = 0; trial < trials; trial++) {
			const params =
				strategy === 'tpe' ? sampleTpe(bowl, seed, trial, history) : sampleRandom(bowl, seed, trial);
			history.push({ params, value: score(params) });
		}
		return Math.max(...history.map((o) => o.value));
	}

	it('beats random search on average over 20 seeds at 40 trials, and repeats by seed', () => {
		let tpe = 0;
		let random = 0;
		for (let seed = 1; seed <= 20; seed++) {
			tpe += bestOf('tpe', seed, 40) / 20;
			random += bestOf('random', seed, 40) / 20;
		}
		expect(tpe).toBeGreaterThan(random);
		expect(bestOf('tpe', 3, 30)).toBe(bestOf('tpe', 3, 30));
	});
});
