// The most frequent values of a category, boolean or text column, largest first.
import type { TopLevelSpec } from 'vega-lite';
import type { ColumnProfile } from '../data/profile/index.ts';
import { bandHeight, baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

/** Null when the column has no top values (numeric and date columns, or no values). */
export function topCategoriesSpec(column: ColumnProfile, options: ChartOptions = {}): TopLevelSpec | null {
	if (!column.top || column.top.length === 0) return null;
	const total = column.count || 1;
	const rest = column.unique - column.top.length;
	const about = column.uniqueApprox ? 'about ' : '';
	return {
		...baseSpec(options),
		...CONTAINER_WIDTH,
		height: bandHeight(column.top.length),
		title: {
			text: `Most frequent values of ${column.name}`,
			subtitle:
				rest > 0
					? `Top ${column.top.length} of ${about}${column.unique.toLocaleString('en')} distinct values`
					: `All ${column.unique.toLocaleString('en')} distinct values`
		},
		data: {
			values: column.top.map((t, rank) => ({ value: t.value, count: t.count, share: t.count / total, rank }))
		},
		mark: { type: 'bar', tooltip: true, cornerRadiusEnd: 2 },
		encoding: {
			y: { field: 'value', type: 'nominal', title: null, sort: { field: 'rank', order: 'ascending' } },
			x: { field: 'count', type: 'quantitative', title: 'Rows' },
			tooltip: [
				{ field: 'value', type: 'nominal', title: column.name },
				{ field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
				{ field: 'share', type: 'quantitative', title: 'Share of values', format: '.1%' }
			]
		}
	};
}
