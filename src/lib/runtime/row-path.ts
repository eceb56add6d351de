// Raw rows straight to the model's features, one row at a time, without building columns: compiled once
// per model into reads and operations on a few numbered slots. A single row through the column path
// (readColumns, STEPS) pays for a Map, an array per column and a closure per step, which is most of its
// time; this path allocates nothing but the text of a number it encodes. It covers plans whose steps are
// drop, impute, scale, bin, clip, transform, derive and encode (one-hot or ordinal) on number, integer,
// category and text inputs, with the very functions the column path uses (readCell, label's rule,
// NUMBER_MAPS, levelCode, oneHotNames, evaluate), so the two agree exactly
// (tests/unit/export/row-path.test.ts). Numbers live in slots of one Float64Array, categories' text (null
// for a gap) in a second array. A row it does not cover (not an object, a value it cannot read, a feature
// left without a value) makes the reader return false, and the caller takes the column path, which gives
// that row its error. Plans with booleans or dates in a step or a feature give no reader at all.
import { readCell } from './columns.ts';
import { evaluate, formulaColumns } from './formula.ts';
import type { RuntimeColumnType, RuntimePlan } from './plan.ts';
import { levelCode, NUMBER_MAPS, oneHotNames, type Levels } from './steps.ts';

/** Writes the row's features at x[offset…]; false when the column path must answer instead. */
export type RowReader = (row: unknown, x: Float64Array, offset: number) => boolean;

/** A number as the column path's numbers() reads it: finite, else a gap. */
const finite = (x: number) => (x - x === 0 ? x : NaN);

export function rowReader(plan: RuntimePlan): RowReader | null {
	/** A column's slot: at ≥ 0 a number at v[at]; at < 0 a category's text at t[~at]. */
	const slots = new Map<string, number>();
	let count = 0;
	let texts = 0;
	const slot = (name: string) => slots.set(name, count++).get(name)!;
	/** The number slot of a column, or undefined where it has none (absent, or text). */
	const numberAt = (name: string) => {
		const at = slots.get(name);
		return at === undefined || at < 0 ? undefined : at;
	};
	const reads: { name: string; type: RuntimeColumnType; at: number }[] = [];
	/** Inputs no step reads that could still make a row's error: only a gap or a value of their type passes. */
	const checks: { name: string; type: string }[] = [];
	for (const { name, type } of plan.inputs)
		if (type === 'number' || type === 'integer') reads.push({ name, type, at: slot(name) });
		else if (type === 'category' || type === 'text')
			reads.push({ name, type, at: slots.set(name, ~texts++).get(name)! });
		else checks.push({ name, type });
	/** The text slots some step reads: a category or text input nothing reads is left unread. */
	const used = new Set<number>();
	/** The slots, made once the steps have all theirs (the operations read them when they run). */
	let v = new Float64Array(0);
	const t: (string | null)[] = new Array(texts).fill(null);
	const ops: (() => void)[] = [];
	for (const { op, params, state } of plan.steps) {
		const p = params as Record<string, unknown> & { columns: string[] };
		if (op === 'drop') for (const name of p.columns) slots.delete(name);
		else if (op === 'impute') {
			for (const { column, value } of (state as { fills: { column: string; value: unknown }[] }).fills) {
				const at = slots.get(column);
				if (at === undefined) return null;
				if (at < 0) {
					const k = ~at;
					used.add(k);
					if (p.indicator) {
						const missing = slot(`${column}_missing`);
						ops.push(() => (v[missing] = t[k] === null ? 1 : 0));
					}
					const fill = String(value);
					ops.push(() => (t[k] ??= fill));
					continue;
				}
				if (p.indicator) {
					const missing = slot(`${column}_missing`);
					ops.push(() => (v[missing] = v[at]! !== v[at]! ? 1 : 0));
				}
				const fill = Number(value);
				ops.push(() => {
					if (!(v[at]! - v[at]! === 0)) v[at] = fill;
				});
			}
		} else if (NUMBER_MAPS[op]) {
			const f = NUMBER_MAPS[op](p);
			for (const entry of (state as { columns: { column: string }[] }).columns) {
				const at = numberAt(entry.column);
				if (at === undefined) return null;
				ops.push(() => {
					const x = v[at]!;
					v[at] = x - x === 0 ? f(x, entry as never) : NaN;
				});
			}
		} else if (op === 'derive') {
			const tree = (state as { tree: Parameters<typeof evaluate>[0] }).tree;
			const inputs = new Map<string, number>();
			for (const name of formulaColumns(tree)) {
				const at = numberAt(name);
				if (at === undefined) return null;
				inputs.set(name, at);
			}
			const out = slot(params.name as string);
			ops.push(() => (v[out] = finite(evaluate(tree, (name) => finite(v[inputs.get(name)!]!)))));
		} else if (op === 'encode') {
			for (const s of (state as { columns: Levels[] }).columns) {
				const at = slots.get(s.name);
				if (at === undefined) return null;
				if (at < 0) used.add(~at);
				const code = levelCode(s, p);
				// The value's text as label() gives it: a category's own text, a number's String (NaN: a gap).
				const text = at < 0 ? () => t[~at] ?? null : () => (v[at]! !== v[at]! ? null : String(v[at]));
				slots.delete(s.name);
				if (p.method !== 'one-hot') {
					const out = slot(s.name);
					ops.push(() => (v[out] = code(text())));
					continue;
				}
				const outs = oneHotNames(s).map(slot);
				ops.push(() => {
					const k = code(text());
					for (let j = 0; j < outs.length; j++) v[outs[j]!] = k !== k ? NaN : k === j ? 1 : 0;
				});
			}
		} else return null; // date parts: dates go through the column path
	}
	const features = plan.features.map(numberAt);
	if (features.some((at) => at === undefined)) return null;
	v = new Float64Array(count);
	const own = (row: object, name: string) =>
		Object.hasOwn(row, name) ? (row as Record<string, unknown>)[name] : undefined;
	const needed = reads.filter(({ at }) => at >= 0 || used.has(~at));
	return (row, x, offset) => {
		if (row === null || typeof row !== 'object' || Array.isArray(row)) return false;
		for (const { name, type, at } of needed) {
			const value = readCell(own(row, name), type, false);
			if (value === undefined) return false;
			if (at < 0) t[~at] = value as string | null;
			else v[at] = value as number;
		}
		for (const { name, type } of checks) {
			const value = own(row, name);
			// A date as text may read day first only as part of its batch: the column path decides those.
			if (
				type === 'boolean'
					? readCell(value, type, false) === undefined
					: value != null && typeof value !== 'number' && !(value instanceof Date)
			)
				return false;
		}
		for (let i = 0; i < ops.length; i++) ops[i]!();
		for (let j = 0; j < features.length; j++) {
			const value = v[features[j]!]!;
			if (!(value - value === 0)) return false;
			x[offset + j] = value;
		}
		return true;
	};
}
