// What a search compares its trials on. One validation split of a small table is a noisy judge: wine's
// 28 validation rows score in steps of 0.036, and after hundreds of trials the best single-split score is
// mostly the luckiest (quiet machine, 1,000 trials on wine: validation 1.0000, test 0.9444). So on tables
// of up to AUTO_FOLD_ROWS rows every trial is scored from the start by AUTO_FOLDS-fold cross-validation on
// the search rows, as scikit-learn's RandomizedSearchCV scores every candidate; that costs AUTO_FOLDS
// trainings a trial, which such tables afford. Larger tables keep one validation split (a fifth of 1,600
// rows and more is a steadier judge) and re-check their best few trials by k-fold at the end (finalists.ts).
// The person may ask for k folds (2 to 10), or for one split (0) on any table.
//
// What the trials are compared on is validation accuracy (R² for a regression) unless the person asks for a
// classifier's macro F1, as scikit-learn's `scoring='f1_macro'`: on an imbalanced table accuracy rewards
// answering the big class (birdstrikes, 89% "None": 60 s searches selecting on accuracy kept models at test
// macro F1 0.23-0.25, on macro F1 0.28-0.30, at the same accuracy). Where the small classes have only a few
// rows per fold it is the noisier judge (seattle-weather: 0.49-0.57 on accuracy, 0.48-0.53 on macro F1), so
// it is the person's choice, not the default. Both are in every run's metrics, so the winner's test figure
// is on the same score. A regression has R² only: RMSE ranks trials on the same rows as R² does.
import { BenchtopError } from '../errors.ts';
import type { Task } from '../models/types.ts';
import type { RankingScore } from '../train/class-scores.ts';
import type { EpochRecord } from '../train/types.ts';
import { checkFolds } from './folds.ts';

export const SELECTION_METRICS = {
	classification: ['accuracy', 'f1_macro'],
	regression: ['r2']
} as const;
export type SelectionMetric = RankingScore;

export const SELECTION_LABELS: Record<SelectionMetric, string> = {
	accuracy: 'accuracy',
	f1_macro: 'macro F1',
	r2: 'R²'
};

/** The scores a search on this task can compare its trials on (none for a task a search does not take). */
export function fittingMetrics(task: Task): readonly SelectionMetric[] {
	return task === 'classification' || task === 'regression' ? SELECTION_METRICS[task] : [];
}

/** The score the search maximises: `chosen` when it fits the task, else accuracy (R² for a regression). */
export function selectionMetric(task: Task, chosen?: SelectionMetric): SelectionMetric {
	const fitting = fittingMetrics(task);
	if (chosen === undefined) return task === 'classification' ? 'accuracy' : 'r2';
	if (!fitting.includes(chosen))
		throw new BenchtopError(
			'bad-input',
			`A ${task} search cannot select on ${SELECTION_LABELS[chosen] ?? String(chosen)}: it compares trials on ${fitting.map((m) => SELECTION_LABELS[m]).join(', ') || 'nothing'}.`
		);
	return chosen;
}

/** Whether the trials' runs must score macro F1 every epoch (`valScores`). */
export function needsClassScores(metric: SelectionMetric): metric is 'f1_macro' {
	return metric === 'f1_macro';
}

/** An epoch's validation score on the metric; undefined where the run did not score it. */
export function epochScore(
	epoch: Pick<EpochRecord, 'valMetric' | 'valScores'>,
	metric: SelectionMetric
): number | undefined {
	return needsClassScores(metric) ? epoch.valScores?.[metric] : epoch.valMetric;
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
