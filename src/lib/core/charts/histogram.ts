// Distribution of a numeric or date column, from the histogram its profile already holds (a million
// rows never travel to the chart).
import type { TopLevelSpec } from 'vega-lite';
import type { ColumnProfile } from '../data/profile/index.ts';
import type { ColumnType } from '../table/column-types.ts';
import { formatBin } from './format.ts';
import { baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

export interface HistogramRow {
	x0: number;
	x1: number;
	count: number;
	share: number;
	range: string;
}

export function histogramRows(column: ColumnProfile): HistogramRow[] {
	const bins = column.histogram?.bins ?? [];
	const total = bins.reduce((sum, b) => sum + b.count, 0) || 1;
	return bins.map((b) => ({ ...b, share: b.count / total, range: formatBin(b.x0, b.x1, column.type) }));
}

/** The x of bins drawn from their edges: dates on a time axis; an integer column's ticks whole numbers, so
 * a column of six codes is not labelled 0.0, 0.5, 1.0… on a wide chart. */
export function binnedX(type: ColumnType, title: string) {
	if (type === 'date') return { field: 'x0', type: 'temporal', title } as const;
	const axis = type === 'integer' ? { axis: { tickMinStep: 1 } } : {};
	return { field: 'x0', type: 'quantitative', bin: { binned: true }, title, ...axis } as const;
}

/** Null when the column has no histogram (not numeric or date, or no values). */
export function histogramSpec(column: ColumnProfile, options: ChartOptions = {}): TopLevelSpec | null {
	if (!column.histogram || column.histogram.bins.length === 0) return null;
	const missing = column.missing > 0 ? `, ${column.missing.toLocaleString('en')} missing` : '';
	return {
		...baseSpec(options),
		...CONTAINER_WIDTH,
		height: 160,
		title: {
			text: `Distribution of ${column.name}`,
			subtitle: `${column.count.toLocaleString('en')} values${missing}`
		},
		data: { values: histogramRows(column) },
		// No cornerRadiusEnd: on a ranged (x, x2) bar it collapses every bar to zero width in vega-lite 6.
		mark: { type: 'bar', tooltip: true },
		encoding: {
			x: binnedX(column.type, column.name),
			x2: { field: 'x1' },
			y: { field: 'count', type: 'quantitative', title: 'Rows' },
			tooltip: [
				{ field: 'range', type: 'nominal', title: column.name },
				{ field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
				{ field: 'share', type: 'quantitative', title: 'Share', format: '.1%' }
			]
		}
	};
}
