// k-fold selection: when the person asks, each trial trains k times on the search rows, each time holding
// out one fold as its validation rows, and its score is the mean over the folds (as scikit-learn's
// RandomizedSearchCV scores a candidate). The folds are cut once per search, from the search's seed only
// (stratified by class for classifiers, as StratifiedKFold), so every trial, every worker and a resumed
// search see the same folds. The test rows were cut off before (tune-data.ts) and are in no fold.
// The cut itself and a fold's split are core/evaluate/search-rows.ts's, which Evaluate draws a trial's rows
// again with.
import { BenchtopError } from '../errors.ts';
import { foldTableSplit, searchRowFolds } from '../evaluate/search-rows.ts';
import type { TableSplit } from '../prep/split/index.ts';
import type { PrepTable } from '../table/prep-table.ts';

/** Folds a search may ask for: 2 at least (one to train, one to score); 10 is scikit-learn's usual most. */
export const MIN_FOLDS = 2;
export const MAX_FOLDS = 10;

/** One fold of the search rows: plain arrays, so a setup holding folds stays JSON. */
export interface TrialFold {
	train: number[];
	validation: number[];
}

export function checkFolds(folds: number): number {
	if (!Number.isInteger(folds) || folds < MIN_FOLDS || folds > MAX_FOLDS)
		throw new BenchtopError(
			'bad-input',
			`k-fold selection needs a whole number of folds from ${MIN_FOLDS} to ${MAX_FOLDS} (got ${folds}).`
		);
	return folds;
}

/** The search rows cut into `k` folds, seeded; stratified on the target for a classifier. */
export function searchFolds(
	search: PrepTable,
	classify: boolean,
	target: string,
	k: number,
	seed: number
): TrialFold[] {
	checkFolds(k);
	return searchRowFolds(search, k, seed, classify ? target : undefined).map((fold) => ({
		train: [...fold.train],
		validation: [...fold.validation]
	}));
}

/** A fold as the split a training run takes: its training rows, its held-out rows as validation, no test. */
export function foldSplit(fold: TrialFold, base: Record<string, unknown>): TableSplit {
	return foldTableSplit(
		{ train: Uint32Array.from(fold.train), validation: Uint32Array.from(fold.validation) },
		base as Parameters<typeof foldTableSplit>[1]
	);
}
