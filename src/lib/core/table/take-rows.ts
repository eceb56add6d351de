// A table cut down to some of its rows, keeping typed columns typed.
import * as aq from 'arquero';
import type { PrepTable } from './prep-table.ts';
import { columnValues } from './read-column.ts';

/** The same columns, only the given rows, in the given order. */
export function takeRows(input: PrepTable, rows: ArrayLike<number>): PrepTable {
	const columns = new Map<string, ArrayLike<unknown>>();
	for (const { name } of input.schema) {
		const source = columnValues(input.table, name);
		const out = new Array<unknown>(rows.length);
		for (let i = 0; i < rows.length; i++) out[i] = source[rows[i]!];
		columns.set(name, isTyped(source) ? typedLike(source, out as number[]) : out);
	}
	return { table: aq.table(columns), schema: input.schema };
}

function isTyped(values: ArrayLike<unknown>): values is Float64Array | Int32Array | Float32Array {
	return values instanceof Float64Array || values instanceof Int32Array || values instanceof Float32Array;
}

function typedLike(source: Float64Array | Int32Array | Float32Array, values: number[]) {
	if (source instanceof Int32Array) return Int32Array.from(values);
	if (source instanceof Float32Array) return Float32Array.from(values);
	return Float64Array.from(values);
}
