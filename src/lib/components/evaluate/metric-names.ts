// How the Evaluate page names and prints metrics: a human name next to scikit-learn's (which stays
// visible, so a figure can be checked against a notebook), a short number, and whether the model beats the
// baseline, by core's direction of each metric (one list: the page's own pattern once missed median_ae and
// painted a model 9 times better than the baseline red).
import { groupedNumber } from '$lib/core/charts/format.ts';
import { metricDirection } from '$lib/core/evaluate/compare-runs.ts';

const NAMES: Record<string, string> = {
	accuracy: 'Accuracy',
	balanced_accuracy: 'Balanced accuracy',
	precision: 'Precision',
	recall: 'Recall',
	f1: 'F1',
	precision_macro: 'Precision (macro)',
	recall_macro: 'Recall (macro)',
	f1_macro: 'F1 (macro)',
	precision_weighted: 'Precision (weighted)',
	recall_weighted: 'Recall (weighted)',
	f1_weighted: 'F1 (weighted)',
	log_loss: 'Log loss',
	roc_auc: 'ROC AUC',
	roc_auc_ovr: 'ROC AUC (one vs rest)',
	average_precision: 'Average precision',
	matthews_corrcoef: 'Matthews correlation',
	r2: 'R²',
	mae: 'Mean absolute error',
	mean_absolute_error: 'Mean absolute error',
	mse: 'Mean squared error',
	mean_squared_error: 'Mean squared error',
	rmse: 'Root mean squared error',
	root_mean_squared_error: 'Root mean squared error',
	mape: 'Mean absolute percentage error',
	mean_absolute_percentage_error: 'Mean absolute percentage error',
	median_absolute_error: 'Median absolute error',
	median_ae: 'Median absolute error',
	brier: 'Brier score',
	explained_variance: 'Explained variance',
	inertia: 'Inertia',
	silhouette: 'Silhouette',
	silhouette_score: 'Silhouette',
	davies_bouldin: 'Davies–Bouldin index',
	davies_bouldin_score: 'Davies–Bouldin index',
	adjusted_rand: 'Adjusted Rand index',
	adjusted_rand_score: 'Adjusted Rand index'
};

export function metricLabel(name: string): string {
	if (NAMES[name]) return NAMES[name];
	const words = name.replace(/_/g, ' ');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Four significant figures, thousands separated from five digits on, exponents from a million; a dash for
 * an undefined metric. */
export function formatMetric(value: number | null | undefined): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	// Past a million, digits stop being read: fair.csv's mape (zeros in its target) printed 17 of them.
	if (Math.abs(value) >= 1e6) return value.toExponential(2);
	if (Math.abs(value) >= 1000) return groupedNumber(value, 1);
	if (value !== 0 && Math.abs(value) < 1e-4) return value.toExponential(2);
	return String(Number(value.toPrecision(4)));
}

/** Whether the model's value beats the baseline's (ties, undefined values and a metric of no known
 * direction do not say). */
export function beatsBaseline(
	name: string,
	model: number | null | undefined,
	baseline: number | null | undefined
) {
	if (typeof model !== 'number' || typeof baseline !== 'number') return undefined;
	const direction = metricDirection(name);
	if (!direction || !Number.isFinite(model) || !Number.isFinite(baseline) || model === baseline)
		return undefined;
	return direction === 'lower' ? model < baseline : model > baseline;
}
