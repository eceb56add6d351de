// Trials kept as runs. Every trial stays a row of the search (its values, scores, time), but only the
// KEPT_TRIAL_RUNS best completed trials keep their trained model as a run, grouped under their search
// (`search`, `trial`), so the run list, Evaluate and "Save as model" open them like any run. A 200-trial
// search would otherwise store 200 models (a default MLP's run is a few hundred KB, its history included),
// most of them losers nobody opens, and fill a browser's quota; the best ten are the ones worth comparing.
// Pruned and failed trials keep no run: their models stopped part-way. When a better trial arrives, the
// kept trial it pushes out is dropped (the caller deletes its run).
import type { TrainingOutcome } from '../train/run-training.ts';
import { ranksAbove, type TrialRecord } from './search.ts';

/** The best trials of a search whose runs are kept. */
export const KEPT_TRIAL_RUNS = 10;

/** A trial's run as stored: the run record, marked with its search and trial, and its model. */
export type TrialRun = Pick<TrainingOutcome, 'run' | 'artifact'>;

/** The trial's training as a run of its search. */
export function trialRun(training: TrainingOutcome, searchId: string | undefined, trial: number): TrialRun {
	return {
		run: {
			...training.run,
			name: `Trial ${trial} · ${training.run.name}`,
			...(searchId === undefined ? {} : { search: searchId }),
			trial
		},
		artifact: training.artifact
	};
}

export interface Admission {
	/** Whether the new trial's run is kept. */
	keep: boolean;
	/** Kept trials it pushes out of the best KEPT_TRIAL_RUNS: their runs are to be deleted. */
	evict: TrialRecord[];
}

/** Whether a finished trial's run is kept, given the trials kept so far, and which of those it pushes out. */
export function admitTrial(
	kept: readonly TrialRecord[],
	record: TrialRecord,
	limit = KEPT_TRIAL_RUNS
): Admission {
	if (record.status !== 'completed' || record.value === null) return { keep: false, evict: [] };
	const ranked = [...kept, record].sort((a, b) => (ranksAbove(a, b) ? -1 : ranksAbove(b, a) ? 1 : 0));
	const stays = new Set(ranked.slice(0, limit));
	return { keep: stays.has(record), evict: kept.filter((t) => !stays.has(t)) };
}
