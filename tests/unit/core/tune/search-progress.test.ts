// The Search panel's progress: the larger spent share of a budget in trials and time, and what the search
// does once its trials are over (the finalists' re-check, the winner's final run), not a full bar alone.
import { describe, expect, it } from 'vitest';
import { searchProgress } from '../../../../src/lib/core/tune/search-progress.ts';
import { runSearch, type TrialJob } from '../../../../src/lib/core/tune/search.ts';
import { parseSearchSpace } from '../../../../src/lib/core/tune/space.ts';

describe('searchProgress', () => {
	it('counts trials of a trial budget and seconds of a time budget, the larger share filling the bar', () => {
		expect(searchProgress({ trials: 20 }, 5, 90_000, { doing: 'trials' })).toEqual({
			fraction: 0.25,
			text: '5 of 20 trials finished'
		});
		expect(searchProgress({ timeMs: 60_000 }, 1, 15_500, { doing: 'trials' })).toEqual({
			fraction: 15_500 / 60_000,
			text: '1 trial finished · 15 of 60 s'
		});
		const both = searchProgress({ trials: 10, timeMs: 60_000 }, 8, 30_000, { doing: 'trials' });
		expect(both.fraction).toBe(0.8);
		expect(both.text).toBe('8 of 10 trials finished · 30 of 60 s');
		// Past the budget (the trial in flight, the final run) the bar stays full.
		expect(searchProgress({ timeMs: 60_000 }, 30, 61_000, { doing: 'trials' }).fraction).toBe(1);
	});

	it('says when the best trials are checked again and when the winner is trained', () => {
		expect(searchProgress({ trials: 20 }, 20, 0, { doing: 'recheck', trials: 5, folds: 5 }).text).toBe(
			'20 of 20 trials finished; checking the best 5 trials again by 5-fold cross-validation'
		);
		const final = searchProgress({ timeMs: 60_000 }, 12, 20_000, { doing: 'final' });
		expect(final.fraction).toBe(1);
		expect(final.text).toBe(
			'12 trials finished · 20 of 60 s; training the winner on every search row, then scoring the test rows once'
		);
	});
});

describe('runSearch onRecheck', () => {
	it('is called as the re-check starts, with its trials and folds, after every trial', async () => {
		const space = parseSearchSpace({
			params: { learningRate: { type: 'real', low: 1e-3, high: 1, log: true } }
		});
		const events: string[] = [];
		await runSearch(
			{
				space,
				strategy: 'random',
				seed: 1,
				budget: { trials: 8 },
				maxEpochs: 5,
				recheck: { finalists: 3, folds: 4 }
			},
			async (job: TrialJob) => {
				events.push(job.recheck ? `recheck ${job.trial}` : 'trial');
				return {
					status: 'completed',
					value: Number(job.params.learningRate),
					metrics: {},
					curve: [],
					durationMs: 1
				};
			},
			{ workers: 1, onRecheck: (trials, folds) => events.push(`start ${trials}×${folds}`) }
		);
		expect(events.slice(0, 8)).toEqual(Array(8).fill('trial'));
		expect(events[8]).toBe('start 3×4');
		expect(events.slice(9).every((e) => e.startsWith('recheck'))).toBe(true);
		expect(events).toHaveLength(12);
	});
});
