// How a search keeps its time budget. No trial starts after the time for trials is up, and a trial still
// training then is stopped there (run-trial.ts: recorded as pruned, "stopped at the time budget"), once some
// trial has finished, so the search always has a winner. The winner's final run (refit.ts) comes after
// the budget's trials, so its time is kept too: before, a 60 s search on flights-2k, whose 5-fold trials
// took 10–18 s, ended at 67 s idle and at 90 s on a loaded machine.
import type { TrialRecord } from './search.ts';

/** The training runs a record's duration covers: its folds, or one split plus a finalist's re-check. */
function fitsIn(record: TrialRecord): number {
	if (record.recheck) return 1 + record.recheck.folds;
	return Math.max(1, record.foldValues?.length ?? 1);
}

/** The time kept for the winner's final run: one training run of the best trial so far (`best`, search.ts's
 * bestTrial), which trains on every search row for its kept epochs. */
export function finalFitReserve(best: TrialRecord | null): number {
	if (best === null) return 0;
	return best.durationMs / fitsIn(best);
}
