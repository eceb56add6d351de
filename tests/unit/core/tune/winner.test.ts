// The search's winner: the best validation score, unless the best network does not beat the best linear
// trial by `--model auto`'s margins (a tie in accuracy; a regression must remove a quarter of the linear
// model's error), when the linear model is kept and the reason said.
import { describe, expect, it } from 'vitest';
import type { TrialRecord } from '../../../../src/lib/core/tune/search.ts';
import { searchWinner } from '../../../../src/lib/core/tune/winner.ts';

const trial = (
	n: number,
	family: string,
	value: number | null,
	extra: Partial<TrialRecord> = {}
): TrialRecord => ({
	trial: n,
	params: { family, units: n },
	status: 'completed',
	value,
	metrics: {},
	curve: [],
	durationMs: 10,
	...extra
});

describe('searchWinner', () => {
	it('keeps the linear model when the network’s R² gain is thin (diabetes’ 5-fold scores)', () => {
		const trials = [trial(0, 'mlp', 0.5266), trial(1, 'linear', 0.5014), trial(2, 'mlp', 0.51)];
		const { winner, reason } = searchWinner(trials, 'r2');
		expect(winner?.trial).toBe(1);
		expect(reason).toMatch(
			/^Kept the linear model \(trial 1, validation R² 0\.5014\) over the best network \(trial 0, 0\.5266\): the network removes less than 25%/
		);
	});

	it('keeps the network when it removes enough of the linear model’s error (Friedman’s)', () => {
		const trials = [trial(0, 'linear', 0.75), trial(1, 'mlp', 0.94)];
		expect(searchWinner(trials, 'r2')).toEqual({ winner: trials[1] });
	});

	it('keeps the linear model on an accuracy tie, the network when it leads by more than the margin', () => {
		const tie = [trial(0, 'mlp', 1), trial(1, 'linear', 0.998)];
		expect(searchWinner(tie, 'accuracy').winner?.trial).toBe(1);
		expect(searchWinner(tie, 'accuracy').reason).toMatch(/tie within 0\.005/);
		const lead = [trial(0, 'mlp', 1), trial(1, 'linear', 0.986)];
		expect(searchWinner(lead, 'accuracy')).toEqual({ winner: lead[0] });
	});

	it('is the best trial when no linear trial completed, or the best is linear already', () => {
		expect(searchWinner([trial(0, 'mlp', 0.5), trial(1, 'mlp', 0.6)], 'r2').winner?.trial).toBe(1);
		const failed = [trial(0, 'mlp', 0.5), trial(1, 'linear', null, { status: 'failed' })];
		expect(searchWinner(failed, 'r2').winner?.trial).toBe(0);
		expect(searchWinner([trial(0, 'linear', 0.6), trial(1, 'mlp', 0.59)], 'r2')).toEqual({
			winner: expect.objectContaining({ trial: 0 })
		});
		expect(searchWinner([], 'r2')).toEqual({ winner: null });
	});

	it('compares fold means only: once finalists were re-checked, a linear trial that was not counts for nothing', () => {
		const recheck = { folds: 5, splitValue: 0.55 };
		const trials = [trial(0, 'mlp', 0.52, { recheck }), trial(1, 'linear', 0.51)];
		expect(searchWinner(trials, 'r2').winner?.trial).toBe(0);
		const both = [trial(0, 'mlp', 0.52, { recheck }), trial(1, 'linear', 0.51, { recheck })];
		expect(searchWinner(both, 'r2').winner?.trial).toBe(1);
	});
});
