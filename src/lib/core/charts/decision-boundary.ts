// The live decision boundary as a picture, the way TensorFlow Playground draws it: the model's output over
// the plane as a grid of coloured cells (a class's colour, paler where the model is unsure; or a value on a
// blue–grey–orange ramp), the data's points on top (training rows filled, test rows as rings, validation
// rows as squares), axes with round ticks. Pure: it gives pixels and positions, DecisionBoundary.svelte
// paints them on a canvas. A canvas rather than a vega-lite rect chart because the picture is redrawn
// every few epochs while the model trains. Measured on this project's shared 2-core machine: painting a 40 × 40 frame
// and 500 points on the canvas takes 1.7 to 4.3 ms in Chromium; compiling, parsing and rendering the same
// picture as a vega-lite layer (1,600 rects and 500 points) took 350 to 820 ms a frame (Node, vega 6).
import { BenchtopError } from '../errors.ts';
import type { BoundaryFrame, BoundaryPlane, PointSplit } from '../train/boundary-probe.ts';

/** Vega's tableau10, the studio's class palette (CATEGORY_SCHEME), so classes match the other charts. */
export const CLASS_COLORS = [
	'#4c78a8',
	'#f58518',
	'#e45756',
	'#72b7b2',
	'#54a24b',
	'#eeca3b',
	'#b279a2',
	'#ff9da6',
	'#9d755d',
	'#bab0ac'
] as const;

const LOW = [76, 120, 168] as const;
const MIDDLE = [232, 232, 232] as const;
const HIGH = [245, 133, 24] as const;
const WHITE = [255, 255, 255] as const;

type Rgb = readonly [number, number, number];

export interface PicturePoint {
	/** Position as a fraction of the plane, 0 at the left / bottom, 1 at the right / top. */
	fx: number;
	fy: number;
	color: string;
	split: PointSplit;
	/** Said in the point's tooltip text and the legend. */
	label: string;
}

export interface AxisTick {
	/** Fraction along the axis, 0 at the left / bottom. */
	at: number;
	label: string;
}

export interface BoundaryPicture {
	/** Cells across and up. */
	width: number;
	height: number;
	/** RGBA, width × height, top row first (the highest y), as ImageData wants; empty before a frame. */
	pixels: Uint8ClampedArray;
	points: PicturePoint[];
	xAxis: { title: string; ticks: AxisTick[] };
	yAxis: { title: string; ticks: AxisTick[] };
	legend: { label: string; color: string }[];
	/** One line for screen readers and the caption. */
	summary: string;
}

function hex(color: string): Rgb {
	const n = Number.parseInt(color.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
	return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

function toHex([r, g, b]: Rgb): string {
	return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/** A value's colour on the regression ramp: blue at the low end, grey in the middle, orange at the top. */
export function rampColor(value: number, [low, high]: readonly [number, number]): Rgb {
	const t = high > low ? Math.min(1, Math.max(0, (value - low) / (high - low))) : 0.5;
	return t < 0.5 ? mix(LOW, MIDDLE, t * 2) : mix(MIDDLE, HIGH, (t - 0.5) * 2);
}

/**
 * A cell's colour from its class probabilities: the likeliest class's colour, mixed with white the more
 * the model hesitates (a coin toss is near white, a sure answer 55% of the colour, so the points in their
 * full colour still stand out on it).
 */
export function classCellColor(probabilities: ArrayLike<number>): Rgb {
	const k = probabilities.length;
	let best = 0;
	for (let c = 1; c < k; c++) if (probabilities[c]! > probabilities[best]!) best = c;
	const p = probabilities[best]!;
	if (!Number.isFinite(p)) return MIDDLE;
	const sure = k > 1 ? Math.min(1, Math.max(0, (p - 1 / k) / (1 - 1 / k))) : 1;
	return mix(WHITE, hex(CLASS_COLORS[best % CLASS_COLORS.length]!), 0.1 + 0.45 * sure);
}

/** About `count` round ticks inside [low, high]. */
export function niceTicks(low: number, high: number, count = 5): number[] {
	if (!(high > low)) return [low];
	const raw = (high - low) / count;
	const power = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
	const ticks: number[] = [];
	// Whole multiples of the step, rounded, so 0.1 + 0.2 never shows as 0.30000000000000004.
	for (let i = Math.ceil(low / step); i * step <= high + step * 1e-9; i++)
		ticks.push(Number((i * step).toPrecision(12)) + 0);
	return ticks;
}

function axis(
	values: readonly number[],
	title: string
): { title: string; ticks: AxisTick[]; low: number; span: number } {
	const step = values.length > 1 ? values[1]! - values[0]! : 1;
	const low = values[0]! - step / 2;
	const high = values.at(-1)! + step / 2;
	const ticks = niceTicks(low, high).map((v) => ({
		at: (v - low) / (high - low),
		label: Number(v.toPrecision(6)).toLocaleString('en')
	}));
	return { title, ticks, low, span: high - low };
}

function formatValue(v: number): string {
	return Number(v.toPrecision(3)).toLocaleString('en');
}

export function decisionBoundaryPicture(
	plane: BoundaryPlane,
	frame: BoundaryFrame | undefined
): BoundaryPicture {
	const width = plane.xs.length;
	const height = plane.ys.length;
	const x = axis(plane.xs, plane.columns[0]);
	const y = axis(plane.ys, plane.columns[1]);
	const classes = plane.classes;
	const range = plane.range ?? [0, 1];
	const classColor = (label: string) =>
		CLASS_COLORS[Math.max(0, classes.indexOf(label)) % CLASS_COLORS.length]!;
	let pixels = new Uint8ClampedArray(0);
	if (frame) {
		const k = plane.task === 'classification' ? classes.length : 1;
		if (frame.outputs.length !== width * height * k)
			throw new BenchtopError(
				'bad-input',
				`A boundary frame has ${frame.outputs.length} numbers; a ${width} × ${height} grid of ${k} outputs needs ${width * height * k}.`
			);
		pixels = new Uint8ClampedArray(width * height * 4);
		for (let iy = 0; iy < height; iy++) {
			for (let ix = 0; ix < width; ix++) {
				const cell = iy * width + ix;
				const rgb =
					plane.task === 'classification'
						? classCellColor(frame.outputs.subarray(cell * k, cell * k + k))
						: Number.isFinite(frame.outputs[cell]!)
							? rampColor(frame.outputs[cell]!, range)
							: MIDDLE;
				// The top image row is the highest y.
				const at = ((height - 1 - iy) * width + ix) * 4;
				pixels[at] = rgb[0];
				pixels[at + 1] = rgb[1];
				pixels[at + 2] = rgb[2];
				pixels[at + 3] = 255;
			}
		}
	}
	const points: PicturePoint[] = plane.points.map((p) => ({
		fx: (p.x - x.low) / x.span,
		fy: (p.y - y.low) / y.span,
		color: p.label !== undefined ? classColor(p.label) : toHex(rampColor(p.value ?? 0, range)),
		split: p.split,
		label: p.label ?? formatValue(p.value ?? NaN)
	}));
	const legend =
		plane.task === 'classification'
			? classes.map((label) => ({ label, color: classColor(label) }))
			: [
					{ label: `${formatValue(range[0])} (low)`, color: toHex(LOW) },
					{ label: formatValue((range[0] + range[1]) / 2), color: toHex(MIDDLE) },
					{ label: `${formatValue(range[1])} (high)`, color: toHex(HIGH) }
				];
	const counts = (['train', 'validation', 'test'] as const)
		.map((split) => [split, plane.points.filter((p) => p.split === split).length] as const)
		.filter(([, n]) => n > 0)
		.map(([split, n]) => `${n} ${split}`);
	const what = plane.task === 'classification' ? 'predicted class' : 'predicted value';
	const when = frame ? `after epoch ${frame.epoch}` : 'before the first epoch';
	return {
		width,
		height,
		pixels,
		points,
		xAxis: { title: x.title, ticks: x.ticks },
		yAxis: { title: y.title, ticks: y.ticks },
		legend,
		summary: `The model's ${what} over ${plane.columns[0]} and ${plane.columns[1]} ${when}; points: ${counts.join(', ')}${plane.points.length < plane.rows ? ` (a sample of ${plane.rows.toLocaleString('en')} rows)` : ''}.`
	};
}
