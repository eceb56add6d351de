// Calibration (reliability diagram): rows binned by predicted probability, the share that really was the
// class against the mean probability given. A calibrated model sits on the dashed diagonal; above it the
// model is under-confident, below it over-confident.
import type { TopLevelSpec } from 'vega-lite';
import { calibrationCurve } from '../metrics/curves.ts';
import { probabilityColumn } from '../metrics/inputs.ts';
import { curveClasses } from './evaluation-points.ts';
import { classCurvesLayer, diagonalLayer, type CurvePoint, type ScoredRows } from './roc-curve.ts';
import { baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

export function calibrationPoints(
	input: ScoredRows,
	bins: number
): { points: CurvePoint[]; legend: string[] } {
	const k = input.classes.length;
	const points: CurvePoint[] = [];
	const legend: string[] = [];
	for (const c of curveClasses(input.classes)) {
		// Float32 probabilities can stray a hair past 1; the curve refuses anything outside [0, 1].
		const scores = probabilityColumn(input.proba, k, c).map((p) => Math.min(1, Math.max(0, p)));
		const { probTrue, probPred } = calibrationCurve(input.yTrue, scores, c, { nBins: bins });
		const name = String(input.classes[c]);
		legend.push(name);
		for (let i = 0; i < probTrue.length; i++) points.push({ curve: name, x: probPred[i]!, y: probTrue[i]! });
	}
	return { points, legend };
}

/** Null without rows. */
export function calibrationSpec(
	input: ScoredRows,
	options: ChartOptions & { title?: string; bins?: number } = {}
): TopLevelSpec | null {
	if (input.yTrue.length === 0) return null;
	const bins = options.bins ?? 10;
	const { points, legend } = calibrationPoints(input, bins);
	return {
		...baseSpec(options),
		...CONTAINER_WIDTH,
		height: 260,
		title: {
			text: options.title ?? 'Calibration',
			subtitle: `${bins} equal-width bins · dashed: perfectly calibrated`
		},
		layer: [
			classCurvesLayer({
				points,
				legend,
				x: 'Mean predicted probability',
				y: 'Fraction that was the class',
				mark: { point: true }
			}),
			diagonalLayer(options)
		]
	} as TopLevelSpec;
}
