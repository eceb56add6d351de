// The foot of a search's score axis: far-out low scores (a diverged network) are left below it, ordinary
// spreads and ties are not.
import { describe, expect, it } from 'vitest';
import { scoreFloor } from '../../../src/lib/core/charts/score-floor.ts';

describe('scoreFloor', () => {
	it('leaves a diverged network below the axis, ending the axis just under the lowest ordinary score', () => {
		// movies.json's IMDB rating search: networks and linear trials between 0.49 and 0.58, one network at −2.5e6.
		const scores = [0.5799, 0.5763, 0.5662, 0.5547, 0.5503, 0.4975, 0.4897, 0.4895, -2532044.5277];
		const floor = scoreFloor(scores);
		expect(floor).toBeLessThan(0.4895);
		expect(floor).toBeGreaterThan(0.47);
	});

	it('keeps every score on the axis when none is far out', () => {
		expect(scoreFloor([0.5, 0.55, 0.6, 0.65, 0.7, 0.2])).toBe(-Infinity);
		expect(scoreFloor([0.9, 0.8, -1e9])).toBe(-Infinity); // too few scores to call one an outlier
	});

	it('does not call a near tie an outlier when most trials score the same', () => {
		// Accuracy 1.0 on a small table: the interquartile range is 0, and 0.97 is one row, not a failure.
		expect(scoreFloor([1, 1, 1, 1, 1, 0.97])).toBe(-Infinity);
		const floor = scoreFloor([1, 1, 1, 1, 1, 0.97, 0.3]);
		expect(floor).toBeGreaterThan(0.3);
		expect(floor).toBeLessThan(0.97);
	});
});
