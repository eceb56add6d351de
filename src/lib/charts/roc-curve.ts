// ROC curves of a classifier: true positive rate against false positive rate as the threshold falls, one
// curve for the positive class of a binary model and one per class (against the rest) for more, with each
// curve's area in the legend and the diagonal a coin toss would draw.
import type { TopLevelSpec } from 'vega-lite';
import { probabilityColumn } from '../core/evaluate/inputs.ts';
import { rocCurve, trapezoidArea } from '../core/evaluate/curves.ts';
import { curveClasses, thinCurve } from './evaluation-points.ts';
import { baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

export interface ScoredRows {
	classes: readonly string[];
	/** Class index of each row's true label. */
	yTrue: ArrayLike<number>;
	/** Row-major n × k probabilities. */
	proba: ArrayLike<number>;
}

export interface CurvePoint {
	curve: string;
	x: number;
	y: number;
}

/** One class per line: "class (AUC 0.973)" labels do not fit side by side on a phone. */
export const CURVE_LEGEND = { direction: 'vertical', labelLimit: 320 } as const;

export const DIAGONAL = [
	{ x: 0, y: 0 },
	{ x: 1, y: 1 }
];

/** A two-point dashed line from (0, 0) to (1, 1). */
export function diagonalLayer(options: ChartOptions) {
	return {
		data: { values: DIAGONAL },
		mark: {
			type: 'line' as const,
			strokeDash: [4, 4],
			color: options.colors?.text ?? '#808a96',
			opacity: 0.7
		},
		encoding: {
			x: { field: 'x', type: 'quantitative' as const },
			y: { field: 'y', type: 'quantitative' as const }
		}
	};
}

/** The points to draw, thinned, with "class (AUC 0.97)" naming each curve; classes with no curve are left out. */
export function rocPoints(input: ScoredRows): { points: CurvePoint[]; legend: string[] } {
	const k = input.classes.length;
	const points: CurvePoint[] = [];
	const legend: string[] = [];
	for (const c of curveClasses(input.classes)) {
		const { fpr, tpr } = rocCurve(input.yTrue, probabilityColumn(input.proba, k, c), c);
		// No positive or no negative row: the rates are undefined and there is no curve to draw.
		if (Number.isNaN(fpr[1]) || Number.isNaN(tpr[1])) continue;
		const name = `${input.classes[c]} (AUC ${trapezoidArea(fpr, tpr).toFixed(3)})`;
		legend.push(name);
		for (const i of thinCurve(fpr, tpr)) points.push({ curve: name, x: fpr[i]!, y: tpr[i]! });
	}
	return { points, legend };
}

/** Null when no class has both positive and negative rows. */
export function rocCurveSpec(
	input: ScoredRows,
	options: ChartOptions & { title?: string } = {}
): TopLevelSpec | null {
	const { points, legend } = rocPoints(input);
	if (points.length === 0) return null;
	const unit = { type: 'quantitative' as const, scale: { domain: [0, 1] }, axis: { tickCount: 5 } };
	return {
		...baseSpec(options),
		...CONTAINER_WIDTH,
		height: 260,
		title: {
			text: options.title ?? 'ROC curve',
			subtitle:
				input.classes.length === 2 ? `Positive class: ${input.classes[1]}` : 'Each class against the rest'
		},
		layer: [
			{
				data: { values: points },
				mark: { type: 'line', interpolate: 'linear', tooltip: true },
				encoding: {
					x: { ...unit, field: 'x', title: 'False positive rate' },
					y: { ...unit, field: 'y', title: 'True positive rate' },
					color: {
						field: 'curve',
						type: 'nominal',
						title: null,
						scale: { domain: legend },
						legend: CURVE_LEGEND
					},
					tooltip: [
						{ field: 'curve', type: 'nominal', title: 'Class' },
						{ field: 'x', type: 'quantitative', title: 'False positive rate', format: '.3f' },
						{ field: 'y', type: 'quantitative', title: 'True positive rate', format: '.3f' }
					]
				}
			},
			diagonalLayer(options)
		]
	} as TopLevelSpec;
}
