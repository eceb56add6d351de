// Parquet dates and timestamps straight to epoch milliseconds in a Float64Array (NaN: missing or out of
// a Date's range), from the physical values a page holds: no Date object per value. The rounding is
// hyparquet's (its default parsers: micro- and nanoseconds divided as BigInts, so toward zero), so a
// column reads to the same instants whichever path decodes it.
import type { DecodedArray, SchemaElement } from 'hyparquet';

/** How a time column's physical values count time. */
export type ParquetTimeUnit = 'days' | 'millis' | 'micros' | 'nanos' | 'int96';

/** The largest |milliseconds| a Date holds (±100,000,000 days from the epoch). */
const MAX_TIME = 8.64e15;
const DAY_MS = 86_400_000;
/** INT96 counts days from the Julian day number of 1970-01-01. */
const JULIAN_EPOCH = 2_440_588n;
const NANOS_PER_DAY = 86_400_000_000_000n;
const LOW_64 = 0xffff_ffff_ffff_ffffn;

/** The unit of a date or timestamp column, or undefined when it is not one (checked as hyparquet does). */
export function timeUnitOf(element: SchemaElement): ParquetTimeUnit | undefined {
	const { type, converted_type: converted, logical_type: logical } = element;
	if (converted === 'DATE') return 'days';
	if (converted === 'TIMESTAMP_MILLIS') return 'millis';
	if (converted === 'TIMESTAMP_MICROS') return 'micros';
	if (type === 'INT96') return 'int96';
	if (logical?.type === 'DATE') return 'days';
	if (logical?.type === 'TIMESTAMP')
		return logical.unit === 'NANOS' ? 'nanos' : logical.unit === 'MICROS' ? 'micros' : 'millis';
	return undefined;
}

/** A Date's time value: integral milliseconds within its range, else NaN. */
function clipped(ms: number): number {
	return ms >= -MAX_TIME && ms <= MAX_TIME ? ms + 0 : Number.NaN;
}

/** `value` ÷ `divisor` rounded toward zero, exactly, for |value| < 2^52 (so that q × divisor is exact). */
function truncatedQuotient(value: number, divisor: number): number {
	let q = Math.trunc(value / divisor);
	const r = value - q * divisor;
	if (value >= 0) {
		if (r < 0) q--;
		else if (r >= divisor) q++;
	} else if (r > 0) q++;
	else if (r <= -divisor) q--;
	return q;
}

/**
 * INT64 counts of `divisor`ths of a millisecond to milliseconds. A BigInt64Array is read as its 32-bit
 * halves, so no BigInt is made for counts below 2^52 (±142 years of nanoseconds, far more of the rest).
 */
function int64Millis(data: DecodedArray, divisor: number): Float64Array {
	const out = new Float64Array(data.length);
	const big = BigInt(divisor);
	const words =
		data instanceof BigInt64Array ? new Int32Array(data.buffer, data.byteOffset, data.length * 2) : undefined;
	for (let i = 0; i < data.length; i++) {
		if (words) {
			const high = words[2 * i + 1]!;
			if (high >= -0x10_0000 && high < 0x10_0000) {
				const value = high * 4_294_967_296 + (words[2 * i]! >>> 0);
				out[i] = clipped(divisor === 1 ? value : truncatedQuotient(value, divisor));
				continue;
			}
		}
		const value = BigInt(data[i] as bigint | number);
		out[i] = clipped(Number(divisor === 1 ? value : value / big));
	}
	return out;
}

/** The physical values of a time column (no nulls among them) as epoch milliseconds. */
export function epochMillis(data: DecodedArray, unit: ParquetTimeUnit): Float64Array {
	switch (unit) {
		case 'days': {
			const out = new Float64Array(data.length);
			for (let i = 0; i < data.length; i++) out[i] = clipped((data[i] as number) * DAY_MS);
			return out;
		}
		case 'millis':
			return int64Millis(data, 1);
		case 'micros':
			return int64Millis(data, 1000);
		case 'nanos':
			return int64Millis(data, 1_000_000);
		case 'int96': {
			const out = new Float64Array(data.length);
			for (let i = 0; i < data.length; i++) {
				const value = data[i] as bigint;
				const nanos = ((value >> 64n) - JULIAN_EPOCH) * NANOS_PER_DAY + (value & LOW_64);
				out[i] = clipped(Number(nanos / 1_000_000n));
			}
			return out;
		}
	}
}
