// A table cut down to some of its rows, keeping typed columns typed.
import * as aq from 'arquero';
import type { PrepTable } from './prep-table.ts';
import { columnValues } from './read-column.ts';

/** The same columns, only the given rows, in the given order. */
export function takeRows(input: PrepTable, rows: ArrayLike<number>): PrepTable {
	const columns = new Map<string, ArrayLike<unknown>>();
	for (const { name } of input.schema) {
		const source = columnValues(input.table, name);
		if (isTyped(source)) {
			// Gathered straight into a typed array of the column's own kind, with no plain array between.
			const out = typedOfLength(source, rows.length);
			for (let i = 0; i < rows.length; i++) out[i] = source[rows[i]!]!;
			columns.set(name, out);
		} else {
			const out = new Array<unknown>(rows.length);
			for (let i = 0; i < rows.length; i++) out[i] = source[rows[i]!];
			columns.set(name, out);
		}
	}
	return { table: aq.table(columns), schema: input.schema };
}

type TypedColumn = Float64Array | Float32Array | Int32Array | Uint8Array;

function isTyped(values: ArrayLike<unknown>): values is TypedColumn {
	return (
		values instanceof Float64Array ||
		values instanceof Int32Array ||
		values instanceof Float32Array ||
		values instanceof Uint8Array
	);
}

function typedOfLength(source: TypedColumn, length: number): TypedColumn {
	if (source instanceof Int32Array) return new Int32Array(length);
	if (source instanceof Float32Array) return new Float32Array(length);
	if (source instanceof Uint8Array) return new Uint8Array(length);
	return new Float64Array(length);
}
