// Reads one table column, once, into the compact form every later statistic loops over: numbers (dates
// as milliseconds) in a Float64Array with NaN for missing, or other values as dictionary codes.
import type { ColumnTable } from 'arquero';
import { columnValues } from '../../table/read-column.ts';
import type { ColumnType } from '../../table/column-types.ts';
import { hashString } from './hash.ts';
import { HyperLogLog } from './hyperloglog.ts';
import { storedCodes, storedDates } from './stored-columns.ts';

/** Distinct values kept exactly; past this a column's distinct count is estimated, to bound memory. */
export const MAX_EXACT_DISTINCT = 100_000;

export const MISSING_CODE = -1;
/** A value seen after the dictionary filled up: not counted per value, compared by the value itself. */
export const OVERFLOW_CODE = -2;

export interface NumericData {
	kind: 'numeric';
	name: string;
	type: ColumnType;
	/** One per row; NaN where the value is missing. */
	values: Float64Array;
	missing: number;
}

export interface CategoricalData {
	kind: 'categorical';
	name: string;
	type: ColumnType;
	/** One per row: an index into `levels`, MISSING_CODE or OVERFLOW_CODE. */
	codes: Int32Array;
	levels: string[];
	/** Rows per level, same order as `levels`. */
	counts: Float64Array;
	missing: number;
	/** The raw column, kept only when some values overflowed the dictionary. */
	raw: ArrayLike<unknown> | null;
	/** Distinct-count estimate over all values, when the dictionary overflowed. */
	distinctEstimate: number | null;
}

export type ColumnData = NumericData | CategoricalData;

function isNumericType(type: ColumnType): boolean {
	return type === 'integer' || type === 'number' || type === 'date';
}

function toNumber(value: unknown): number {
	if (typeof value === 'number') return value;
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'bigint') return Number(value);
	if (typeof value === 'string' && value.trim() !== '') return Number(value);
	return NaN;
}

function readNumeric(name: string, type: ColumnType, raw: ArrayLike<unknown>): NumericData {
	const n = raw.length;
	const values = new Float64Array(n);
	let missing = 0;
	if (
		raw instanceof Float64Array ||
		raw instanceof Float32Array ||
		raw instanceof Int32Array ||
		raw instanceof Uint8Array
	) {
		values.set(raw);
		for (let i = 0; i < n; i++) {
			const x = values[i]!;
			if (x !== x || x === Infinity || x === -Infinity) {
				values[i] = NaN;
				missing++;
			}
		}
		return { kind: 'numeric', name, type, values, missing };
	}
	for (let i = 0; i < n; i++) {
		const v = raw[i];
		const x = v === null || v === undefined ? NaN : toNumber(v);
		// Infinities are not values a model can use; they count as missing, like pandas' use_inf_as_na.
		if (x !== x || x === Infinity || x === -Infinity) {
			values[i] = NaN;
			missing++;
		} else values[i] = x;
	}
	return { kind: 'numeric', name, type, values, missing };
}

function readBoolean(name: string, raw: ArrayLike<unknown>): CategoricalData {
	const n = raw.length;
	const codes = new Int32Array(n);
	const counts = new Float64Array(2);
	let missing = 0;
	for (let i = 0; i < n; i++) {
		const v = raw[i];
		if (v === null || v === undefined) {
			codes[i] = MISSING_CODE;
			missing++;
			continue;
		}
		// Booleans are booleans after import; anything else is read by JavaScript truthiness, except "false".
		const code = v === 'false' ? 0 : v ? 1 : 0;
		codes[i] = code;
		counts[code]!++;
	}
	return {
		kind: 'categorical',
		name,
		type: 'boolean',
		codes,
		levels: ['false', 'true'],
		counts,
		missing,
		raw: null,
		distinctEstimate: null
	};
}

function readStrings(name: string, type: ColumnType, raw: ArrayLike<unknown>): CategoricalData {
	const n = raw.length;
	const codes = new Int32Array(n);
	const dictionary = new Map<string, number>();
	const levels: string[] = [];
	let counts = new Float64Array(1024);
	let missing = 0;
	let hll: HyperLogLog | null = null;
	for (let i = 0; i < n; i++) {
		const v = raw[i];
		if (v === null || v === undefined) {
			codes[i] = MISSING_CODE;
			missing++;
			continue;
		}
		const text = typeof v === 'string' ? v : String(v);
		let code = dictionary.get(text);
		if (code === undefined) {
			if (levels.length >= MAX_EXACT_DISTINCT) {
				if (!hll) {
					hll = new HyperLogLog();
					for (const level of levels) hll.add(hashString(level));
				}
				hll.add(hashString(text));
				codes[i] = OVERFLOW_CODE;
				continue;
			}
			code = levels.length;
			dictionary.set(text, code);
			levels.push(text);
			if (code >= counts.length) {
				const grown = new Float64Array(counts.length * 2);
				grown.set(counts);
				counts = grown;
			}
		}
		codes[i] = code;
		counts[code]!++;
	}
	return {
		kind: 'categorical',
		name,
		type,
		codes,
		levels,
		counts: counts.subarray(0, levels.length),
		missing,
		raw: hll ? raw : null,
		distinctEstimate: hll ? Math.max(hll.estimate(), levels.length) : null
	};
}

/** Milliseconds as the date column stores them, missing and non-finite as NaN (like readNumeric). */
function datesFromStore(name: string, values: Float64Array): NumericData {
	let missing = 0;
	for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) missing++;
	return { kind: 'numeric', name, type: 'date', values, missing };
}

export function readColumn(table: ColumnTable, name: string, type: ColumnType): ColumnData {
	// Straight from the Arrow buffers where the column is stored in a form read without a value per row.
	if (type === 'date') {
		const dates = storedDates(table, name);
		if (dates) return datesFromStore(name, dates);
	} else if (type === 'category' || type === 'text') {
		const stored = storedCodes(table, name, MAX_EXACT_DISTINCT);
		if (stored) return { kind: 'categorical', name, type, ...stored, raw: null, distinctEstimate: null };
	}
	// The stored column itself, not arquero's copy of it: every reader below copies into its own arrays.
	const raw = columnValues(table, name);
	if (isNumericType(type)) return readNumeric(name, type, raw);
	if (type === 'boolean') return readBoolean(name, raw);
	return readStrings(name, type, raw);
}
