// Reading a column as it is stored, as numbers or as text labels, so that missing values, dates and
// booleans are handled one way everywhere.
import type { ColumnTable } from 'arquero';
import { valueAsText } from './value-text.ts';

interface ArrowColumn {
	toArray(): ArrayLike<unknown>;
}

/**
 * The column's values without copying when possible. arquero's `table.array(name)` copies the whole column
 * on every call, which a recipe of ten steps over a million rows cannot afford; tables built by steps hold
 * plain arrays, and Arrow columns convert once (zero-copy for numbers without nulls).
 */
export function columnValues(table: ColumnTable, name: string): ArrayLike<unknown> {
	const column = table.column(name) as unknown;
	if (table.isFiltered() || table.isOrdered() || !column) return table.array(name) as ArrayLike<unknown>;
	if (Array.isArray(column) || ArrayBuffer.isView(column)) return column as ArrayLike<unknown>;
	if (typeof (column as ArrowColumn).toArray === 'function') return (column as ArrowColumn).toArray();
	return table.array(name) as ArrayLike<unknown>;
}

/** The column as numbers, NaN where missing. Dates become milliseconds, booleans 0 and 1. */
export function readNumbers(table: ColumnTable, name: string): Float64Array {
	const raw = columnValues(table, name);
	const out = new Float64Array(raw.length);
	for (let i = 0; i < raw.length; i++) {
		const v = raw[i];
		let x: number;
		if (typeof v === 'number') x = v;
		else if (v === null || v === undefined) x = NaN;
		else if (v instanceof Date) x = v.getTime();
		else if (typeof v === 'boolean') x = v ? 1 : 0;
		else if (typeof v === 'bigint') x = Number(v);
		else x = NaN;
		out[i] = Number.isFinite(x) ? x : NaN;
	}
	return out;
}

/** The column as text labels (how categories are compared), null where missing. */
export function readLabels(table: ColumnTable, name: string): (string | null)[] {
	return Array.from(columnValues(table, name), valueAsText);
}
