// Cross-validation at a glance: per metric, each fold's value as a point, the mean as a line and a band of
// one standard deviation either side, so an unstable metric (wide band, scattered folds) stands out.
import type { TopLevelSpec } from 'vega-lite';
import type { CrossValidationResult } from '../evaluate/cv-summary.ts';
import { baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

const LABELS: Record<string, string> = {
	accuracy: 'Accuracy',
	f1_macro: 'F1 (macro)',
	roc_auc: 'ROC AUC',
	log_loss: 'Log loss',
	r2: 'R²',
	mae: 'MAE',
	rmse: 'RMSE',
	inertia: 'Inertia',
	silhouette: 'Silhouette'
};

const BOUNDED = new Set(['accuracy', 'f1_macro', 'roc_auc', 'r2', 'silhouette']);

function metricChart(
	name: string,
	values: (number | null)[],
	mean: number,
	std: number,
	options: ChartOptions
) {
	const title = LABELS[name] ?? name;
	const points = values.flatMap((value, i) => (value === null ? [] : [{ fold: `Fold ${i + 1}`, value }]));
	const quiet = options.colors?.text ?? '#808a96';
	// An explicit domain with some room: folds that agree exactly (std 0) would otherwise collapse the axis.
	const defined = values.filter((x): x is number => x !== null);
	const low = Math.min(mean - std, ...defined);
	const high = Math.max(mean + std, ...defined);
	const pad = Math.max((high - low) * 0.15, Math.abs(mean) * 0.01, 1e-3);
	// Scores that cannot pass 1 (accuracy, AUC…) keep their axis at or below it.
	const top = high <= 1 && BOUNDED.has(name) ? Math.min(1, high + pad) : high + pad;
	const x = {
		type: 'quantitative' as const,
		title: null,
		scale: { domain: [low - pad, top], nice: false }
	};
	return {
		...CONTAINER_WIDTH,
		height: 40,
		title: { text: title, subtitle: `${mean.toFixed(4)} ± ${std.toFixed(4)}` },
		layer: [
			{
				data: { values: [{ low: mean - std, high: mean + std, mean }] },
				layer: [
					{
						mark: { type: 'rect', opacity: 0.18, color: options.colors?.accent ?? '#3b82f6' },
						encoding: {
							x: { field: 'low', ...x, axis: { format: '.4~g', tickCount: 5 } },
							x2: { field: 'high' }
						}
					},
					{
						mark: { type: 'rule', color: quiet, strokeDash: [4, 3] },
						encoding: { x: { field: 'mean', ...x } }
					}
				]
			},
			{
				data: { values: points },
				mark: { type: 'point', filled: true, size: 70, tooltip: true },
				encoding: {
					x: { field: 'value', ...x },
					tooltip: [
						{ field: 'fold', type: 'nominal', title: 'Fold' },
						{ field: 'value', type: 'quantitative', title, format: '.4f' }
					]
				}
			}
		]
	};
}

/** Null when no metric has a value on any fold. */
export function cvFoldsSpec(result: CrossValidationResult, options: ChartOptions = {}): TopLevelSpec | null {
	const charts = result.summary.flatMap((metric) =>
		metric.mean === null || metric.std === null
			? []
			: [metricChart(metric.name, metric.values, metric.mean, metric.std, options)]
	);
	if (charts.length === 0) return null;
	return { ...baseSpec(options), vconcat: charts, spacing: 14 } as TopLevelSpec;
}
