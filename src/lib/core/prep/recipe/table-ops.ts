// The few table operations every step needs: checking that columns exist, reading a column as numbers or
// as labels, and building the next table. Steps go through these so that missing values, dates and
// column order are handled one way everywhere.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { ColumnSchema, ColumnType } from '../../data/column-types.ts';
import { valueAsText } from '../../data/retype-column.ts';
import { BenchtopError } from '../../errors.ts';
import type { ColumnKinds } from './step-definition.ts';
import type { PrepTable } from './types.ts';

export function isNumericType(type: ColumnType): boolean {
	return type === 'integer' || type === 'number';
}

export function isCategoricalType(type: ColumnType): boolean {
	return type === 'category' || type === 'boolean';
}

export function acceptsType(kinds: ColumnKinds, type: ColumnType): boolean {
	switch (kinds) {
		case 'any':
			return true;
		case 'numeric':
			return isNumericType(type);
		case 'categorical':
			return isCategoricalType(type) || type === 'text' || type === 'integer';
		case 'date':
			return type === 'date';
		case 'text':
			return type === 'text' || type === 'category';
	}
}

export function columnType(input: PrepTable, name: string): ColumnType {
	const column = input.schema.find((c) => c.name === name);
	if (!column) throw missingColumn(name, input);
	return column.type;
}

function missingColumn(name: string, input: PrepTable): BenchtopError {
	return new BenchtopError(
		'bad-input',
		`Column “${name}” is not in the table at this step: an earlier step may have dropped or renamed it.`,
		`Columns here: ${input.schema.map((c) => c.name).join(', ')}`
	);
}

/** Throws a message naming the first column that is not in the table. */
export function requireColumns(input: PrepTable, names: readonly string[]): void {
	const present = new Set(input.schema.map((c) => c.name));
	for (const name of names) if (!present.has(name)) throw missingColumn(name, input);
}

/** Throws unless every named column is of a kind the step can use, naming the first that is not. */
export function requireKinds(
	input: PrepTable,
	names: readonly string[],
	kinds: ColumnKinds,
	why: string
): void {
	for (const name of names) {
		const type = columnType(input, name);
		if (!acceptsType(kinds, type)) {
			throw new BenchtopError('bad-input', `Column “${name}” is ${type}; ${why}.`);
		}
	}
}

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

/** Numbers as a table column: a Float64Array when nothing is missing, otherwise nulls mark the gaps (Arrow
 * stores them as nulls, not NaN). */
export function numberColumn(values: Float64Array): ArrayLike<number | null> {
	let i = 0;
	while (i < values.length && values[i] === values[i]) i++;
	if (i === values.length) return values;
	// A plain loop into a sized array: Array.from with a mapper is several times slower on a million rows.
	const out = new Array<number | null>(values.length);
	for (let j = 0; j < values.length; j++) {
		const x = values[j]!;
		out[j] = x === x ? x : null;
	}
	return out;
}

export interface OutputColumn {
	name: string;
	type: ColumnType;
	values: ArrayLike<unknown>;
}

/**
 * The next table: each column of `input` in order, replaced where `replace` names it (a replacement may be
 * several columns, e.g. one-hot), dropped where it maps to an empty list; then `append` at the end.
 */
export function rebuildTable(
	input: PrepTable,
	replace: ReadonlyMap<string, OutputColumn[]>,
	append: OutputColumn[] = []
): PrepTable {
	const columns = new Map<string, ArrayLike<unknown>>();
	const schema: ColumnSchema[] = [];
	const add = (column: OutputColumn) => {
		if (columns.has(column.name)) {
			throw new BenchtopError('bad-input', `This step would create a second column named “${column.name}”.`);
		}
		columns.set(column.name, column.values);
		schema.push({ name: column.name, type: column.type });
	};
	for (const column of input.schema) {
		const replacement = replace.get(column.name);
		if (replacement) replacement.forEach(add);
		// Passed through as the very same column object: no copy, and the preview can tell it is untouched.
		else add({ ...column, values: input.table.column(column.name) as unknown as ArrayLike<unknown> });
	}
	append.forEach(add);
	return { table: aq.table(columns), schema };
}

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

/** A JSON-safe number: NaN and infinities are not JSON, so fitted states store them as null. */
export function jsonNumber(x: number): number | null {
	return Number.isFinite(x) ? x : null;
}
