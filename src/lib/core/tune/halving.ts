// Successive halving on epochs, as Optuna's SuccessiveHalvingPruner does it: rungs at MIN_EPOCHS · ηᵏ epochs;
// at each rung a trial goes on only if its best validation score so far is among the top 1/η of the scores
// trials reached at that rung. Here the trials compared against are those of earlier batches (never ones
// still running), so a trial is pruned or not whatever order the workers finish in: the search repeats.
import type { TrialRecord } from './search.ts';

/** Keep the top 1/η at each rung (Optuna's reduction factor). */
export const ETA = 3;
/** The first rung: a few epochs show which learning curves go nowhere. */
export const MIN_EPOCHS = 5;

export interface RungCheck {
	epoch: number;
	/** Stop when the best validation score up to `epoch` is below this. */
	threshold: number;
}

/** The rung epochs below a full trial's `maxEpochs`: 5, 15, 45, … */
export function rungEpochs(maxEpochs: number): number[] {
	const rungs: number[] = [];
	for (let epoch = MIN_EPOCHS; epoch < maxEpochs; epoch *= ETA) rungs.push(epoch);
	return rungs;
}

/**
 * Each rung's threshold from the finished trials' curves: the ⌊n/η⌋-th best score at that rung (at least
 * the best). A rung with fewer than η scores prunes nothing yet.
 */
export function rungChecks(maxEpochs: number, history: readonly TrialRecord[]): RungCheck[] {
	const checks: RungCheck[] = [];
	for (const epoch of rungEpochs(maxEpochs)) {
		const scores = history
			.filter((t) => t.curve.length >= epoch && Number.isFinite(t.curve[epoch - 1]))
			.map((t) => t.curve[epoch - 1]!)
			.sort((a, b) => b - a);
		if (scores.length < ETA) continue;
		const keep = Math.max(1, Math.floor(scores.length / ETA));
		checks.push({ epoch, threshold: scores[keep - 1]! });
	}
	return checks;
}

/** Whether a trial whose best score so far is `best` at `epoch` is stopped there. */
export function prunedAt(rungs: readonly RungCheck[], epoch: number, best: number): boolean {
	const rung = rungs.find((r) => r.epoch === epoch);
	return rung !== undefined && !(best >= rung.threshold);
}
