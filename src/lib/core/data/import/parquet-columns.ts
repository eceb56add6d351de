// Where a Parquet column's decoded values go, row group by row group: numbers into one Float64Array the
// size of the file (NaN for missing), and strings, booleans and dates as codes into a dictionary of their
// distinct values. A string column keeps its dictionary however many distinct values it has (its codes
// widen from 16 to 32 bits past 4,096), so each distinct string is kept once, not once per row; a date
// column with more distinct times than a dictionary holds goes on as epoch milliseconds in a Float64Array
// (dates arrive as milliseconds from the page reader, or as Dates from a struct). These are the column
// shapes the CSV byte reader makes, so both share the typing path.
import type { ColumnType } from '../../table/column-types.ts';
import { isMissingValue } from '../missing-values.ts';
import { categoryOrText } from '../infer-column-type.ts';
import { MAX_DICTIONARY } from './byte-column.ts';
import { ByteStringCodes } from './byte-string-codes.ts';
import type { TextPage } from './parquet-text-page.ts';
import type { RawColumn } from './raw-table.ts';

const utf8 = new TextDecoder();

/** Each of a text page's values as its 4-byte length and bytes, read in order. */
function* pageValues(page: TextPage): Generator<[start: number, length: number]> {
	const { bytes } = page;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let at = page.offset;
	for (let k = 0; k < page.count; k++) {
		const length = at + 4 <= bytes.length ? view.getUint32(at, true) : -1;
		if (length < 0 || at + 4 + length > bytes.length)
			throw new Error('parquet PLAIN page ends inside a value');
		yield [at + 4, length];
		at += 4 + length;
	}
}

/** What a Parquet leaf column holds, as Benchtop reads it. */
export type ParquetValueKind = 'integer' | 'number' | 'boolean' | 'date' | 'strings';

export interface ParquetColumnSink {
	/** Puts `values` (one per row, null or undefined when missing) at rows `at`, `at + 1`, … */
	put(values: ArrayLike<unknown>, at: number): void;
	/**
	 * Puts a page: row i has a value when `levels` is absent or `levels[i] === present`, and the values
	 * are those rows' in order, each `dictionary[values[k]]` when a dictionary is given. Returns the rows.
	 */
	putPage(
		values: ArrayLike<unknown>,
		dictionary: ArrayLike<unknown> | undefined,
		levels: ArrayLike<number> | undefined,
		present: number,
		at: number
	): number;
	/** Puts a PLAIN text page whose values are still UTF-8 bytes (rows as in putPage). Returns the rows. */
	putText(page: TextPage, present: number, at: number): number;
	finish(): RawColumn;
}

export function columnSink(kind: ParquetValueKind, rows: number): ParquetColumnSink {
	if (kind === 'integer' || kind === 'number') return new NumberSink(rows, kind === 'integer');
	return new DictionarySink(rows, kind);
}

/**
 * What both sinks share: the rows the file declares (nothing is written past them), and the walk over a
 * page's rows, where the definition levels say which rows have a value and a dictionary page, when there
 * is one, gives the values by index.
 */
abstract class RowSink implements ParquetColumnSink {
	constructor(protected readonly rows: number) {}

	/** Row `row` holds `value` (null or undefined: missing). */
	protected abstract set(row: number, value: unknown): void;

	/** Row `row` holds `dictionary[index]`; a sink may remember what an index became. */
	protected setFromDictionary(row: number, index: number, dictionary: ArrayLike<unknown>): void {
		this.set(row, dictionary[index]);
	}

	put(values: ArrayLike<unknown>, at: number): void {
		const end = Math.min(values.length, this.rows - at);
		for (let i = 0; i < end; i++) this.set(at + i, values[i]);
	}

	putPage(
		values: ArrayLike<unknown>,
		dictionary: ArrayLike<unknown> | undefined,
		levels: ArrayLike<number> | undefined,
		present: number,
		at: number
	): number {
		const rows = Math.min(levels ? levels.length : values.length, this.rows - at);
		let k = 0;
		for (let i = 0; i < rows; i++) {
			if (levels && levels[i] !== present) continue;
			const value = values[k++];
			if (dictionary) this.setFromDictionary(at + i, value as number, dictionary);
			else this.set(at + i, value);
		}
		return rows;
	}

	putText(page: TextPage, present: number, at: number): number {
		const values = Array.from(pageValues(page), ([start, length]) =>
			utf8.decode(page.bytes.subarray(start, start + length))
		);
		return this.putPage(values, undefined, page.levels, present, at);
	}

	abstract finish(): RawColumn;
}

/** Numbers in place: the file says how many rows there are, so the array is made once. */
class NumberSink extends RowSink {
	private readonly values: Float64Array;
	private present = 0;

	constructor(
		rows: number,
		private readonly integer: boolean
	) {
		super(rows);
		this.values = new Float64Array(rows).fill(Number.NaN);
	}

	protected override set(row: number, value: unknown): void {
		if (value === null || value === undefined) return;
		// INT64 arrives as bigint; DECIMAL and FLOAT16 already as numbers.
		const number = typeof value === 'number' ? value : Number(value);
		// NaN and infinities in a DOUBLE column are missing, as they were when read value by value.
		if (!Number.isFinite(number)) return;
		this.values[row] = number;
		this.present++;
	}

	override finish(): RawColumn {
		const values = this.values;
		return {
			kind: 'numeric',
			values,
			integer: this.integer,
			present: this.present,
			lost: 0,
			text: () => Array.from(values, (v) => (Number.isNaN(v) ? '' : String(v)))
		};
	}
}

/** The key a value is looked up by, and the text its dictionary entry holds. */
interface KeyOf {
	key(value: unknown): string | number | boolean | undefined;
	entry(key: string | number | boolean): string;
}

const KEYS: Record<'boolean' | 'date' | 'strings', KeyOf> = {
	boolean: {
		key: (value) => (value === null || value === undefined ? undefined : Boolean(value)),
		entry: (key) => String(key)
	},
	date: {
		key: (value) => {
			const time = typeof value === 'number' ? value : value instanceof Date ? value.getTime() : Number.NaN;
			return Number.isNaN(time) ? undefined : time;
		},
		entry: (key) => new Date(key as number).toISOString()
	},
	strings: {
		key: (value) => {
			const text = asText(value);
			return text === null || isMissingValue(text) ? undefined : text;
		},
		entry: (key) => key as string
	}
};

/** Codes into a dictionary of distinct values (code 0 is the missing value, entry ''). */
class DictionarySink extends RowSink {
	private codes: Uint16Array | Uint32Array | undefined;
	private index = new Map<string | number | boolean, number>();
	private entries: string[] = [''];
	/** Dates past MAX_DICTIONARY distinct times: epoch milliseconds per row (NaN: missing). */
	private times: Float64Array | undefined;
	private readonly keys: KeyOf;

	constructor(
		rows: number,
		private readonly kind: 'boolean' | 'date' | 'strings'
	) {
		super(rows);
		this.codes = new Uint16Array(rows);
		this.keys = KEYS[kind];
	}

	/** The page's dictionary index → this column's code, found once per distinct value of the page. */
	protected override setFromDictionary(row: number, index: number, dictionary: ArrayLike<unknown>): void {
		const codes = this.codes;
		if (codes === undefined) {
			this.set(row, dictionary[index]);
			return;
		}
		const remap = this.remapFor(dictionary);
		const code = remap[index]!;
		if (code >= 0) codes[row] = code;
		else {
			this.set(row, dictionary[index]);
			// The codes may have widened (or, for dates, gone) while setting.
			if (this.codes) remap[index] = this.codes[row]!;
		}
	}

	/** A string column's text pages: each distinct byte string's code, so a string is made once per value. */
	private byteCodes: ByteStringCodes | undefined;

	override putText(page: TextPage, present: number, at: number): number {
		if (this.kind !== 'strings' || this.codes === undefined) return super.putText(page, present, at);
		const known = (this.byteCodes ??= new ByteStringCodes());
		const { levels, bytes } = page;
		const rows = Math.min(levels ? levels.length : page.count, this.rows - at);
		const values = pageValues(page);
		for (let i = 0; i < rows; i++) {
			if (levels && levels[i] !== present) continue;
			const [start, length] = values.next().value as [number, number];
			let code = known.find(bytes, start, length);
			if (code < 0) {
				code = this.textCode(utf8.decode(bytes.subarray(start, start + length)));
				known.add(code);
			}
			let codes: Uint16Array | Uint32Array = this.codes;
			if (code >= 0x10000 && codes instanceof Uint16Array) this.codes = codes = Uint32Array.from(codes);
			codes[at + i] = code;
		}
		return rows;
	}

	/** A string's code, as set() finds it: a missing spelling is 0, a new string a new entry. */
	private textCode(text: string): number {
		const known = this.index.get(text);
		if (known !== undefined) return known;
		if (this.keys.key(text) === undefined) {
			this.index.set(text, 0);
			return 0;
		}
		const code = this.entries.length;
		this.index.set(text, code);
		this.entries.push(text);
		return code;
	}

	private remapDictionary: ArrayLike<unknown> | undefined;
	private remap: Int32Array | undefined;

	private remapFor(dictionary: ArrayLike<unknown>): Int32Array {
		if (this.remapDictionary !== dictionary || this.remap === undefined) {
			this.remapDictionary = dictionary;
			this.remap = new Int32Array(dictionary.length).fill(-1);
		}
		return this.remap;
	}

	protected override set(row: number, value: unknown): void {
		const codes = this.codes;
		// The common case first: a string already in the dictionary (or known to be a missing spelling).
		if (codes !== undefined && typeof value === 'string') {
			const known = this.index.get(value);
			if (known !== undefined) {
				codes[row] = known;
				return;
			}
		}
		const key = this.keys.key(value);
		if (codes === undefined) {
			this.times![row] = key === undefined ? Number.NaN : (key as number);
			return;
		}
		if (key === undefined) {
			// "NA", "" in a string column: remembered as missing, so the next one is a single lookup.
			if (typeof value === 'string') this.index.set(value, 0);
			codes[row] = 0;
			return;
		}
		let code = this.index.get(key);
		if (code === undefined) {
			code = this.entries.length;
			if (code > MAX_DICTIONARY && this.kind === 'date') {
				this.leaveDictionary();
				this.times![row] = key as number;
				return;
			}
			this.index.set(key, code);
			this.entries.push(this.keys.entry(key));
		}
		if (code === 0x10000 && codes instanceof Uint16Array) {
			// Past 16-bit codes: the same codes, 32 bits wide, and on.
			this.codes = Uint32Array.from(codes);
			this.codes[row] = code;
		} else codes[row] = code;
	}

	/** Dates only: each row's time from its code, and from here on times instead of codes. */
	private leaveDictionary(): void {
		const codes = this.codes!;
		const byCode = new Float64Array(this.entries.length).fill(Number.NaN);
		for (const [key, code] of this.index) if (code > 0) byCode[code] = key as number;
		const times = new Float64Array(this.rows);
		for (let i = 0; i < this.rows; i++) times[i] = byCode[codes[i]!]!;
		this.times = times;
		this.codes = undefined;
		this.index = new Map();
		this.entries = [];
	}

	override finish(): RawColumn {
		if (this.times) return { kind: 'dates', values: this.times };
		const type: ColumnType = this.kind === 'strings' ? stringType(this.codes!, this.entries) : this.kind;
		return { kind: 'dictionary', codes: this.codes!, entries: this.entries, type };
	}
}

/**
 * Category or text by categoryOrText's rule, which depends only on how many values are present and how
 * many distinct: asked of the distinct entries, then one repeated entry up to the present count (at most
 * twice the distinct count is needed to decide), so no string per row is made.
 */
function stringType(codes: Uint16Array | Uint32Array, entries: string[]): 'category' | 'text' {
	let present = 0;
	for (let i = 0; i < codes.length; i++) if (codes[i] !== 0) present++;
	const distinct = entries.slice(1);
	if (distinct.length === 0) return 'text';
	const probe = distinct.slice();
	const size = Math.min(present, 2 * distinct.length + 1);
	while (probe.length < size) probe.push(distinct[0]!);
	return categoryOrText(probe);
}

/** Values that are not text (JSON objects, numbers in a string column) written as text; bytes are lost. */
export function asText(value: unknown): string | null {
	if (value === null || value === undefined || value instanceof Uint8Array) return null;
	if (typeof value === 'string') return value;
	if (typeof value === 'object')
		return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
	return String(value);
}
