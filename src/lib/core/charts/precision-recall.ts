// Precision-recall curves: how much of what the model calls positive is right, against how much of the
// positive class it finds, as the threshold falls. Per class like the ROC chart, with average precision
// in the legend; for two classes a dashed line marks the precision of calling everything positive.
import type { TopLevelSpec } from 'vega-lite';
import { averagePrecisionScore } from '../metrics/classification.ts';
import { precisionRecallCurve } from '../metrics/curves.ts';
import { probabilityColumn } from '../metrics/inputs.ts';
import { curveClasses, thinCurve } from './evaluation-points.ts';
import { classCurvesLayer, type CurvePoint, type ScoredRows } from './roc-curve.ts';
import { baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

export function precisionRecallPoints(input: ScoredRows): { points: CurvePoint[]; legend: string[] } {
	const k = input.classes.length;
	const points: CurvePoint[] = [];
	const legend: string[] = [];
	for (const c of curveClasses(input.classes)) {
		const scores = probabilityColumn(input.proba, k, c);
		let positives = 0;
		for (let i = 0; i < input.yTrue.length; i++) if (input.yTrue[i] === c) positives++;
		// Without a positive row recall is undefined: nothing to draw for this class.
		if (positives === 0) continue;
		const { precision, recall } = precisionRecallCurve(input.yTrue, scores, c);
		const name = `${input.classes[c]} (AP ${averagePrecisionScore(input.yTrue, scores, c).toFixed(3)})`;
		legend.push(name);
		for (const i of thinCurve(recall, precision))
			points.push({ curve: name, x: recall[i]!, y: precision[i]! });
	}
	return { points, legend };
}

/** Null when no class has a positive row. */
export function precisionRecallSpec(
	input: ScoredRows,
	options: ChartOptions & { title?: string } = {}
): TopLevelSpec | null {
	const { points, legend } = precisionRecallPoints(input);
	if (points.length === 0) return null;
	const binary = input.classes.length === 2;
	let prevalence = 0;
	for (let i = 0; i < input.yTrue.length; i++) if (input.yTrue[i] === 1) prevalence++;
	prevalence /= Math.max(1, input.yTrue.length);
	return {
		...baseSpec(options),
		...CONTAINER_WIDTH,
		height: 260,
		title: {
			text: options.title ?? 'Precision–recall curve',
			subtitle: binary ? `Positive class: ${input.classes[1]}` : 'Each class against the rest'
		},
		layer: [
			classCurvesLayer({
				points,
				legend,
				x: 'Recall',
				y: 'Precision',
				// Precision-recall curves are steps: the value holds until the next threshold.
				mark: { interpolate: 'step-after' },
				orderByX: true
			}),
			...(binary
				? [
						{
							data: { values: [{ y: prevalence }] },
							mark: {
								type: 'rule' as const,
								strokeDash: [4, 4],
								color: options.colors?.text ?? '#808a96',
								opacity: 0.7
							},
							encoding: { y: { field: 'y', type: 'quantitative' as const } }
						}
					]
				: [])
		]
	} as TopLevelSpec;
}
