// Arrow columns built straight from typed data (numbers in a Float64Array, text as dictionary codes),
// with no JS value per row. Each buffer is laid out exactly as flechette's builders lay it out (64-bit
// aligned lengths, zero bits and zero values under nulls), so the IPC bytes, and with them a stored data
// set's content hash, are the same as encoding the same values through arquero's toArrowIPC.
import {
	batchType,
	Column,
	columnFromValues,
	dictionary,
	float64,
	int32,
	timestamp,
	TimeUnit
} from '@uwdata/flechette';
import type { DataType } from '@uwdata/flechette';
import { bool, utf8 } from '@uwdata/flechette';
import type { ColumnType } from '../../table/column-types.ts';
import type { CellValue } from '../convert-column.ts';

/** Rows as codes into per-code values (16-bit, or 32-bit for a wide Parquet dictionary). */
type Codes = Uint16Array | Uint32Array;

/** As tableFromArrowIPC decodes: dates read back as Date objects, the rest as flechette's defaults. */
const READ_OPTIONS = { useDate: true };
const INT32_MAX = 2 ** 31 - 1;
const INT32_MIN = -(2 ** 31);
const NO_NULLS = new Uint8Array(0);

/** flechette's align64: a buffer's length rounded up to whole 8-byte words, in elements. */
function aligned(length: number, bytesPerElement: number): number {
	return Math.ceil((length * bytesPerElement) / 8) * (8 / bytesPerElement);
}

/** A validity bitmap for `length` rows, as flechette sizes it ((length - 1) >> 3) + 1 bytes, aligned). */
function bitmap(length: number): Uint8Array {
	return new Uint8Array(aligned(((length - 1) >> 3) + 1, 1));
}

function oneBatch(
	type: DataType,
	length: number,
	nullCount: number,
	validity: Uint8Array,
	values: ArrayLike<unknown>
): Column<unknown> {
	const Batch = batchType(type, READ_OPTIONS);
	const batch = new Batch({ length, nullCount, type, validity: nullCount > 0 ? validity : NO_NULLS, values });
	return new Column([batch], type);
}

/** The Arrow type a column of these values is stored as (integers too large for int32 as float64). */
export function arrowTypeOf(type: ColumnType, fitsInt32: boolean): DataType {
	switch (type) {
		case 'integer':
			return fitsInt32 ? int32() : float64();
		case 'number':
			return float64();
		case 'boolean':
			return bool();
		case 'date':
			return timestamp(TimeUnit.MILLISECOND);
		case 'category':
			return dictionary(utf8());
		case 'text':
			return utf8();
	}
}

export function fitsInt32(values: ArrayLike<unknown>): boolean {
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (typeof v === 'number' && (v > INT32_MAX || v < INT32_MIN)) return false;
	}
	return true;
}

/** Any column from its values, one JS value per row: the general path (text, formats' typed values). */
export function columnFromCells(values: CellValue[], type: DataType): Column<unknown> {
	return columnFromValues((visit) => values.forEach(visit), type, READ_OPTIONS);
}

/**
 * Numbers (NaN: missing) as a float64 or int32 column. The array is reused for a float64 column: its
 * missing rows are set to 0 in place, as flechette leaves them, so the caller must not read it after.
 */
export function numberColumn(numbers: Float64Array, integer: boolean): Column<unknown> {
	const length = numbers.length;
	const validity = bitmap(length);
	let nulls = 0;
	if (integer && fitsInt32(numbers)) {
		const values = new Int32Array(aligned(length, 4));
		for (let i = 0; i < length; i++) {
			const v = numbers[i]!;
			if (v !== v) nulls++;
			else {
				values[i] = v;
				validity[i >> 3]! |= 1 << (i & 7);
			}
		}
		return oneBatch(int32(), length, nulls, validity, values);
	}
	for (let i = 0; i < length; i++) {
		const v = numbers[i]!;
		if (v !== v) {
			nulls++;
			numbers[i] = 0;
		} else validity[i >> 3]! |= 1 << (i & 7);
	}
	return oneBatch(float64(), length, nulls, validity, numbers);
}

/**
 * Rows given as codes into per-code values (null: missing), for a column typed once per distinct value:
 * numbers, booleans, dates (as epoch milliseconds), categories or text.
 */
export function codedColumn(codes: Codes, valueOf: CellValue[], type: ColumnType): Column<unknown> {
	switch (type) {
		case 'text':
			return codedText(codes, valueOf);
		case 'integer':
		case 'number':
			return codedNumbers(codes, valueOf, type === 'integer' && fitsInt32(valueOf));
		case 'boolean':
			return codedBooleans(codes, valueOf);
		case 'date':
			return codedDates(codes, valueOf);
		case 'category':
			return codedCategories(codes, valueOf);
	}
}

function codedNumbers(codes: Codes, valueOf: CellValue[], int: boolean): Column<unknown> {
	const length = codes.length;
	const validity = bitmap(length);
	const values = int ? new Int32Array(aligned(length, 4)) : new Float64Array(length);
	const present = valueOf.map((v) => v !== null);
	const numbers = Float64Array.from(valueOf, (v) => (v === null ? 0 : (v as number)));
	let nulls = 0;
	for (let i = 0; i < length; i++) {
		const code = codes[i]!;
		if (present[code]) {
			values[i] = numbers[code]!;
			validity[i >> 3]! |= 1 << (i & 7);
		} else nulls++;
	}
	return oneBatch(int ? int32() : float64(), length, nulls, validity, values);
}

function codedBooleans(codes: Codes, valueOf: CellValue[]): Column<unknown> {
	const length = codes.length;
	const validity = bitmap(length);
	const values = bitmap(length);
	let nulls = 0;
	for (let i = 0; i < length; i++) {
		const value = valueOf[codes[i]!];
		if (value === null) nulls++;
		else {
			validity[i >> 3]! |= 1 << (i & 7);
			if (value) values[i >> 3]! |= 1 << (i & 7);
		}
	}
	return oneBatch(bool(), length, nulls, validity, values);
}

/** Little-endian int64 milliseconds from two 32-bit halves, as a BigInt64Array over the same words. */
function splitTime(time: number, words: Int32Array, i: number): void {
	const upper = Math.floor(time / 2 ** 32);
	words[2 * i] = time - upper * 2 ** 32;
	words[2 * i + 1] = upper;
}

/** Dates as epoch milliseconds (NaN: missing) to a timestamp column, with no Date or BigInt per row. */
export function dateColumn(times: Float64Array): Column<unknown> {
	const length = times.length;
	const validity = bitmap(length);
	const words = new Int32Array(length * 2);
	let nulls = 0;
	for (let i = 0; i < length; i++) {
		const time = times[i]!;
		if (time !== time) nulls++;
		else {
			splitTime(time, words, i);
			validity[i >> 3]! |= 1 << (i & 7);
		}
	}
	return oneBatch(timestamp(TimeUnit.MILLISECOND), length, nulls, validity, new BigInt64Array(words.buffer));
}

function codedDates(codes: Codes, valueOf: CellValue[]): Column<unknown> {
	const length = codes.length;
	const validity = bitmap(length);
	// Each millisecond count written as its two 32-bit halves (little-endian int64), never as a BigInt.
	const words = new Int32Array(length * 2);
	const low = new Int32Array(valueOf.length);
	const high = new Int32Array(valueOf.length);
	valueOf.forEach((value, code) => {
		if (value === null) return;
		const time = (value as Date).getTime();
		const upper = Math.floor(time / 2 ** 32);
		high[code] = upper;
		low[code] = time - upper * 2 ** 32;
	});
	let nulls = 0;
	for (let i = 0; i < length; i++) {
		const code = codes[i]!;
		if (valueOf[code] === null) nulls++;
		else {
			words[2 * i] = low[code]!;
			words[2 * i + 1] = high[code]!;
			validity[i >> 3]! |= 1 << (i & 7);
		}
	}
	const values = new BigInt64Array(words.buffer);
	return oneBatch(timestamp(TimeUnit.MILLISECOND), length, nulls, validity, values);
}

/** Dictionary keys in the order values first appear in the rows, as flechette's dictionary builder. */
function codedCategories(codes: Codes, valueOf: CellValue[]): Column<unknown> {
	const length = codes.length;
	const validity = bitmap(length);
	const keys = new Int32Array(aligned(length, 4));
	// Code → key + 1 (0: not seen yet); distinct codes may share a value (" a" and "a" both trim to "a").
	const keyOfCode = new Int32Array(valueOf.length);
	const keyOfValue = new Map<string, number>();
	const entries: string[] = [];
	let nulls = 0;
	for (let i = 0; i < length; i++) {
		const code = codes[i]!;
		let key = keyOfCode[code]! - 1;
		if (key === -1) {
			const value = valueOf[code];
			if (value === null) {
				nulls++;
				continue;
			}
			const text = value as string;
			key = keyOfValue.get(text) ?? -1;
			if (key === -1) {
				key = entries.length;
				keyOfValue.set(text, key);
				entries.push(text);
			}
			keyOfCode[code] = key + 1;
		}
		keys[i] = key;
		validity[i >> 3]! |= 1 << (i & 7);
	}
	const type = dictionary(utf8());
	const column = oneBatch(type, length, nulls, validity, keys);
	const values = columnFromValues(entries, type.dictionary, READ_OPTIONS);
	(column.data[0] as unknown as { setDictionary(values: Column<unknown>): void }).setDictionary(values);
	return column;
}

/**
 * Text as flechette's utf8 builder lays it out (offsets after each row, the bytes one after another, the
 * byte buffer one longer than the text and then padded), but with each distinct value encoded once and
 * its bytes copied per row: no string is encoded per row.
 */
function codedText(codes: Codes, valueOf: CellValue[]): Column<unknown> {
	const length = codes.length;
	const encoder = new TextEncoder();
	const bytesOf = valueOf.map((value) => (value === null ? undefined : encoder.encode(value as string)));
	let total = 0;
	let nulls = 0;
	for (let i = 0; i < length; i++) {
		const bytes = bytesOf[codes[i]!];
		if (bytes === undefined) nulls++;
		else total += bytes.length;
	}
	const validity = bitmap(length);
	const offsets = new Int32Array(aligned(length + 1, 4));
	const data = new Uint8Array(aligned(total + 1, 1));
	let at = 0;
	for (let i = 0; i < length; i++) {
		const bytes = bytesOf[codes[i]!];
		if (bytes !== undefined) {
			data.set(bytes, at);
			at += bytes.length;
			validity[i >> 3]! |= 1 << (i & 7);
		}
		offsets[i + 1] = at;
	}
	const type = utf8();
	const Batch = batchType(type, READ_OPTIONS);
	const batch = new Batch({
		length,
		nullCount: nulls,
		type,
		validity: nulls > 0 ? validity : NO_NULLS,
		offsets,
		values: data
	});
	return new Column([batch], type);
}
