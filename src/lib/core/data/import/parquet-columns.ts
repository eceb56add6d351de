// Where a Parquet column's decoded values go, row group by row group: numbers into one Float64Array the
// size of the file (NaN for missing), and strings, booleans and dates as codes into a dictionary of their
// distinct values. A string column keeps its dictionary however many distinct values it has (its codes
// widen from 16 to 32 bits past 4,096), so each distinct string is kept once, not once per row; only a
// date column with more distinct times than a dictionary holds falls back to one Date per row. These are
// the column shapes the CSV byte reader makes, so both share the typing path.
import type { ColumnType } from '../../table/column-types.ts';
import { isMissingValue } from '../missing-values.ts';
import { categoryOrText } from '../infer-column-type.ts';
import { MAX_DICTIONARY } from './byte-column.ts';
import type { RawColumn } from './raw-table.ts';

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
		key: (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.getTime() : undefined),
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
	/** Dates past MAX_DICTIONARY distinct times: one value per row, as the table will hold it. */
	private values: (string | Date | boolean | null)[] | undefined;
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
			this.values![row] = this.plain(key);
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
				this.values![row] = this.plain(key);
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

	private plain(key: string | number | boolean | undefined): string | Date | boolean | null {
		if (key === undefined) return null;
		return this.kind === 'date' ? new Date(key as number) : (key as string | boolean);
	}

	private leaveDictionary(): void {
		const codes = this.codes!;
		const byCode: (string | number | boolean | undefined)[] = [undefined];
		for (const [key, code] of this.index) if (code > 0) byCode[code] = key;
		const values = new Array<string | Date | boolean | null>(this.rows);
		for (let i = 0; i < this.rows; i++) values[i] = this.plain(byCode[codes[i]!]);
		this.values = values;
		this.codes = undefined;
		this.index = new Map();
		this.entries = [];
	}

	override finish(): RawColumn {
		if (this.values) {
			const type: ColumnType =
				this.kind === 'strings' ? categoryOrText(this.values as (string | null)[]) : this.kind;
			return { kind: 'typed', type, values: this.values };
		}
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
