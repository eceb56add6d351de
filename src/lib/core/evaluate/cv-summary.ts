// A cross-validation's folds summed up: the mean and spread of each metric over the folds. Kept apart from
// the fold training (TF.js) so the page can summarise folds its workers hand back without loading TF.js.
import type { FoldResult } from './cv-fold.ts';

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
