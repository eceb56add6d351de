// Cross-validation of a run's model spec: the rows cut into k seeded folds (stratified by the target for
// classification), each fold trained like the run on the other folds and scored on itself, then the mean
// and spread of each metric. Folds are independent, so the page runs them in parallel workers (trainFold).
import { BenchtopError } from '../errors.ts';
import { readLabels } from '../prep/recipe/table-ops.ts';
import type { PrepTable } from '../prep/recipe/types.ts';
import { kFold, stratifiedKFold, type Fold } from '../prep/split/index.ts';
import type { TrainProgress } from '../train/types.ts';
import { trainFold, type CrossValidationSetup, type FoldContext, type FoldResult } from './cv-fold.ts';

export { trainFold, type CrossValidationSetup, type FoldResult } from './cv-fold.ts';

export const DEFAULT_FOLDS = 5;

export interface CrossValidationFolds {
	folds: Fold[];
	stratified: boolean;
	warnings: string[];
}

export interface MetricSpread {
	name: string;
	/** Per fold, in fold order; null where the fold's metric is undefined. */
	values: (number | null)[];
	/** Over the folds where it is defined; null when none is. */
	mean: number | null;
	/** Population standard deviation (numpy's default, as `scores.std()` prints it with scikit-learn). */
	std: number | null;
}

export interface CrossValidationResult {
	k: number;
	stratified: boolean;
	folds: FoldResult[];
	summary: MetricSpread[];
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

function meanOf(values: number[]): number {
	return values.reduce((sum, x) => sum + x, 0) / values.length;
}

/** Mean ± std per metric, metrics in the first fold's order. */
export function summarizeFolds(folds: readonly FoldResult[]): MetricSpread[] {
	const names = [...new Set(folds.flatMap((fold) => Object.keys(fold.metrics)))];
	return names.map((name) => {
		const values = folds.map((fold) => fold.metrics[name] ?? null);
		const defined = values.filter((x): x is number => x !== null && Number.isFinite(x));
		if (defined.length === 0) return { name, values, mean: null, std: null };
		const mean = meanOf(defined);
		return { name, values, mean, std: Math.sqrt(meanOf(defined.map((x) => (x - mean) ** 2))) };
	});
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
