// Pearson correlations between numeric columns as a square grid, blue for negative, orange for positive,
// with the value written in each cell while the grid is small enough to read it.
import type { TopLevelSpec } from 'vega-lite';
import type { CorrelationMatrix } from '../data/profile/index.ts';
import { baseSpec, DIVERGING_SCHEME, type ChartOptions } from './theme.ts';

/** Past this many columns the numbers no longer fit in the cells; colour alone tells the story. */
const MAX_LABELLED = 12;

export function correlationRows(correlations: CorrelationMatrix) {
	const { columns, matrix } = correlations;
	return columns.flatMap((a, i) =>
		columns.map((b, j) => ({
			a,
			b,
			r: matrix[i]![j]!,
			label: matrix[i]![j] === null ? '' : matrix[i]![j]!.toFixed(2)
		}))
	);
}

/** Null with fewer than two numeric columns: there is nothing to correlate. */
export function correlationHeatmapSpec(
	correlations: CorrelationMatrix,
	options: ChartOptions = {}
): TopLevelSpec | null {
	const n = correlations.columns.length;
	if (n < 2) return null;
	const step = n <= MAX_LABELLED ? 36 : Math.max(8, Math.floor(480 / n));
	const order = correlations.columns;
	const axis = { labelLimit: 120, ticks: false, domain: false };
	const cells = {
		x: {
			field: 'b',
			type: 'nominal',
			sort: order,
			title: null,
			axis: { ...axis, labelAngle: -45, orient: 'top' }
		},
		y: { field: 'a', type: 'nominal', sort: order, title: null, axis }
	} as const;
	return {
		...baseSpec(options),
		width: { step },
		height: { step },
		title: {
			text: 'Correlations between numeric columns',
			subtitle: 'Pearson r over the rows where both values are present'
		},
		data: { values: correlationRows(correlations) },
		transform: [{ filter: 'datum.r !== null' }],
		encoding: cells,
		layer: [
			{
				mark: { type: 'rect', tooltip: true },
				encoding: {
					color: {
						field: 'r',
						type: 'quantitative',
						title: 'r',
						scale: { scheme: DIVERGING_SCHEME, domain: [-1, 1], domainMid: 0 },
						legend: { direction: 'horizontal', orient: 'bottom', gradientLength: 160 }
					},
					tooltip: [
						{ field: 'a', type: 'nominal', title: 'Column' },
						{ field: 'b', type: 'nominal', title: 'With' },
						{ field: 'r', type: 'quantitative', title: 'Correlation r', format: '.3f' }
					]
				}
			},
			...(n <= MAX_LABELLED
				? [
						{
							mark: { type: 'text' as const, fontSize: 10 },
							encoding: {
								text: { field: 'label', type: 'nominal' as const },
								// The cell, not the page, is behind the number: light text on strong colours, dark on pale.
								color: {
									condition: { test: 'abs(datum.r) > 0.6', value: '#ffffff' },
									value: '#1f2937'
								}
							}
						}
					]
				: [])
		]
	};
}
