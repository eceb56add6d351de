// The search loop with a stand-in trial: batches proposed from earlier batches only, so one worker and four
// give the same trials; ASHA's rungs from finished curves; budgets in trials and time; resume.
import { describe, expect, it } from 'vitest';
import { prunedAt, rungChecks, rungEpochs } from '../../../../src/lib/core/tune/halving.ts';
import {
	bestTrial,
	runSearch,
	type SearchConfig,
	type TrialJob,
	type TrialOutcome,
	type TrialRecord
} from '../../../../src/lib/core/tune/search.ts';
import { parseSearchSpace } from '../../../../src/lib/core/tune/space.ts';

const space = parseSearchSpace({
	params: {
		learningRate: { type: 'real', low: 1e-4, high: 1, log: true },
		units: { type: 'int', low: 4, high: 64 }
	}
});

/** A stand-in trial: its score peaks at lr 0.01; it takes a random-ish time, so workers finish out of order. */
async function fakeTrial(job: TrialJob): Promise<TrialOutcome> {
	const lr = Number(job.params.learningRate);
	const value = 1 - Math.abs(Math.log10(lr) + 2) / 4;
	await new Promise((resolve) => setTimeout(resolve, (job.trial * 7) % 5));
	const curve = Array.from({ length: 20 }, (_, i) => value * (1 - 1 / (i + 2)));
	const pruned = job.rungs.some((r) => prunedAt(job.rungs, r.epoch, curve[r.epoch - 1]!));
	return {
		status: pruned ? 'pruned' : 'completed',
		value,
		metrics: { accuracy: value },
		curve,
		durationMs: 1
	};
}

const config = (strategy: SearchConfig['strategy'], trials = 20): SearchConfig => ({
	space,
	strategy,
	seed: 5,
	budget: { trials },
	maxEpochs: 20
});

const summary = (trials: TrialRecord[]) => trials.map((t) => [t.trial, t.params, t.status, t.value]);

describe('runSearch', () => {
	it('gives the same trials and winner with one worker and four (TPE), trials in order', async () => {
		const one = await runSearch(config('tpe'), fakeTrial, { workers: 1 });
		const four = await runSearch(config('tpe'), fakeTrial, { workers: 4 });
		expect(one.trials.map((t) => t.trial)).toEqual([...Array(20).keys()]);
		expect(summary(four.trials)).toEqual(summary(one.trials));
		expect(bestTrial(four.trials)).toEqual(bestTrial(one.trials));
		expect(one.done).toBe(true);
	});

	it('runs the whole grid when the budget allows, and stops at the budget', async () => {
		const grid = parseSearchSpace({ params: { units: { type: 'int', low: 4, high: 64, steps: 3 } } });
		const state = await runSearch({ ...config('grid', 10), space: grid }, fakeTrial, { workers: 2 });
		expect(state.trials.map((t) => t.params.units)).toEqual([4, 34, 64]);
		const random = await runSearch(config('random', 6), fakeTrial, { workers: 3 });
		expect(random.trials).toHaveLength(6);
	});

	it('starts no trial after the time budget', async () => {
		let clock = 0;
		const timed = await runSearch(
			{ ...config('random'), budget: { timeMs: 100 } },
			async (job) => {
				clock += 30;
				return fakeTrial(job);
			},
			{ workers: 1, now: () => clock }
		);
		// Trials start at 0, 30, 60 and 90 ms of search time; the fifth would start at 120.
		expect(timed.trials).toHaveLength(4);
		expect(timed.done).toBe(true);
	});

	it('goes on from a stopped search and ends where an uninterrupted one does', async () => {
		let started = 0;
		const stopped = await runSearch(config('tpe', 16), fakeTrial, {
			workers: 2,
			shouldStop: () => ++started > 6
		});
		expect(stopped.done).toBe(false);
		const resumed = await runSearch(config('tpe', 16), fakeTrial, {
			workers: 2,
			resume: JSON.parse(JSON.stringify(stopped))
		});
		const whole = await runSearch(config('tpe', 16), fakeTrial, { workers: 2 });
		expect(summary(resumed.trials)).toEqual(summary(whole.trials));
	});

	it('asks for a budget', async () => {
		await expect(runSearch({ ...config('random'), budget: {} }, fakeTrial, { workers: 1 })).rejects.toThrow(
			/needs a budget/
		);
	});
});

describe('successive halving', () => {
	it('puts rungs at 5, 15, 45 … epochs and keeps the top third at each', () => {
		expect(rungEpochs(100)).toEqual([5, 15, 45]);
		expect(rungEpochs(5)).toEqual([]);
		const record = (values: number[]): TrialRecord => ({
			trial: 0,
			params: {},
			status: 'completed',
			value: values.at(-1)!,
			metrics: {},
			curve: values,
			durationMs: 0
		});
		const flat = (v: number) => record(Array(20).fill(v));
		expect(rungChecks(20, [flat(0.5), flat(0.9)])).toEqual([]);
		const history = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6].map(flat);
		expect(rungChecks(20, history)).toEqual([
			{ epoch: 5, threshold: 0.5 },
			{ epoch: 15, threshold: 0.5 }
		]);
		expect(prunedAt(rungChecks(20, history), 5, 0.45)).toBe(true);
		expect(prunedAt(rungChecks(20, history), 5, 0.55)).toBe(false);
		expect(prunedAt(rungChecks(20, history), 6, 0)).toBe(false);
	});

	it('prunes weak trials of later batches in a search', async () => {
		const state = await runSearch(config('asha', 24), fakeTrial, { workers: 4 });
		const pruned = state.trials.filter((t) => t.status === 'pruned');
		expect(pruned.length).toBeGreaterThan(0);
		expect(state.trials.slice(0, 4).every((t) => t.status === 'completed')).toBe(true);
		expect(bestTrial(state.trials)!.status).toBe('completed');
	});
});

describe('bestTrial', () => {
	it('breaks a tie in the score by the tiebreak (lower log loss), then by the earlier trial', () => {
		const record = (trial: number, value: number, tiebreak?: number): TrialRecord => ({
			trial,
			params: {},
			status: 'completed',
			value,
			...(tiebreak === undefined ? {} : { tiebreak }),
			metrics: {},
			curve: [],
			durationMs: 0
		});
		expect(bestTrial([record(0, 1, -0.3), record(1, 1, -0.1), record(2, 0.9, 0)])!.trial).toBe(1);
		expect(bestTrial([record(0, 1), record(1, 1)])!.trial).toBe(0);
		expect(bestTrial([record(0, 0.5, -0.1), { ...record(1, 0.9), status: 'pruned' }])!.trial).toBe(0);
	});
});
