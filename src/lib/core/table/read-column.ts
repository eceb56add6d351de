// Reading a column as it is stored, as numbers or as text labels, so that missing values, dates and
// booleans are handled one way everywhere.
import type { ColumnTable } from 'arquero';
import { valueAsText } from './value-text.ts';
import { dictionaryRowCodes } from './arrow-batches.ts';

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
	// Typed columns (what the importer and numeric steps produce) copy in one go; only non-finite values
	// need a look. Plain arrays hold nulls, Dates and the rest, and go value by value.
	if (raw instanceof Int32Array || raw instanceof Uint8Array) return Float64Array.from(raw);
	if (raw instanceof Float64Array || raw instanceof Float32Array) {
		const out = Float64Array.from(raw);
		for (let i = 0; i < out.length; i++) if (!Number.isFinite(out[i]!)) out[i] = NaN;
		return out;
	}
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

/** A column as codes into its distinct labels: what counting and encoding categories work on. */
export interface LabelCodes {
	/** Per row, the index of its label in `labels`, or -1 where the value is missing. */
	codes: Int32Array;
	/** The distinct labels (as readLabels reads them), in the order they first appear. */
	labels: string[];
}

/**
 * The column as label codes: each distinct stored value is turned into text once, not once per row, so a
 * million rows of a few categories cost a million map look-ups and no new strings.
 */
export function readLabelCodes(table: ColumnTable, name: string): LabelCodes {
	return readDictionaryLabelCodes(table, name) ?? readValueLabelCodes(table, name);
}

/** Labels in the order they first appear, each given the next code once; missing (null) is -1. */
function labelCoder(): { labels: string[]; codeOf(label: string | null): number } {
	const labels: string[] = [];
	const byLabel = new Map<string, number>();
	return {
		labels,
		codeOf(label) {
			if (label === null) return -1;
			let code = byLabel.get(label);
			if (code === undefined) {
				code = labels.length;
				labels.push(label);
				byLabel.set(label, code);
			}
			return code;
		}
	};
}

/** readLabelCodes for an Arrow dictionary column: one look-up per dictionary entry, none per row, and no
 * string per row; undefined for any other column. */
export function readDictionaryLabelCodes(table: ColumnTable, name: string): LabelCodes | undefined {
	const { labels, codeOf } = labelCoder();
	const codes = dictionaryRowCodes(table, name, (value) => codeOf(valueAsText(value)));
	return codes && { codes, labels };
}

function readValueLabelCodes(table: ColumnTable, name: string): LabelCodes {
	const { labels, codeOf: codeOfLabel } = labelCoder();
	const raw = columnValues(table, name);
	const codes = new Int32Array(raw.length);
	// Keyed by the stored value; Dates by their time (in a map of their own), since each row holds its own
	// Date object.
	const byValue = new Map<unknown, number>();
	const byTime = new Map<unknown, number>();
	for (let i = 0; i < raw.length; i++) {
		const value = raw[i];
		const isDate = value instanceof Date;
		const seen = isDate ? byTime : byValue;
		const key = isDate ? value.getTime() : value;
		let code = seen.get(key);
		if (code === undefined) {
			code = codeOfLabel(valueAsText(value));
			seen.set(key, code);
		}
		codes[i] = code;
	}
	return { codes, labels };
}

/** How many rows hold each label of `codes` (missing rows are not counted). */
export function countLabelCodes({ codes, labels }: LabelCodes): Int32Array {
	const counts = new Int32Array(labels.length);
	for (let i = 0; i < codes.length; i++) {
		const code = codes[i]!;
		if (code >= 0) counts[code]!++;
	}
	return counts;
}
