// A confusion matrix as a heat map: true class down the side, predicted class across the top, the count
// written in each cell and the colour showing the share of that true class (so a rare class's mistakes
// show as strongly as a common one's). A click selects a cell; the page shows the rows behind it.
import type { TopLevelSpec } from 'vega-lite';
import { baseSpec, type ChartOptions } from './theme.ts';

export interface ConfusionMatrixInput {
	classes: readonly string[];
	/** matrix[true][predicted]. */
	matrix: readonly (readonly number[])[];
}

export interface ConfusionMatrixOptions extends ChartOptions {
	title?: string;
	subtitle?: string;
}

export interface ConfusionCell {
	actual: string;
	predicted: string;
	/** Class indices, so a click can be mapped back to rows without matching label strings. */
	actualIndex: number;
	predictedIndex: number;
	count: number;
	/** count / rows of this true class; null for a class with no rows. */
	rate: number | null;
}

/** Past this many classes the counts no longer fit in the cells; colour and tooltips carry them. */
const MAX_LABELLED = 15;
/** The name of the click selection, for a page that listens to it. */
export const CONFUSION_SELECTION = 'cell';
/** The page's focus colour: it stands out on every shade of the blue scale. */
const SELECTED_STROKE = '#f59e0b';

export function confusionCells(input: ConfusionMatrixInput): ConfusionCell[] {
	const { classes, matrix } = input;
	return classes.flatMap((actual, i) => {
		const row = matrix[i] ?? [];
		const total = row.reduce((sum, x) => sum + x, 0);
		return classes.map((predicted, j) => ({
			actual,
			predicted,
			actualIndex: i,
			predictedIndex: j,
			count: row[j] ?? 0,
			rate: total > 0 ? (row[j] ?? 0) / total : null
		}));
	});
}

export function confusionMatrixSpec(
	input: ConfusionMatrixInput,
	options: ConfusionMatrixOptions = {}
): TopLevelSpec {
	const n = input.classes.length;
	const step = n <= 6 ? 56 : n <= MAX_LABELLED ? 32 : Math.max(10, Math.floor(480 / n));
	const order = [...input.classes];
	// Column labels sit side by side while the longest fits its cell (about 6.5 px a character), else slant.
	const labelsFit = Math.max(...order.map((c) => c.length)) * 6.5 <= step - 6;
	const axis = { labelLimit: 110, ticks: false, domain: false };
	return {
		...baseSpec(options),
		width: { step },
		height: { step },
		title: {
			text: options.title ?? 'Confusion matrix',
			subtitle: options.subtitle ?? 'Rows: true class · columns: predicted class · click a cell for its rows'
		},
		data: { values: confusionCells(input) },
		encoding: {
			x: {
				field: 'predicted',
				type: 'nominal',
				sort: order,
				title: 'Predicted',
				axis: { ...axis, orient: 'top', labelAngle: labelsFit ? 0 : -45 }
			},
			y: { field: 'actual', type: 'nominal', sort: order, title: 'True', axis }
		},
		layer: [
			{
				params: [
					{
						name: CONFUSION_SELECTION,
						select: {
							type: 'point',
							fields: ['actualIndex', 'predictedIndex'],
							on: 'click',
							clear: 'dblclick'
						}
					}
				],
				mark: { type: 'rect', tooltip: true, cursor: 'pointer' },
				encoding: {
					color: {
						field: 'rate',
						type: 'quantitative',
						title: 'Share of the true class',
						scale: { scheme: 'blues', domain: [0, 1] },
						legend: { format: '.0%', gradientLength: 140 }
					},
					stroke: {
						condition: {
							param: CONFUSION_SELECTION,
							empty: false,
							value: SELECTED_STROKE
						},
						value: null
					},
					strokeWidth: { value: 3 },
					tooltip: [
						{ field: 'actual', type: 'nominal', title: 'True' },
						{ field: 'predicted', type: 'nominal', title: 'Predicted' },
						{ field: 'count', type: 'quantitative', title: 'Rows' },
						{ field: 'rate', type: 'quantitative', title: 'Share of the true class', format: '.1%' }
					]
				}
			},
			...(n <= MAX_LABELLED
				? [
						{
							mark: { type: 'text' as const, fontSize: 11, cursor: 'pointer' as const },
							encoding: {
								text: { field: 'count', type: 'quantitative' as const },
								// The cell, not the page, is behind the number: light text on dark blue, dark on pale.
								color: { condition: { test: 'datum.rate > 0.55', value: '#ffffff' }, value: '#1f2937' }
							}
						}
					]
				: [])
		]
	} as TopLevelSpec;
}
