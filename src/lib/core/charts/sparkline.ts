// A tiny distribution for a table column header: histogram bars for numbers and dates, the most
// frequent values for the rest. No axes, no title, no padding; the tooltip carries the numbers.
import type { TopLevelSpec } from 'vega-lite';
import type { ColumnProfile } from '../data/profile/index.ts';
import { histogramRows } from './histogram.ts';
import { baseSpec, type ChartOptions } from './theme.ts';

export interface SparklineOptions extends ChartOptions {
	width?: number;
	height?: number;
}

/** Null when the column has nothing to draw (no values). */
export function sparklineSpec(column: ColumnProfile, options: SparklineOptions = {}): TopLevelSpec | null {
	const size = {
		width: options.width ?? 80,
		height: options.height ?? 24,
		padding: 0,
		autosize: { type: 'none' as const }
	};
	const hidden = { axis: null, title: null };
	const bar = { type: 'bar' as const, tooltip: true, binSpacing: 0.5 };
	if (column.histogram && column.histogram.bins.length > 0) {
		return {
			...baseSpec(options),
			...size,
			data: { values: histogramRows(column) },
			mark: bar,
			encoding: {
				x: { field: 'x0', type: 'quantitative', bin: { binned: true }, ...hidden },
				x2: { field: 'x1' },
				y: { field: 'count', type: 'quantitative', ...hidden },
				tooltip: [
					{ field: 'range', type: 'nominal', title: column.name },
					{ field: 'count', type: 'quantitative', title: 'Rows', format: ',' }
				]
			}
		};
	}
	if (column.top && column.top.length > 0) {
		return {
			...baseSpec(options),
			...size,
			data: { values: column.top.map((t, rank) => ({ ...t, rank })) },
			mark: { ...bar, cornerRadiusEnd: 1 },
			encoding: {
				x: { field: 'value', type: 'nominal', sort: { field: 'rank', order: 'ascending' }, ...hidden },
				y: { field: 'count', type: 'quantitative', ...hidden },
				tooltip: [
					{ field: 'value', type: 'nominal', title: column.name },
					{ field: 'count', type: 'quantitative', title: 'Rows', format: ',' }
				]
			}
		};
	}
	return null;
}
