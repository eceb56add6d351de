// Predicted against actual values, one chart per output: a perfect model puts every point on the dashed
// y = x line, so the spread around it, and any bend away from it, is the error. Large splits are drawn
// from an even sample of their rows.
import type { TopLevelSpec } from 'vega-lite';
import { evenSample } from './evaluation-points.ts';
import { baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

export interface RegressionRows {
	/** Target names, one per output. */
	targets: readonly string[];
	actual: readonly ArrayLike<number>[];
	predicted: readonly ArrayLike<number>[];
}

export interface ScatterOptions extends ChartOptions {
	/** Points drawn per output at most (default 2000). */
	maxPoints?: number;
}

export interface XYPoint {
	x: number;
	y: number;
}

/** Sampled points with both values finite. */
export function samplePairs(
	xs: ArrayLike<number>,
	ys: ArrayLike<number>,
	max: number,
	y: (x: number, y: number) => number = (_, b) => b
): XYPoint[] {
	const out: XYPoint[] = [];
	for (const i of evenSample(xs.length, max)) {
		const a = xs[i]!;
		const b = y(a, ys[i]!);
		if (Number.isFinite(a) && Number.isFinite(b)) out.push({ x: a, y: b });
	}
	return out;
}

function range(points: XYPoint[]): [number, number] {
	let lo = Infinity;
	let hi = -Infinity;
	for (const p of points) {
		lo = Math.min(lo, p.x, p.y);
		hi = Math.max(hi, p.x, p.y);
	}
	return lo <= hi ? [lo, hi] : [0, 1];
}

export function outputSubtitle(shown: number, total: number): string {
	return shown < total
		? `${shown.toLocaleString('en')} of ${total.toLocaleString('en')} rows, evenly sampled`
		: `${total.toLocaleString('en')} ${total === 1 ? 'row' : 'rows'}`;
}

function outputChart(target: string, points: XYPoint[], total: number, options: ScatterOptions) {
	const [lo, hi] = range(points);
	const scale = { domain: [lo, hi], nice: true, zero: false };
	return {
		...CONTAINER_WIDTH,
		height: 240,
		title: { text: `Predicted vs actual: ${target}`, subtitle: outputSubtitle(points.length, total) },
		layer: [
			{
				data: { values: points },
				mark: { type: 'point' as const, filled: true, size: 18, opacity: 0.55, tooltip: true },
				encoding: {
					x: { field: 'x', type: 'quantitative' as const, title: `Actual ${target}`, scale },
					y: { field: 'y', type: 'quantitative' as const, title: `Predicted ${target}`, scale },
					tooltip: [
						{ field: 'x', type: 'quantitative' as const, title: 'Actual', format: '.4~g' },
						{ field: 'y', type: 'quantitative' as const, title: 'Predicted', format: '.4~g' }
					]
				}
			},
			{
				data: {
					values: [
						{ x: lo, y: lo },
						{ x: hi, y: hi }
					]
				},
				mark: { type: 'line' as const, strokeDash: [4, 4], color: options.colors?.text ?? '#808a96' },
				encoding: {
					x: { field: 'x', type: 'quantitative' as const },
					y: { field: 'y', type: 'quantitative' as const }
				}
			}
		]
	};
}

/** Null without rows. */
export function predictedVsActualSpec(
	input: RegressionRows,
	options: ScatterOptions = {}
): TopLevelSpec | null {
	const max = options.maxPoints ?? 2000;
	const charts = input.targets.map((target, o) =>
		outputChart(
			target,
			samplePairs(input.actual[o]!, input.predicted[o]!, max),
			input.actual[o]!.length,
			options
		)
	);
	if (charts.length === 0 || input.actual[0]!.length === 0) return null;
	return { ...baseSpec(options), vconcat: charts } as TopLevelSpec;
}
