// The finalists' re-check: the best few trials by their single validation split are scored again by k-fold
// cross-validation, and the winner is the best of those on the folds' mean; the search proper leaves a share
// of a time budget for it; the same search repeats with one worker or four.
import { describe, expect, it } from 'vitest';
import {
	FINALISTS,
	RECHECK_FOLDS,
	affordable,
	finalists,
	recheckReserve,
	rechecked,
	searchRecheck,
	splitScore
} from '../../../../src/lib/core/tune/finalists.ts';
import {
	bestTrial,
	runSearch,
	type SearchConfig,
	type TrialJob,
	type TrialOutcome,
	type TrialRecord
} from '../../../../src/lib/core/tune/search.ts';
import { parseSearchSpace } from '../../../../src/lib/core/tune/space.ts';

const record = (
	trial: number,
	value: number | null,
	params: TrialRecord['params'] = { units: trial }
): TrialRecord => ({
	trial,
	params,
	status: 'completed',
	value,
	metrics: {},
	curve: [],
	durationMs: 10
});

describe('finalists', () => {
	it('takes the best completed trials by split score, one per set of values', () => {
		const trials = [
			record(0, 0.5),
			record(1, 0.9),
			record(2, 0.9, { units: 1 }), // the same values as trial 1
			{ ...record(3, 0.99), status: 'pruned' as const },
			record(4, 0.7),
			record(5, null)
		];
		expect(finalists(trials, 2).map((t) => t.trial)).toEqual([1, 4]);
		expect(finalists(trials, 10).map((t) => t.trial)).toEqual([1, 4, 0]);
	});

	it('adds the best linear trial when the best few are networks, so the winner’s rule can compare them', () => {
		const trials = [
			record(0, 0.9, { family: 'mlp', units: 8 }),
			record(1, 0.8, { family: 'linear', l2: 0.01 }),
			record(2, 0.85, { family: 'mlp', units: 16 }),
			record(3, 0.7, { family: 'linear', l2: 0.001 })
		];
		expect(finalists(trials, 2).map((t) => t.trial)).toEqual([0, 2, 1]);
		expect(finalists(trials, 3).map((t) => t.trial)).toEqual([0, 2, 1]);
		expect(finalists(trials.slice(0, 1), 2).map((t) => t.trial)).toEqual([0]);
	});

	it('ranks a re-checked trial on its split score, not its folds’ mean', () => {
		const checked = rechecked(record(0, 0.9), { ...record(0, 0.2), foldValues: [0.1, 0.3] }, 2);
		expect(splitScore(checked)).toBe(0.9);
		expect(finalists([checked, record(1, 0.8)], 1)[0]!.trial).toBe(0);
	});
});

describe('rechecked', () => {
	it("puts the folds' mean in value and keeps the split's score", () => {
		const before = { ...record(3, 0.8), tiebreak: -0.4, epochs: 90 };
		const after = rechecked(
			before,
			{ ...record(3, 0.6), tiebreak: -0.5, foldValues: [0.5, 0.7], durationMs: 40, epochs: 61 },
			2
		);
		// The refit trains the folds' mean epochs, as the folds' mean chose the trial.
		expect(after.epochs).toBe(61);
		expect(after.value).toBe(0.6);
		expect(after.tiebreak).toBe(-0.5);
		expect(after.foldValues).toEqual([0.5, 0.7]);
		expect(after.durationMs).toBe(50);
		expect(after.recheck).toEqual({ folds: 2, splitValue: 0.8, splitTiebreak: -0.4 });
	});

	it('keeps the split’s score and says why when the re-check did not finish', () => {
		const before = record(1, 0.8);
		const failed = { ...record(1, null), status: 'failed' as const, message: 'fold 2: diverged' };
		expect(rechecked(before, failed, 5)).toEqual({ ...before, recheckFailed: 'fold 2: diverged' });
		expect(rechecked(before, { ...record(1, null), status: 'pruned' }, 5).recheckFailed).toBe(
			'its 5-fold re-check gave no score'
		);
	});
});

describe('recheckReserve and affordable', () => {
	const slow = (trial: number, value: number) => ({ ...record(trial, value), durationMs: 100 });
	it('keeps the finalists’ time × folds, at most half of the budget', () => {
		const config = { finalists: 2, folds: 5 };
		// Two finalists of 100 ms, 5 folds, one worker: 1 s.
		expect(recheckReserve([slow(0, 0.9), slow(1, 0.8), slow(2, 0.1)], config, 1, 10_000)).toBe(1000);
		expect(recheckReserve([slow(0, 0.9), slow(1, 0.8), slow(2, 0.1)], config, 2, 4000)).toBe(500);
		expect(recheckReserve([slow(0, 0.9), slow(1, 0.8), slow(2, 0.1)], config, 1, 1000)).toBe(500);
		// Finalists re-checked already cost nothing more.
		const done = rechecked(slow(0, 0.9), { ...slow(0, 0.8), foldValues: [0.8] }, 5);
		expect(recheckReserve([done, slow(1, 0.8), slow(2, 0.1)], config, 1, 10_000)).toBe(500);
		// No more trials finished than finalists: no re-check would be made, so no time is kept for one.
		expect(recheckReserve([slow(0, 0.9), slow(1, 0.8)], config, 1, 10_000)).toBe(0);
	});

	it('takes the best finalists whose re-check fits in the time left', () => {
		const chosen = [slow(0, 0.9), slow(1, 0.8), slow(2, 0.7)];
		expect(affordable(chosen, 5, 1, 1000).map((t) => t.trial)).toEqual([0, 1]);
		expect(affordable(chosen, 5, 2, 1000).map((t) => t.trial)).toEqual([0, 1, 2]);
		expect(affordable(chosen, 5, 1, 499)).toEqual([]);
	});
});

describe('searchRecheck', () => {
	it('re-checks unless every trial is cross-validated already or the request turns it off', () => {
		expect(searchRecheck({})).toEqual({ finalists: FINALISTS, folds: RECHECK_FOLDS });
		expect(searchRecheck({ folds: 5 })).toBeUndefined();
		// 0 folds: one validation split, asked for; its finalists are re-checked.
		expect(searchRecheck({ folds: 0 })).toEqual({ finalists: FINALISTS, folds: RECHECK_FOLDS });
		expect(searchRecheck({ recheck: false })).toBeUndefined();
	});
});

const space = parseSearchSpace({ params: { learningRate: { type: 'real', low: 1e-4, high: 1, log: true } } });

/** One split flatters large learning rates; the folds' mean (the truth here) peaks at lr 0.01. */
async function trial(job: TrialJob): Promise<TrialOutcome> {
	const lr = Number(job.params.learningRate);
	const truth = 1 - Math.abs(Math.log10(lr) + 2) / 4;
	const value = job.recheck ? truth : truth + lr;
	await new Promise((resolve) => setTimeout(resolve, (job.trial * 7) % 5));
	return {
		status: 'completed',
		value,
		metrics: { accuracy: value },
		curve: [value],
		durationMs: 1,
		...(job.recheck ? { foldValues: Array(job.recheck).fill(value) } : {})
	};
}

const config = (trials: number): SearchConfig => ({
	space,
	strategy: 'random',
	seed: 3,
	budget: { trials },
	maxEpochs: 10,
	recheck: { finalists: 3, folds: 4 }
});

describe('runSearch with a re-check', () => {
	it('picks the winner among the re-checked finalists, the same with one worker or four', async () => {
		const jobs: TrialJob[] = [];
		const one = await runSearch(config(16), (job) => (jobs.push(job), trial(job)), { workers: 1 });
		const four = await runSearch(config(16), trial, { workers: 4 });
		expect(jobs.filter((j) => j.recheck === 4)).toHaveLength(3);
		const checked = one.trials.filter((t) => t.recheck);
		expect(checked.map((t) => t.trial).sort()).toEqual(
			finalists(
				one.trials.map((t) => (t.recheck ? { ...t, value: t.recheck.splitValue } : t)),
				3
			)
				.map((t) => t.trial)
				.sort()
		);
		const best = bestTrial(one.trials)!;
		expect(best.recheck).toBeDefined();
		// The winner on the folds' mean, which the single split's best need not be.
		expect(best.value).toBe(Math.max(...checked.map((t) => t.value!)));
		expect(bestTrial(four.trials)).toEqual(best);
		expect(one.trials).toHaveLength(16);
		expect(one.done).toBe(true);
	});

	it('says why a finalist’s re-check failed, and does not try it again', async () => {
		let clock = 0;
		const rechecks: number[] = [];
		const failing = async (job: TrialJob): Promise<TrialOutcome> => {
			clock += 10;
			if (!job.recheck) return { ...(await trial(job)), durationMs: 10 };
			rechecks.push(job.trial);
			return { ...(await trial(job)), status: 'failed', value: null, message: 'fold 3: diverged' };
		};
		// A time budget: the search goes on after its re-checks and chooses finalists again.
		const state = await runSearch({ ...config(1000), budget: { timeMs: 600 } }, failing, {
			workers: 1,
			now: () => clock
		});
		expect(rechecks.length).toBeGreaterThanOrEqual(3);
		expect(state.trials.length).toBeGreaterThan(20);
		expect(new Set(rechecks).size).toBe(rechecks.length);
		const failed = state.trials.filter((t) => t.recheckFailed);
		expect(failed.map((t) => t.trial).sort()).toEqual([...rechecks].sort());
		expect(failed.every((t) => t.recheckFailed === 'fold 3: diverged' && !t.recheck)).toBe(true);
		expect(bestTrial(state.trials)!.recheck).toBeUndefined();
	});

	it('re-checks nothing when no more trials finished than there are finalists', async () => {
		const state = await runSearch(config(3), trial, { workers: 2 });
		expect(state.trials.some((t) => t.recheck)).toBe(false);
	});

	it('keeps time for the re-check within a time budget and spends what it leaves on more trials', async () => {
		let clock = 0;
		const timed = async (job: TrialJob) => {
			// A re-check trains once per fold: 4 × a trial's 10 ms.
			const ms = job.recheck ? 40 : 10;
			clock += ms;
			return { ...(await trial(job)), durationMs: ms };
		};
		const state = await runSearch({ ...config(1000), budget: { timeMs: 1000 } }, timed, {
			workers: 1,
			now: () => clock
		});
		// The second is filled to within one re-check and never overrun by more than one trial.
		expect(clock).toBeGreaterThan(960);
		expect(clock).toBeLessThan(1010);
		expect(state.trials.length).toBeGreaterThan(80);
		expect(state.trials.filter((t) => t.recheck).length).toBeGreaterThanOrEqual(3);
		expect(bestTrial(state.trials)!.recheck).toBeDefined();
		expect(state.done).toBe(true);
	});
});
