// What the search reads off a trial's run: its validation score, tie-break and learning curve, and the
// folds' mean metrics. Pure, so the run list can rank trial runs without loading the training code.
import type { Task } from '../models/types.ts';
import type { RunRecord } from '../train/run-record.ts';
import type { TrialOutcome } from './search.ts';
import { epochScore, selectionMetric, type SelectionMetric } from './selection.ts';

/** A run's score and learning curve as the search reads them, on the search's metric (`selectedOn`, set on
 * the runs of a search that chose one, else accuracy or R²). */
export function trialFigures(
	outcome: Pick<RunRecord, 'metrics' | 'history' | 'selectedOn'>,
	task: Task
): Pick<TrialOutcome, 'value' | 'tiebreak' | 'metrics' | 'curve'> {
	const metric: SelectionMetric = outcome.selectedOn ?? selectionMetric(task);
	const metrics = outcome.metrics.validation ?? {};
	const value =
		typeof metrics[metric] === 'number' && Number.isFinite(metrics[metric])
			? (metrics[metric] as number)
			: null;
	const curve: number[] = [];
	let best = -Infinity;
	for (const epoch of outcome.history) {
		const score = epochScore(epoch, metric);
		if (score !== undefined && score > best) best = score;
		curve.push(best);
	}
	const logLoss = metrics.log_loss;
	const tiebreak = typeof logLoss === 'number' && Number.isFinite(logLoss) ? -logLoss : undefined;
	return { value, ...(tiebreak === undefined ? {} : { tiebreak }), metrics, curve };
}

/** The mean of each metric every fold reports as a finite number (the folds' other entries left out). */
export function meanMetrics(sets: readonly Record<string, unknown>[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const name of Object.keys(sets[0] ?? {})) {
		const values = sets.map((m) => m[name]);
		if (values.every((x): x is number => typeof x === 'number' && Number.isFinite(x)))
			out[name] = values.reduce((a, b) => a + b, 0) / values.length;
	}
	return out;
}
