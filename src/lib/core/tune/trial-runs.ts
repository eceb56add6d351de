// Trials kept as runs. Every trial that trained to its end or was pruned part-way keeps its model as a run,
// grouped under its search (`search`, `trial`), so the run list, Evaluate, comparison and "Save as model"
// open it like any run (its `searchRows` say which rows it saw: core/evaluate/search-rows.ts). A pruned
// trial's run holds the model as it stood when ASHA stopped it, marked `pruned`. Failed trials keep none.
// A default MLP's run is a few hundred KB with its history, so a long search fills storage: the run list
// offers to keep a search's best N trial runs and delete the rest (trialRunsToDelete), never silently. The
// CLI's `tune --out` writes only the best KEPT_TRIAL_RUNS trials' models (admitTrial) beside the winner.
import type { RunRecord } from '../train/run-record.ts';
import type { TrainingOutcome } from '../train/run-training.ts';
import { isSearchWinner } from './run-groups.ts';
import { trialFigures } from './trial-figures.ts';
import { ranksAbove, type TrialRecord } from './search.ts';

/** The trials `benchtop tune --out` writes, and the run list's default for "keep the best N". */
export const KEPT_TRIAL_RUNS = 10;

/** A trial's run as stored: the run record, marked with its search and trial, and its model. */
export type TrialRun = Pick<TrainingOutcome, 'run' | 'artifact'>;

/** The trial's training as a run of its search; `pruned`: ASHA stopped it part-way. */
export function trialRun(
	training: TrainingOutcome,
	searchId: string | undefined,
	trial: number,
	pruned = false
): TrialRun {
	return {
		run: {
			...training.run,
			name: `Trial ${trial}${pruned ? ' (pruned)' : ''} · ${training.run.name}`,
			...(searchId === undefined ? {} : { search: searchId }),
			trial,
			...(pruned ? { pruned: true } : {})
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

/**
 * Which of a search's runs "keep the best `keep` trial runs" deletes: every pruned trial's run and the
 * completed ones below the best `keep` by their validation score (as the search ranked them: ranksAbove).
 * The winner's final run and runs of other searches are never among them.
 */
export function trialRunsToDelete(runs: readonly RunRecord[], keep: number): RunRecord[] {
	const trials = runs.filter((r) => r.search !== undefined && !isSearchWinner(r));
	const scored = trials
		.filter((r) => !r.pruned && r.task !== 'clustering')
		.map((run) => ({ run, ...trialFigures(run, run.task) }))
		.filter((t) => t.value !== null)
		.sort((a, b) => (ranksAbove(a, b) ? -1 : ranksAbove(b, a) ? 1 : (a.run.trial ?? 0) - (b.run.trial ?? 0)));
	const stays = new Set(scored.slice(0, Math.max(0, Math.floor(keep))).map((t) => t.run));
	return trials.filter((r) => !stays.has(r));
}
