// Reading an Arrow-backed column (what the importer and the store produce) batch by batch, straight from
// its buffers: dictionary keys instead of one string per row, epoch milliseconds instead of one Date per
// row. On a million rows that is the difference between a few milliseconds and a collector busy for
// hundreds. Anything else (plain arrays, filtered or ordered tables) returns undefined and the caller
// reads values the general way.
import type { ColumnTable } from 'arquero';

/** What this file needs of a flechette batch. */
interface ArrowBatch {
	length: number;
	nullCount: number;
	validity?: Uint8Array;
	values: ArrayLike<unknown>;
	type: { typeId: number; unit?: number };
	value(index: number): unknown;
}

interface DateBatch extends ArrowBatch {
	/** The timestamp batch a flechette DateBatch wraps; its `value` is epoch milliseconds as a number. */
	source: TimeBatch;
}

interface TimeBatch extends Omit<ArrowBatch, 'value'> {
	value(index: number): number;
}

/** Arrow's type ids and time unit, as flechette numbers them. */
const TIMESTAMP = 10;
const MILLISECOND = 1;

/** The column's batches when it is an Arrow column read in stored order, else undefined. */
function arrowBatches(table: ColumnTable, name: string): ArrowBatch[] | undefined {
	if (table.isFiltered() || table.isOrdered()) return undefined;
	const column = table.column(name) as unknown as { data?: unknown; toArray?: unknown } | undefined;
	if (!column || typeof column.toArray !== 'function' || !Array.isArray(column.data)) return undefined;
	return column.data as ArrowBatch[];
}

function isValid(batch: Omit<ArrowBatch, 'value'>, i: number): boolean {
	return batch.nullCount === 0 || !batch.validity || ((batch.validity[i >> 3]! >> (i & 7)) & 1) === 1;
}

/** arquero's face for an Arrow dictionary column (fromArrow wraps them): per-row keys into `size` values,
 * the missing value being a key of its own. All of a column's batches share one dictionary (flechette
 * gives each batch the whole dictionary once it is read), which is what lets arquero key them together. */
interface ArqueroDictionary {
	groups(names: string[]): { keys: ArrayLike<number>; get: [(key: number) => unknown]; size: number };
}

/**
 * Per row, the row's dictionary entry mapped through `codeOfEntry` (called once per distinct entry, its
 * answer remembered; a missing row's entry is null), or undefined when the column is not an Arrow
 * dictionary read in stored order.
 */
export function dictionaryRowCodes(
	table: ColumnTable,
	name: string,
	codeOfEntry: (value: unknown) => number
): Int32Array | undefined {
	if (table.isFiltered() || table.isOrdered()) return undefined;
	const column = table.column(name) as unknown as Partial<ArqueroDictionary> | undefined;
	if (typeof column?.groups !== 'function') return undefined;
	const { keys, get, size } = column.groups([name]);
	// The keys array may run past the last row (Arrow buffers are padded to whole 8-byte words).
	return mapKeys(keys, table.numRows(), size, (key) => codeOfEntry(get[0](key)));
}

/** Each key through `codeOf`, asked once per distinct key. */
function mapKeys(
	keys: ArrayLike<number>,
	rows: number,
	size: number,
	codeOf: (key: number) => number
): Int32Array {
	const codes = new Int32Array(rows);
	// Key → code + 2 (0: not asked yet), so that -1 (missing) fits too.
	const known = new Int32Array(size);
	for (let i = 0; i < rows; i++) {
		const key = keys[i]!;
		let code = known[key]! - 2;
		if (code === -2) {
			code = codeOf(key);
			known[key] = code + 2;
		}
		codes[i] = code;
	}
	return codes;
}

/** The column's times as epoch milliseconds, NaN where missing, with no Date made; undefined unless it
 * is an Arrow date or timestamp column. */
export function arrowTimes(table: ColumnTable, name: string): Float64Array | undefined {
	const batches = arrowBatches(table, name);
	if (!batches || !batches.every((b) => 'source' in b)) return undefined;
	const times = new Float64Array(table.numRows());
	let offset = 0;
	for (const { source } of batches as DateBatch[]) {
		const words =
			source.type.typeId === TIMESTAMP &&
			source.type.unit === MILLISECOND &&
			source.values instanceof BigInt64Array
				? new Int32Array(source.values.buffer, source.values.byteOffset, source.values.length * 2)
				: undefined;
		for (let i = 0; i < source.length; i++) {
			if (!isValid(source, i)) times[offset + i] = NaN;
			else if (words) {
				// A 64-bit count read from its two 32-bit halves: exact below 2^53, far past any real date.
				const high = words[2 * i + 1]!;
				times[offset + i] =
					high >= -(2 ** 20) && high < 2 ** 20 ? high * 2 ** 32 + (words[2 * i]! >>> 0) : source.value(i);
			} else times[offset + i] = source.value(i);
		}
		offset += source.length;
	}
	return times;
}
