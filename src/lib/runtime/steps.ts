// Every fitted recipe step the studio has that keeps rows, applied to the batch's columns with the same
// arithmetic as its `apply` in core/prep/steps/* (the parity tests hold the two together). Steps that
// remove rows (filter, dedupe) never run when predicting, so the exporter leaves them out.
import { isGap, label, type Column, type Columns } from './columns.ts';
import { evaluate, formulaColumns } from './formula.ts';
import type { RuntimeColumnType } from './plan.ts';

type Params = Record<string, unknown> & { columns: string[] };
type Step = (params: Params, state: never, columns: Columns, n: number) => void;

const numeric = (type: RuntimeColumnType) => type === 'integer' || type === 'number';

function column(columns: Columns, name: string): Column {
	const found = columns.get(name);
	if (!found) throw new Error(`the recipe needs column ${name}, which the rows do not reach it with`);
	return found;
}

/** The column as numbers (core/table/read-column.ts readNumbers): booleans 0/1, dates ms, NaN for gaps. */
function numbers(c: Column): Float64Array {
	const values = c.values;
	const out = new Float64Array(values.length);
	if (values instanceof Float64Array) {
		for (let i = 0; i < out.length; i++) {
			const x = values[i]!;
			out[i] = x - x === 0 ? x : NaN; // finite, else a gap
		}
		return out;
	}
	for (let i = 0; i < out.length; i++) {
		const v = values[i];
		const x = typeof v === 'number' ? v : typeof v === 'boolean' ? +v : NaN;
		out[i] = Number.isFinite(x) ? x : NaN;
	}
	return out;
}

const numberColumn = (values: Float64Array, type: RuntimeColumnType = 'number'): Column => ({ type, values });

/**
 * Each listed column's numbers through f, NaN in, NaN out (±Infinity is a gap, as readNumbers makes it).
 * A column of numbers is rewritten in place: every column is the batch's own, made by readColumns or a step.
 */
function mapNumbers(
	columns: Columns,
	list: { column: string }[],
	f: (x: number, entry: never) => number,
	type: (entry: never, before: RuntimeColumnType) => RuntimeColumnType = () => 'number'
) {
	for (const entry of list) {
		const c = column(columns, entry.column);
		const x = c.values instanceof Float64Array && c.type !== 'date' ? c.values : numbers(c);
		for (let i = 0; i < x.length; i++) {
			const v = x[i]!;
			x[i] = v - v === 0 ? f(v, entry as never) : NaN;
		}
		columns.set(entry.column, numberColumn(x, type(entry as never, c.type)));
	}
}

function binIndex(edges: number[], x: number): number {
	let lo = 1;
	let hi = edges.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (edges[mid]! <= x) lo = mid + 1;
		else hi = mid;
	}
	return lo - 1;
}

const SPACING_ONE = 2 ** -52;
function yeoJohnson(x: number, l: number): number {
	if (x >= 0) return Math.abs(l) < SPACING_ONE ? Math.log1p(x) : ((x + 1) ** l - 1) / l;
	return Math.abs(l - 2) > SPACING_ONE ? -((-x + 1) ** (2 - l) - 1) / (2 - l) : -Math.log1p(-x);
}
const TRANSFORMS: Record<string, (x: number) => number> = {
	log1p: Math.log1p,
	log: Math.log,
	sqrt: Math.sqrt
};

const CYCLES: Record<string, [number, number]> = { month: [12, 1], weekday: [7, 0], hour: [24, 0] };
function datePart(d: Date, part: string): number {
	if (part === 'year') return d.getUTCFullYear();
	if (part === 'month') return d.getUTCMonth() + 1;
	if (part === 'day') return d.getUTCDate();
	if (part === 'weekday') return (d.getUTCDay() + 6) % 7;
	if (part === 'hour') return d.getUTCHours();
	const [base, wave] = part.split('_') as [string, string];
	const [period, first] = CYCLES[base]!;
	const angle = (2 * Math.PI * (datePart(d, base) - first)) / period;
	return Math.round((wave === 'sin' ? Math.sin(angle) : Math.cos(angle)) * 1e12) / 1e12;
}

/**
 * The steps that map each listed column's numbers one by one (gaps stay gaps), as functions of a number
 * and the column's fitted entry: the column path below and the row path (row-path.ts) share them.
 */
export const NUMBER_MAPS: Record<string, (params: Params) => (x: number, entry: never) => number> = {
	scale: () => (x, s: { center: number; scale: number }) => (x - s.center) / s.scale,
	bin: () => (x, s: { edges: number[] }) => binIndex(s.edges, x),
	clip: () => (x, s: { lower: number; upper: number }) => (x < s.lower ? s.lower : x > s.upper ? s.upper : x),
	transform: (params) => (x, s: { lambda?: number }) => {
		const y =
			params.method === 'yeo-johnson'
				? yeoJohnson(x, s.lambda ?? 1)
				: TRANSFORMS[params.method as string]!(x);
		return Number.isFinite(y) ? y : NaN;
	}
};

export interface Levels {
	name: string;
	levels: string[];
	foldedCount: number;
	folded: string[];
}

/**
 * Where an encoded column's value goes, from its text (null for a gap): a level's index, `levels.length`
 * for "other" (its one-hot column, or the ordinal code after the levels), NaN for a gap, and for an unseen
 * category NaN (unseen: missing), else -1 (ordinal) or -2 (one-hot: no column set). The column path
 * below and the row path (row-path.ts) share it.
 */
export function levelCode(s: Levels, params: Params): (text: string | null) => number {
	const oneHot = params.method === 'one-hot';
	const unseen = params.unseen;
	const index = new Map(s.levels.map((level, i) => [level, i]));
	const folded = new Set(s.folded);
	return (text) => {
		if (text === null) return oneHot ? -2 : NaN;
		const i = index.get(text);
		if (i !== undefined) return i;
		if (unseen === 'other' || folded.has(text)) return s.levels.length;
		return unseen === 'missing' ? NaN : oneHot ? -2 : -1;
	};
}

/** The one-hot columns of an encoded column, in order: one per level, then `<name>_other` if any folded. */
export function oneHotNames(s: Levels): string[] {
	const names = s.levels.map((level) => `${s.name}=${level}`);
	if (s.foldedCount > 0) names.push(`${s.name}_other`);
	return names;
}

export const STEPS: Record<string, Step> = {
	drop(params, _state, columns) {
		for (const name of params.columns) columns.delete(name);
	},
	impute(params, state: { fills: { column: string; value: unknown }[] }, columns, n) {
		for (const { column: name, value } of state.fills) {
			const c = column(columns, name);
			const missing =
				params.indicator || !numeric(c.type) ? Array.from(c.values, (x) => (isGap(x) ? 1 : 0)) : [];
			let filled: Column;
			if (numeric(c.type)) {
				const fill = Number(value);
				const x = c.values instanceof Float64Array ? c.values : numbers(c);
				for (let i = 0; i < x.length; i++) if (!(x[i]! - x[i]! === 0)) x[i] = fill;
				filled = numberColumn(x, c.type === 'integer' && !Number.isInteger(fill) ? 'number' : c.type);
			} else {
				const fill =
					c.type === 'date' ? Number(value) : c.type === 'boolean' ? value === true : String(value);
				filled = {
					type: c.type,
					values: Array.from(c.values as ArrayLike<unknown>, (x, i) => (missing[i] ? fill : x))
				};
			}
			columns.set(name, filled);
			if (params.indicator) columns.set(`${name}_missing`, { type: 'integer', values: missing });
		}
		void n;
	},
	scale(params, state: { columns: { column: string }[] }, columns) {
		mapNumbers(columns, state.columns, NUMBER_MAPS.scale!(params));
	},
	bin(params, state: { columns: { column: string }[] }, columns) {
		mapNumbers(columns, state.columns, NUMBER_MAPS.bin!(params), () => 'integer');
	},
	clip(params, state: { columns: { column: string }[] }, columns) {
		mapNumbers(
			columns,
			state.columns,
			NUMBER_MAPS.clip!(params),
			(s: { lower: number; upper: number }, type) =>
				type === 'integer' && Number.isInteger(s.lower) && Number.isInteger(s.upper) ? 'integer' : 'number'
		);
	},
	transform(params, state: { columns: { column: string }[] }, columns) {
		mapNumbers(columns, state.columns, NUMBER_MAPS.transform!(params));
	},
	encode(params, state: { columns: Levels[] }, columns, n) {
		for (const s of state.columns) {
			const c = column(columns, s.name);
			const code = levelCode(s, params);
			const slots = Array.from(c.values as ArrayLike<unknown>, (x) => code(label(x, c.type)));
			columns.delete(s.name);
			if (params.method !== 'one-hot') {
				columns.set(s.name, { type: 'integer', values: slots });
				continue;
			}
			oneHotNames(s).forEach((name, k) =>
				columns.set(name, {
					type: 'integer',
					values: Array.from({ length: n }, (_, r) => (slots[r] !== slots[r] ? NaN : slots[r] === k ? 1 : 0))
				})
			);
		}
	},
	'date-parts'(params, _state, columns) {
		const parts = params.parts as string[];
		for (const name of params.columns) {
			const c = column(columns, name);
			const times = Array.from(c.values as ArrayLike<unknown>, (v) => (typeof v === 'number' ? v : NaN));
			if (!params.keepOriginal) columns.delete(name);
			for (const part of parts)
				columns.set(`${name}_${part}`, {
					type: /_(sin|cos)$/.test(part) ? 'number' : 'integer',
					values: times.map((t) => (Number.isFinite(t) ? datePart(new Date(t), part) : NaN))
				});
		}
	},
	derive(params, state: { tree: Parameters<typeof evaluate>[0] }, columns, n) {
		const inputs = new Map(
			[...formulaColumns(state.tree)].map((name) => [name, numbers(column(columns, name))])
		);
		const values = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			const y = evaluate(state.tree, (name) => inputs.get(name)![i]!);
			values[i] = Number.isFinite(y) ? y : NaN;
		}
		columns.set(params.name as unknown as string, numberColumn(values));
	}
};
