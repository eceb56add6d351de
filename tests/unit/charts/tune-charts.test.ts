// The search's charts: best score so far, parallel coordinates and per-field importance (rank correlation).
import { describe, expect, it } from 'vitest';
import { bestSoFarPoints, tuneBestSoFarSpec } from '../../../src/lib/core/charts/tune-best-so-far.ts';
import {
	fieldImportance,
	ranks,
	spearman,
	tuneImportanceSpec
} from '../../../src/lib/core/charts/tune-importance.ts';
import { parallelPoints, tuneParallelSpec } from '../../../src/lib/core/charts/tune-parallel.ts';
import type { TrialRecord } from '../../../src/lib/core/tune/search.ts';
import { parseSearchSpace } from '../../../src/lib/core/tune/space.ts';

const trial = (
	n: number,
	params: TrialRecord['params'],
	value: number | null,
	status: TrialRecord['status'] = 'completed'
): TrialRecord => ({
	trial: n,
	params,
	status,
	value,
	metrics: {},
	curve: [],
	durationMs: 10
});

// The score rises with the learning rate; the activation does not matter.
const trials = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3].map((lr, i) =>
	trial(i, { learningRate: lr, activation: i % 2 ? 'relu' : 'tanh' }, 0.5 + i * 0.05)
);

describe('tune charts', () => {
	it('tracks the best completed score in finishing order, skipping failures', () => {
		const points = bestSoFarPoints([
			trial(0, {}, 0.7),
			trial(1, {}, null, 'failed'),
			trial(2, {}, 0.9, 'pruned'),
			trial(3, {}, 0.8)
		]);
		expect(points.map((p) => [p.trial, p.order, p.best])).toEqual([
			[0, 1, 0.7],
			[2, 2, 0.7],
			[3, 3, 0.8]
		]);
		expect((tuneBestSoFarSpec(trials, 'accuracy') as { layer: unknown[] }).layer).toHaveLength(2);
	});

	it('draws a diverged trial at the foot of the axis, marked, with its own score in the tooltip', () => {
		const diverged = [...trials, trial(6, { learningRate: 1, activation: 'relu' }, -2.5e6)];
		const points = bestSoFarPoints(diverged);
		const last = points.at(-1)!;
		expect(last).toMatchObject({ value: -2.5e6, place: 'below the axis' });
		expect(last.shown).toBeGreaterThan(0.4);
		expect(last.shown).toBeLessThan(Math.min(...points.slice(0, -1).map((p) => p.shown)));
		expect(points.slice(0, -1).every((p) => p.shown === p.value && p.place === undefined)).toBe(true);
		const spec = tuneBestSoFarSpec(diverged, 'R²') as { layer: { encoding: Record<string, unknown> }[] };
		expect(spec.layer[0]!.encoding.shape).toBeDefined();
		expect(JSON.stringify(spec.layer[0]!.encoding.tooltip)).toContain('"field":"value"');
		expect(
			(tuneBestSoFarSpec(trials, 'R²') as { layer: { encoding: Record<string, unknown> }[] }).layer[0]!
				.encoding.shape
		).toBeUndefined();
	});

	it('ranks with ties and correlates ranks', () => {
		expect(ranks([3, 1, 3, 2])).toEqual([3.5, 1, 3.5, 2]);
		expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1);
		expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
		expect(spearman([1, 1, 1], [1, 2, 3])).toBe(0);
	});

	it('finds the field that moves the score, and says nothing below five trials', () => {
		const importance = fieldImportance(trials);
		expect(importance[0]).toMatchObject({
			field: 'learningRate',
			importance: 1,
			direction: 'higher',
			kind: 'rank correlation'
		});
		expect(importance[1]!.field).toBe('activation');
		expect(importance[1]!.importance).toBeLessThan(0.5);
		expect(fieldImportance(trials.slice(0, 4))).toEqual([]);
		expect((tuneImportanceSpec(trials).data as { values: unknown[] }).values).toHaveLength(2);
	});

	it('places each trial on every axis, log ranges on the logarithm', () => {
		const space = parseSearchSpace({
			params: {
				learningRate: { type: 'real', low: 0.001, high: 0.1, log: true },
				activation: { type: 'choice', options: ['relu', 'tanh'] }
			}
		});
		const points = parallelPoints(space, trials.slice(0, 3), 'accuracy');
		const lr = points.filter((p) => p.axis === 'Learning rate').map((p) => p.position);
		expect(lr[0]).toBeCloseTo(0);
		expect(lr[2]).toBeCloseTo(0.5);
		const score = points.filter((p) => p.axis === 'Validation accuracy').map((p) => p.position);
		expect(score[0]).toBe(0);
		expect(score[1]).toBeCloseTo(0.5);
		expect(score[2]).toBe(1);
		expect((tuneParallelSpec(space, trials, 'accuracy').data as { values: unknown[] }).values).toHaveLength(
			18
		);
		// A diverged trial takes the score axis' foot and its colour; the others keep their spread.
		const diverged = [...trials, trial(6, { learningRate: 0.05, activation: 'relu' }, -2.5e6)];
		const scores = parallelPoints(space, diverged, 'R²').filter((p) => p.axis === 'Validation R²');
		const positions = scores.map((p) => p.position);
		expect(positions[0]).toBeGreaterThan(0.05);
		expect(positions[5]).toBe(1);
		expect(positions.at(-1)).toBe(0);
		expect(scores.at(-1)!.score).toBe(-2.5e6);
		expect(scores.at(-1)!.shade).toBeGreaterThan(0.45);
		expect(scores.at(-1)!.shade).toBeLessThan(0.5);
	});
});
