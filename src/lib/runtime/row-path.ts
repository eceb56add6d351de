// Raw rows straight to the model's features, one row at a time, without building columns: compiled once
// per model into reads and operations on a few numbered slots. A single row through the column path
// (readColumns, STEPS) pays for a Map, a typed array per column and a closure per step, which is most of
// its time; this path allocates nothing. It covers plans whose steps work on numbers only (numeric
// inputs; drop, impute, scale, bin, clip, transform, derive) with the very functions the column path
// uses (readCell, NUMBER_MAPS, evaluate), so the two agree exactly (tests/unit/export/row-path.test.ts).
// A row it does not cover (not an object, a value it cannot read, a feature left without a value) makes
// the reader return false, and the caller takes the column path, which gives that row its error. Plans
// with categories, booleans or dates in play give no reader at all.
import { readCell } from './columns.ts';
import { evaluate, formulaColumns } from './formula.ts';
import type { RuntimePlan } from './plan.ts';
import { NUMBER_MAPS } from './steps.ts';

/** Writes the row's features at x[offset…]; false when the column path must answer instead. */
export type RowReader = (row: unknown, x: Float64Array, offset: number) => boolean;

/** A number as the column path's numbers() reads it: finite, else a gap. */
const finite = (x: number) => (x - x === 0 ? x : NaN);

export function rowReader(plan: RuntimePlan): RowReader | null {
	const slots = new Map<string, number>();
	let count = 0;
	const slot = (name: string) => slots.set(name, count++).get(name)!;
	const reads: { name: string; type: 'number' | 'integer'; at: number }[] = [];
	/** Inputs no step reads that could still make a row's error: only a gap or a value of their type passes. */
	const checks: { name: string; type: string }[] = [];
	for (const { name, type } of plan.inputs)
		if (type === 'number' || type === 'integer') reads.push({ name, type, at: slot(name) });
		else if (type === 'boolean' || type === 'date') checks.push({ name, type });
	// category and text inputs never make an error: a row path leaves them unread.
	const ops: ((v: Float64Array) => void)[] = [];
	for (const { op, params, state } of plan.steps) {
		const p = params as Record<string, unknown> & { columns: string[] };
		if (op === 'drop') for (const name of p.columns) slots.delete(name);
		else if (op === 'impute') {
			for (const { column, value } of (state as { fills: { column: string; value: unknown }[] }).fills) {
				const at = slots.get(column);
				if (at === undefined) return null;
				if (p.indicator) {
					const missing = slot(`${column}_missing`);
					ops.push((v) => (v[missing] = v[at]! !== v[at]! ? 1 : 0));
				}
				const fill = Number(value);
				ops.push((v) => {
					if (!(v[at]! - v[at]! === 0)) v[at] = fill;
				});
			}
		} else if (NUMBER_MAPS[op]) {
			const f = NUMBER_MAPS[op](p);
			for (const entry of (state as { columns: { column: string }[] }).columns) {
				const at = slots.get(entry.column);
				if (at === undefined) return null;
				ops.push((v) => {
					const x = v[at]!;
					v[at] = x - x === 0 ? f(x, entry as never) : NaN;
				});
			}
		} else if (op === 'derive') {
			const tree = (state as { tree: Parameters<typeof evaluate>[0] }).tree;
			const inputs = new Map<string, number>();
			for (const name of formulaColumns(tree)) {
				const at = slots.get(name);
				if (at === undefined) return null;
				inputs.set(name, at);
			}
			const out = slot(params.name as string);
			ops.push((v) => (v[out] = finite(evaluate(tree, (name) => finite(v[inputs.get(name)!]!)))));
		} else return null; // encode, date parts: categories and dates go through the column path
	}
	const features = plan.features.map((name) => slots.get(name));
	if (features.some((at) => at === undefined)) return null;
	const v = new Float64Array(count);
	const own = (row: object, name: string) =>
		Object.hasOwn(row, name) ? (row as Record<string, unknown>)[name] : undefined;
	return (row, x, offset) => {
		if (row === null || typeof row !== 'object' || Array.isArray(row)) return false;
		for (const { name, type, at } of reads) {
			const value = readCell(own(row, name), type, false);
			if (value === undefined) return false;
			v[at] = value as number;
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
		for (let i = 0; i < ops.length; i++) ops[i]!(v);
		for (let j = 0; j < features.length; j++) {
			const value = v[features[j]!]!;
			if (!(value - value === 0)) return false;
			x[offset + j] = value;
		}
		return true;
	};
}
