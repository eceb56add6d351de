// Which trials `tune --out` writes (admitTrial: the best KEPT_TRIAL_RUNS completed ones, a better trial pushing
// the worst out), and which stored trial runs the run list's "keep the best N" deletes (trialRunsToDelete).
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../../src/lib/core/train/run-record.ts';
import type { TrialRecord } from '../../../../src/lib/core/tune/search.ts';
import {
	admitTrial,
	KEPT_TRIAL_RUNS,
	trialRun,
	trialRunsToDelete
} from '../../../../src/lib/core/tune/trial-runs.ts';

const trial = (
	n: number,
	value: number | null,
	status: TrialRecord['status'] = 'completed'
): TrialRecord => ({
	trial: n,
	params: {},
	status,
	value,
	metrics: {},
	curve: [],
	durationMs: 1
});

/** Offers the trials in order, as a search finishes them; returns the trial numbers kept at the end. */
function keepAll(trials: TrialRecord[], limit?: number): number[] {
	let kept: TrialRecord[] = [];
	for (const t of trials) {
		const { keep, evict } = admitTrial(kept, t, limit);
		kept = kept.filter((k) => !evict.includes(k));
		if (keep) kept.push(t);
	}
	return kept.map((t) => t.trial).sort((a, b) => a - b);
}

describe('admitTrial', () => {
	it('keeps every completed trial until the limit, then only those better than the worst kept', () => {
		const kept = [trial(0, 0.5), trial(1, 0.7)];
		expect(admitTrial(kept, trial(2, 0.6), 3)).toEqual({ keep: true, evict: [] });
		expect(admitTrial(kept, trial(2, 0.6), 2)).toEqual({ keep: true, evict: [kept[0]] });
		expect(admitTrial(kept, trial(2, 0.4), 2)).toEqual({ keep: false, evict: [] });
		// A tie keeps the earlier trial (bestTrial's order).
		expect(admitTrial(kept, trial(2, 0.5), 2)).toEqual({ keep: false, evict: [] });
	});

	it('never keeps a pruned or failed trial', () => {
		expect(admitTrial([], trial(0, 0.9, 'pruned')).keep).toBe(false);
		expect(admitTrial([], trial(0, null, 'failed')).keep).toBe(false);
	});

	it('leaves the best ten of a 200-trial search, whatever order they finish in', () => {
		const values = Array.from({ length: 200 }, (_, i) => ((i * 7919) % 200) / 200);
		const trials = values.map((v, i) => trial(i, v));
		const best = [...trials]
			.sort((a, b) => b.value! - a.value!)
			.slice(0, KEPT_TRIAL_RUNS)
			.map((t) => t.trial)
			.sort((a, b) => a - b);
		expect(keepAll(trials)).toEqual(best);
		expect(keepAll([...trials].reverse())).toEqual(best);
	});
});

/** A stored run of search `search`: a trial's (validation rows only) or the winner's (test rows too). */
const run = (
	id: string,
	opts: {
		trial?: number;
		accuracy?: number;
		logLoss?: number;
		winner?: boolean;
		pruned?: boolean;
		search?: string;
	}
): RunRecord =>
	({
		id,
		task: 'classification',
		history: [],
		search: opts.search ?? 's1',
		trial: opts.trial,
		rows: { train: 80, validation: 20, test: opts.winner ? 25 : 0 },
		metrics: {
			validation: { accuracy: opts.accuracy ?? 0.5, log_loss: opts.logLoss ?? 0.5 },
			...(opts.winner ? { test: { accuracy: 0.9 } } : {})
		},
		...(opts.pruned ? { pruned: true } : {})
	}) as unknown as RunRecord;

describe('trialRunsToDelete', () => {
	const runs = [
		run('w', { trial: 2, accuracy: 0.95, winner: true }),
		run('t0', { trial: 0, accuracy: 0.8 }),
		run('t1', { trial: 1, accuracy: 0.9, logLoss: 0.4 }),
		run('t2', { trial: 2, accuracy: 0.95 }),
		run('t3', { trial: 3, accuracy: 0.9, logLoss: 0.3 }),
		run('t4', { trial: 4, accuracy: 0.99, pruned: true })
	];
	const ids = (list: RunRecord[]) => list.map((r) => r.id);

	it('keeps the best N completed trial runs by validation score (log loss breaks ties), never the winner', () => {
		expect(ids(trialRunsToDelete(runs, 2))).toEqual(['t0', 't1', 't4']);
		expect(ids(trialRunsToDelete(runs, 3))).toEqual(['t0', 't4']);
		// Keeping none deletes every trial run, and still not the winner's.
		expect(ids(trialRunsToDelete(runs, 0))).toEqual(['t0', 't1', 't2', 't3', 't4']);
	});

	it('deletes pruned trial runs whatever their partial score, and nothing when N covers the rest', () => {
		expect(ids(trialRunsToDelete(runs, 10))).toEqual(['t4']);
		expect(trialRunsToDelete(runs.slice(0, 4), 10)).toEqual([]);
	});

	it('ranks the runs of a search that selected on macro F1 by macro F1, not accuracy', () => {
		const f1 = (id: string, trial: number, accuracy: number, f1Macro: number) => {
			const r = run(id, { trial, accuracy });
			return {
				...r,
				selectedOn: 'f1_macro',
				metrics: { validation: { ...r.metrics.validation, f1_macro: f1Macro } }
			} as RunRecord;
		};
		// The most accurate trial answers the big class; the other finds the small ones.
		const byF1 = [f1('a', 0, 0.9, 0.4), f1('b', 1, 0.85, 0.7)];
		expect(ids(trialRunsToDelete(byF1, 1))).toEqual(['a']);
	});
});

describe('trialRun', () => {
	it('names and marks a pruned trial’s run; a completed one carries no mark', () => {
		const training = { run: { name: 'mlp 2×8' }, artifact: {}, model: null } as never;
		const pruned = trialRun(training, 's1', 3, true).run;
		expect(pruned).toMatchObject({
			name: 'Trial 3 (pruned) · mlp 2×8',
			search: 's1',
			trial: 3,
			pruned: true
		});
		const completed = trialRun(training, 's1', 4).run;
		expect(completed.name).toBe('Trial 4 · mlp 2×8');
		expect('pruned' in completed).toBe(false);
	});
});
