// What a search compares its trials on. One validation split of a small table is a noisy judge: wine's
// 28 validation rows score in steps of 0.036, and after hundreds of trials the best single-split score is
// mostly the luckiest (quiet machine, 1,000 trials on wine: validation 1.0000, test 0.9444). So on tables
// of up to AUTO_FOLD_ROWS rows every trial is scored from the start by AUTO_FOLDS-fold cross-validation on
// the search rows, as scikit-learn's RandomizedSearchCV scores every candidate; that costs AUTO_FOLDS
// trainings a trial, which such tables afford. Larger tables keep one validation split (a fifth of 1,600
// rows and more is a steadier judge) and re-check their best few trials by k-fold at the end (finalists.ts).
// The person may ask for k folds (2 to 10), or for one split (0) on any table.
import type { Task } from '../models/types.ts';
import { checkFolds } from './folds.ts';

/** The selection score the search maximises: validation accuracy, or R² for regressions. */
export function selectionMetric(task: Task): 'accuracy' | 'r2' {
	return task === 'classification' ? 'accuracy' : 'r2';
}

/** Tables of at most this many rows have every trial cross-validated unless the request says otherwise. */
export const AUTO_FOLD_ROWS = 2000;
/** The folds of that automatic selection: scikit-learn's default cv. */
export const AUTO_FOLDS = 5;

/**
 * The folds every trial of a search is scored on, or undefined for one validation split: the request's
 * `folds` when given (0 asks for one split), else AUTO_FOLDS on a table of at most AUTO_FOLD_ROWS rows.
 * `recheck: false` (the bench's raw trials per minute) asks for plain single-split trials: no automatic folds.
 */
export function selectionFolds(
	request: { folds?: number; recheck?: boolean },
	tableRows: number
): number | undefined {
	if (request.folds !== undefined) return request.folds === 0 ? undefined : checkFolds(request.folds);
	if (request.recheck === false) return undefined;
	return tableRows <= AUTO_FOLD_ROWS ? AUTO_FOLDS : undefined;
}
