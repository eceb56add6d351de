// ROC curves of a classifier: true positive rate against false positive rate as the threshold falls, one
// curve for the positive class of a binary model and one per class (against the rest) for more, with each
// curve's area in the legend and the diagonal a coin toss would draw.
import type { TopLevelSpec } from 'vega-lite';
import { probabilityColumn } from '../metrics/inputs.ts';
import { rocCurve, trapezoidArea } from '../metrics/curves.ts';
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

/** A two-point dashed line from (0, 0) to (1, 1). Its points are new objects for every spec: Vega stamps
 * the data objects it is given with an id, so one shared array would carry one chart's ids into the next. */
export function diagonalLayer(options: ChartOptions) {
	return {
		data: {
			values: [
				{ x: 0, y: 0 },
				{ x: 1, y: 1 }
			]
		},
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

/** The unit interval both axes of a rate or probability chart span. */
const UNIT_AXIS = { type: 'quantitative' as const, scale: { domain: [0, 1] }, axis: { tickCount: 5 } };

export interface ClassCurvesLayer {
	points: CurvePoint[];
	legend: string[];
	/** Axis titles, also used in the tooltip. */
	x: string;
	y: string;
	mark: Record<string, unknown>;
	/** Draw each line in this order rather than the points' (a step curve must run by x). */
	orderByX?: boolean;
}

/** One line per class on unit axes, coloured by curve with the legend in `legend`'s order. */
export function classCurvesLayer({ points, legend, x, y, mark, orderByX }: ClassCurvesLayer) {
	return {
		data: { values: points },
		mark: { type: 'line' as const, tooltip: true, ...mark },
		encoding: {
			x: { ...UNIT_AXIS, field: 'x', title: x },
			y: { ...UNIT_AXIS, field: 'y', title: y },
			color: {
				field: 'curve',
				type: 'nominal' as const,
				title: null,
				scale: { domain: legend },
				legend: CURVE_LEGEND
			},
			...(orderByX ? { order: { field: 'x', type: 'quantitative' as const } } : {}),
			tooltip: [
				{ field: 'curve', type: 'nominal' as const, title: 'Class' },
				{ field: 'x', type: 'quantitative' as const, title: x, format: '.3f' },
				{ field: 'y', type: 'quantitative' as const, title: y, format: '.3f' }
			]
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
			classCurvesLayer({
				points,
				legend,
				x: 'False positive rate',
				y: 'True positive rate',
				mark: { interpolate: 'linear' }
			}),
			diagonalLayer(options)
		]
	} as TopLevelSpec;
}
