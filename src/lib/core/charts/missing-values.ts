// Share of missing values per column, most missing first, so gaps stand out before anything else.
import type { TopLevelSpec } from 'vega-lite';
import type { TableProfile } from '../data/profile/index.ts';
import { bandHeight, baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

export function missingValuesSpec(profile: TableProfile, options: ChartOptions = {}): TopLevelSpec {
	const rows = profile.rows || 1;
	const values = profile.columns
		.map((c, position) => ({ column: c.name, missing: c.missing, share: c.missing / rows, position }))
		.sort((a, b) => b.share - a.share || a.position - b.position)
		.map((v, rank) => ({ ...v, rank }));
	const withGaps = values.filter((v) => v.missing > 0).length;
	return {
		...baseSpec(options),
		...CONTAINER_WIDTH,
		height: bandHeight(values.length),
		title: {
			text: 'Missing values per column',
			subtitle:
				withGaps === 0
					? 'No column has missing values'
					: `${withGaps} of ${values.length} columns have missing values`
		},
		data: { values },
		mark: { type: 'bar', tooltip: true, cornerRadiusEnd: 2 },
		encoding: {
			y: { field: 'column', type: 'nominal', title: null, sort: { field: 'rank', order: 'ascending' } },
			x: {
				field: 'share',
				type: 'quantitative',
				title: 'Share of rows missing',
				axis: { format: '%' },
				scale: { domain: [0, Math.max(0.05, ...values.map((v) => v.share))] }
			},
			tooltip: [
				{ field: 'column', type: 'nominal', title: 'Column' },
				{ field: 'missing', type: 'quantitative', title: 'Missing rows', format: ',' },
				{ field: 'share', type: 'quantitative', title: 'Share', format: '.1%' }
			]
		}
	};
}
