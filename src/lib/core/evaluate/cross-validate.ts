// Cross-validation of a run's model spec: the rows cut into k seeded folds (stratified by the target for
// classification), each fold trained like the run on the other folds and scored on itself, then the mean
// and spread of each metric. Folds are independent, so the page runs them in parallel workers (trainFold).
import { BenchtopError } from '../errors.ts';
import { readLabels } from '../table/read-column.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { kFold, stratifiedKFold, type Fold } from '../prep/split/index.ts';
import type { TrainProgress } from '../train/types.ts';
import { trainFold, type CrossValidationSetup, type FoldContext, type FoldResult } from './cv-fold.ts';
import { summarizeFolds, type CrossValidationResult } from './cv-summary.ts';

export { trainFold, type CrossValidationSetup, type FoldResult } from './cv-fold.ts';
export { summarizeFolds, type CrossValidationResult, type MetricSpread } from './cv-summary.ts';

export const DEFAULT_FOLDS = 5;

export interface CrossValidationFolds {
	folds: Fold[];
	stratified: boolean;
	warnings: string[];
}

export interface CrossValidationOptions extends FoldContext {
	k?: number;
	/** Each fold's training progress, with the fold's index. */
	onFoldProgress?: (fold: number, progress: TrainProgress) => void;
	onFold?: (result: FoldResult) => void;
}

/** The folds for `input` as the run's seed draws them; the same on every call, in every worker. */
export function crossValidationFolds(
	input: PrepTable,
	setup: CrossValidationSetup,
	k: number
): CrossValidationFolds {
	const n = input.table.numRows();
	if (setup.task === 'classification') {
		const target = setup.targets[0];
		if (target === undefined)
			throw new BenchtopError('bad-input', 'A classifier needs a target column to stratify by.');
		const { folds, warnings } = stratifiedKFold(readLabels(input.table, target), k, setup.seed);
		return { folds, stratified: true, warnings };
	}
	return { folds: kFold(n, k, setup.seed), stratified: false, warnings: [] };
}

/** Every fold in turn, here (the CLI, tests); the page spreads folds over workers instead. */
export async function crossValidate(
	input: PrepTable,
	setup: CrossValidationSetup,
	options: CrossValidationOptions = {}
): Promise<CrossValidationResult> {
	const k = options.k ?? DEFAULT_FOLDS;
	const { folds, stratified, warnings } = crossValidationFolds(input, setup, k);
	const results: FoldResult[] = [];
	for (const [index, fold] of folds.entries()) {
		const result = await trainFold(input, setup, fold, index, {
			control: options.control,
			onProgress: (progress) => {
				options.onProgress?.(progress);
				options.onFoldProgress?.(index, progress);
			}
		});
		options.onFold?.(result);
		results.push(result);
	}
	return { k, stratified, folds: results, summary: summarizeFolds(results), warnings };
}
