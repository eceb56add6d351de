// Metrics per group of a column (a fairness slice): one bar chart per metric, a bar per group, the best and
// the worst group in their own colours so the gap reads at a glance; groups too small to compare are faded.
import type { TopLevelSpec } from 'vega-lite';
import { metricLabel, type GroupMetrics } from '../evaluate/group-metrics.ts';
import { bandHeight, baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

/** Colours for the best and worst group: mid tones that read on light and dark pages. */
const RANK_COLORS = { best: '#2ca02c', worst: '#d62728' };

function metricChart(result: GroupMetrics, metric: string, options: ChartOptions) {
	const gap = result.gaps.find((g) => g.metric === metric);
	const values = result.groups.flatMap((group, order) => {
		const value = group.metrics[metric];
		if (value === null || value === undefined) return [];
		const rank =
			gap?.best.label === group.label ? 'best' : gap?.worst.label === group.label ? 'worst' : 'other';
		return [{ group: group.label, order, value, rows: group.rows, rank, few: group.few }];
	});
	const title = metricLabel(metric);
	return {
		...CONTAINER_WIDTH,
		height: bandHeight(values.length, 20),
		title: { text: title, subtitle: gap ? `Gap ${gap.gap.toFixed(3)}` : 'Too few groups to compare' },
		data: { values },
		mark: { type: 'bar', tooltip: true },
		encoding: {
			y: { field: 'group', type: 'nominal', title: null, sort: { field: 'order', order: 'ascending' } },
			x: { field: 'value', type: 'quantitative', title },
			color: {
				field: 'rank',
				type: 'nominal',
				title: null,
				scale: {
					domain: ['best', 'worst', 'other'],
					range: [RANK_COLORS.best, RANK_COLORS.worst, options.colors?.accent ?? '#3b82f6']
				}
			},
			opacity: { condition: { test: 'datum.few', value: 0.4 }, value: 1 },
			tooltip: [
				{ field: 'group', type: 'nominal', title: result.column },
				{ field: 'value', type: 'quantitative', title, format: '.4f' },
				{ field: 'rows', type: 'quantitative', title: 'Rows', format: ',' }
			]
		}
	};
}

/** Null when no group has a value for any metric. */
export function groupMetricsSpec(result: GroupMetrics, options: ChartOptions = {}): TopLevelSpec | null {
	const charts = result.metricNames
		.filter((metric) =>
			result.groups.some((g) => g.metrics[metric] !== null && g.metrics[metric] !== undefined)
		)
		.map((metric) => metricChart(result, metric, options));
	if (charts.length === 0) return null;
	return {
		...baseSpec(options),
		title: { text: `Metrics per ${result.column} group`, subtitle: `${result.split} rows` },
		vconcat: charts,
		spacing: 14
	} as TopLevelSpec;
}
