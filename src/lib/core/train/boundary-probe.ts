// The live decision boundary's probe, as TensorFlow Playground draws it but on the studio's real recipe and
// model: a size × size grid of raw values over the plane of two numeric columns (the extent of the data plus
// a margin), put through the run's fitted recipe once, so the training loop only has to predict it every
// few epochs. The data's points come along (an even sample, each with its split), in the same raw units.
import * as aq from 'arquero';
import { applyRecipe } from '../prep/recipe/apply-recipe.ts';
import type { FittedRecipe } from '../prep/recipe/types.ts';
import type { TableSplit } from '../prep/split/types.ts';
import type { ColumnSchema } from '../table/column-types.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { readLabels, readNumbers } from '../table/read-column.ts';
import { BenchtopError } from '../errors.ts';

/** What the page asks for: the two raw columns of the plane and how fine and how often. */
export interface BoundaryProbeRequest {
	columns: [string, string];
	/** Cells along each axis; default 40 (1,600 rows a frame). */
	size?: number;
	/** Epochs between two frames; default a fiftieth of the run, at least 1. */
	every?: number;
	/** Points drawn at most; default 600. */
	maxPoints?: number;
}

export type PointSplit = 'train' | 'validation' | 'test';

export interface BoundaryPoint {
	x: number;
	y: number;
	/** Classification: the row's class. */
	label?: string;
	/** Regression: the row's target value. */
	value?: number;
	split: PointSplit;
}

/** The plane, sent once before training: axes, points and what the outputs mean. */
export interface BoundaryPlane {
	columns: [string, string];
	/** Cell centres along x and y, ascending, in the columns' raw units. */
	xs: number[];
	ys: number[];
	task: 'classification' | 'regression';
	/** Classification: the model's classes in output order. */
	classes: string[];
	/** Regression: the target's range on the training rows, for the colour scale. */
	range?: [number, number];
	points: BoundaryPoint[];
	/** Rows in the data set, of which `points` is an even sample. */
	rows: number;
}

/** The model's outputs over the grid after one epoch: row-major (y outer, x inner) × outputs per cell. */
export interface BoundaryFrame {
	epoch: number;
	outputs: Float32Array;
}

export const DEFAULT_GRID_SIZE = 40;
const DEFAULT_MAX_POINTS = 600;
const MAX_GRID_SIZE = 120;

/** `size` cell centres spanning the finite values' range widened by `margin` of it on each side. */
export function planeAxis(values: ArrayLike<number>, size: number, margin = 0.08): number[] {
	if (!Number.isInteger(size) || size < 2 || size > MAX_GRID_SIZE)
		throw new BenchtopError(
			'bad-input',
			`The boundary grid needs 2 to ${MAX_GRID_SIZE} cells a side, not ${size}.`
		);
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < values.length; i++) {
		const v = values[i]!;
		if (!Number.isFinite(v)) continue;
		if (v < min) min = v;
		if (v > max) max = v;
	}
	if (min > max) throw new BenchtopError('bad-input', 'The plane needs at least one number on each axis.');
	const span = max > min ? max - min : Math.max(1, Math.abs(min));
	const low = min - span * margin;
	const high = max + span * margin;
	const step = (high - low) / size;
	return Array.from({ length: size }, (_, i) => low + step * (i + 0.5));
}

/** Every (x, y) pair of the axes as two columns, y outer and x inner: cell (ix, iy) is row iy·nx + ix. */
export function planeGrid(
	xs: readonly number[],
	ys: readonly number[]
): { x: Float64Array; y: Float64Array } {
	const x = new Float64Array(xs.length * ys.length);
	const y = new Float64Array(xs.length * ys.length);
	ys.forEach((yv, iy) => {
		xs.forEach((xv, ix) => {
			x[iy * xs.length + ix] = xv;
			y[iy * xs.length + ix] = yv;
		});
	});
	return { x, y };
}

/** The grid as raw rows of the input's schema: the two plane columns set, every other column missing. */
export function gridTable(
	schema: readonly ColumnSchema[],
	columns: [string, string],
	xs: number[],
	ys: number[]
): PrepTable {
	const grid = planeGrid(xs, ys);
	const n = grid.x.length;
	const data: Record<string, ArrayLike<unknown>> = {};
	for (const column of schema) {
		if (column.name === columns[0]) data[column.name] = grid.x;
		else if (column.name === columns[1]) data[column.name] = grid.y;
		else data[column.name] = new Array<null>(n).fill(null);
	}
	return {
		table: aq.table(
			data,
			schema.map((c) => c.name)
		),
		schema: schema.map((c) => ({ ...c }))
	};
}

/** The grid through the fitted recipe, as the model's n × features matrix (NaN where the recipe left a hole). */
export function gridFeatures(
	fitted: FittedRecipe,
	grid: PrepTable,
	features: readonly string[]
): Float32Array {
	const prepared = applyRecipe(fitted, grid, 'predict');
	const n = prepared.table.numRows();
	if (n !== grid.table.numRows())
		throw new BenchtopError(
			'bad-input',
			'The recipe removes rows of the boundary grid, so it cannot be drawn.'
		);
	const out = new Float32Array(n * features.length);
	features.forEach((name, j) => {
		const values = readNumbers(prepared.table, name);
		for (let i = 0; i < n; i++) out[i * features.length + j] = values[i]!;
	});
	return out;
}

/** At most `limit` indices of 0..n-1, evenly spread, in order. */
function evenIndices(n: number, limit: number): number[] {
	if (n <= limit) return Array.from({ length: n }, (_, i) => i);
	const stride = n / limit;
	return Array.from({ length: limit }, (_, i) => Math.floor(i * stride));
}

export interface PlaneInput {
	input: PrepTable;
	split: TableSplit;
	target: string;
	task: 'classification' | 'regression';
	classes: string[];
	request: BoundaryProbeRequest;
}

/** The plane for a run: its axes from every row's values, its points an even sample with their splits. */
export function boundaryPlane({ input, split, target, task, classes, request }: PlaneInput): BoundaryPlane {
	const [a, b] = request.columns;
	const size = request.size ?? DEFAULT_GRID_SIZE;
	const xAll = readNumbers(input.table, a);
	const yAll = readNumbers(input.table, b);
	const targetNumbers = task === 'regression' ? readNumbers(input.table, target) : undefined;
	const labels = task === 'classification' ? readLabels(input.table, target) : undefined;
	const which: { row: number; split: PointSplit }[] = [];
	for (const name of ['train', 'validation', 'test'] as const)
		for (const row of split[name]) which.push({ row, split: name });
	which.sort((p, q) => p.row - q.row);
	const points: BoundaryPoint[] = [];
	for (const i of evenIndices(which.length, request.maxPoints ?? DEFAULT_MAX_POINTS)) {
		const { row, split: name } = which[i]!;
		const x = xAll[row]!;
		const y = yAll[row]!;
		if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
		const point: BoundaryPoint = { x, y, split: name };
		if (labels) {
			const label = labels[row];
			if (label === null || label === undefined) continue;
			point.label = label;
		} else {
			const value = targetNumbers![row]!;
			if (!Number.isFinite(value)) continue;
			point.value = value;
		}
		points.push(point);
	}
	const plane: BoundaryPlane = {
		columns: [a, b],
		xs: planeAxis(xAll, size),
		ys: planeAxis(yAll, size),
		task,
		classes,
		points,
		rows: input.table.numRows()
	};
	if (targetNumbers) {
		let low = Infinity;
		let high = -Infinity;
		for (const row of split.train) {
			const v = targetNumbers[row]!;
			if (Number.isFinite(v)) [low, high] = [Math.min(low, v), Math.max(high, v)];
		}
		if (low <= high) plane.range = [low, high];
	}
	return plane;
}

/** Epochs between frames: the request's, or about fifty frames a run. */
export function probeEvery(request: BoundaryProbeRequest, epochs: number): number {
	if (request.every !== undefined) {
		if (!Number.isInteger(request.every) || request.every < 1)
			throw new BenchtopError(
				'bad-input',
				`The boundary is redrawn every whole number of epochs, not ${request.every}.`
			);
		return request.every;
	}
	return Math.max(1, Math.ceil(epochs / 50));
}
