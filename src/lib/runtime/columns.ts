// Raw rows (plain objects, values as text, numbers, booleans or dates) become typed columns the way the
// studio reads a prediction file (core/predict/check-input.ts, core/data/convert-column.ts): missing
// spellings (“”, NA, null, ?, -) are gaps, each value is read as its column's trained type, and a value
// that cannot be read marks its row with “<column>: <why>” instead of failing the batch.
import { parseDate, readsDayFirst } from './dates.ts';
import type { InputColumn, RuntimeColumnType } from './plan.ts';

/**
 * One column of the batch. Numbers, integers and dates (epoch ms) hold numbers with NaN for a gap;
 * booleans hold true/false/null; categories and text hold strings or null.
 */
export interface Column {
	type: RuntimeColumnType;
	values: unknown[] | Float64Array;
}

export type Columns = Map<string, Column>;

const MISSING = new Set(['', 'na', 'n/a', 'null', 'nan', '?', '-']);
const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);
const INFINITY = /^[+-]?(inf|infinity)$/i;
const WORDS: Record<RuntimeColumnType, string> = {
	integer: 'a whole number',
	number: 'a number',
	boolean: 'true or false',
	date: 'a date',
	category: 'a category',
	text: 'text'
};

export const isGap = (x: unknown) => x === null || x === undefined || x !== x;

/** The value as the studio shows it as text (valueAsText): how categories are compared. */
export function label(x: unknown, type: RuntimeColumnType): string | null {
	if (isGap(x)) return null;
	if (type === 'date') return new Date(x as number).toISOString().replace('T00:00:00.000Z', '');
	return String(x);
}

/** Undefined when the text is not a value of the type (the caller names the row's error). */
function fromText(text: string, raw: string, type: RuntimeColumnType, dayFirst: boolean): unknown {
	switch (type) {
		case 'integer':
		case 'number': {
			if (type === 'number' && INFINITY.test(text)) return text[0] === '-' ? -Infinity : Infinity;
			const x = Number(text);
			return (type === 'integer' ? Number.isInteger(x) : Number.isFinite(x)) ? x : undefined;
		}
		case 'boolean': {
			const word = text.toLowerCase();
			return TRUE.has(word) ? true : FALSE.has(word) ? false : undefined;
		}
		case 'date': {
			const time = parseDate(text, dayFirst);
			return time === time ? time : undefined;
		}
		case 'category':
			return text;
		default:
			return raw;
	}
}

const isNumeric = (type: RuntimeColumnType) => type === 'integer' || type === 'number' || type === 'date';

/** The text a value is read from (trimmed), for values that are not already of the column's type. */
const textOf = (v: unknown) =>
	typeof v === 'string' ? v.trim() : isGap(v) || v instanceof Date ? '' : String(v);

/**
 * One raw value read as its column's type: a number (NaN for a gap) for numbers, integers and dates
 * (epoch ms), true/false/null for booleans, a string or null otherwise; undefined when it cannot be read.
 */
export function readCell(v: unknown, type: RuntimeColumnType, dayFirst: boolean): unknown {
	const gap = isNumeric(type) ? NaN : null;
	if (
		typeof v === 'number' &&
		(type === 'number' || type === 'date' || (type === 'integer' && Number.isInteger(v)))
	)
		return v === v ? v : gap;
	if (typeof v === 'boolean' && type === 'boolean') return v;
	if (v instanceof Date && type === 'date') return v.getTime();
	if (v === null || v === undefined) return gap;
	const text = textOf(v);
	return MISSING.has(text.toLowerCase())
		? gap
		: fromText(text, typeof v === 'string' ? v : text, type, dayFirst);
}

/** The batch as typed columns, and per row the reasons it cannot be predicted (null when it can). */
export function readColumns(
	rows: readonly unknown[],
	inputs: readonly InputColumn[]
): { columns: Columns; errors: (string | null)[] } {
	const n = rows.length;
	const errors: (string | null)[] = new Array(n).fill(null);
	const fail = (i: number, why: string) => (errors[i] = errors[i] === null ? why : `${errors[i]}; ${why}`);
	const columns: Columns = new Map();
	for (let i = 0; i < n; i++) {
		const row = rows[i];
		if (row === null || typeof row !== 'object' || Array.isArray(row))
			fail(i, 'row: not an object of column values');
	}
	for (const { name, type } of inputs) {
		const numeric = isNumeric(type);
		// Numbers and dates (epoch ms) in a typed array with NaN for gaps: the common case stays cheap.
		const values: Float64Array | unknown[] = numeric ? new Float64Array(n) : new Array(n);
		const gap = numeric ? NaN : null;
		const at = (i: number) => {
			const row = rows[i] as Record<string, unknown> | null;
			return row !== null && typeof row === 'object' && Object.hasOwn(row, name) ? row[name] : undefined;
		};
		// Numbers-only dates with the year last are read day first only when the whole batch reads so.
		const dayFirst = type === 'date' && readsDayFirst(Array.from({ length: n }, (_, i) => textOf(at(i))));
		for (let i = 0; i < n; i++) {
			let out = readCell(at(i), type, dayFirst);
			if (out === undefined) {
				fail(i, `${name}: “${textOf(at(i))}” is not ${WORDS[type]}`);
				out = gap;
			}
			values[i] = out;
		}
		columns.set(name, { type, values });
	}
	return { columns, errors };
}
