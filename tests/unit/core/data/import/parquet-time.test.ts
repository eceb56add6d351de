// Parquet dates and timestamps read to epoch milliseconds must be the instants hyparquet's own conversion
// (one Date per value) gives, for every time type, including negative counts (rounded toward zero, as
// BigInt division rounds), counts past 2^52 (the BigInt path) and instants beyond a Date's range (NaN).
import type { SchemaElement } from 'hyparquet';
import { convert, DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import { describe, expect, it } from 'vitest';
import {
	epochMillis,
	timeUnitOf,
	type ParquetTimeUnit
} from '../../../../../src/lib/core/data/import/parquet-time.ts';

/** hyparquet's reading of the same physical values: each Date's time (NaN for an invalid Date). */
function hyparquetTimes(data: Int32Array | BigInt64Array | bigint[], element: SchemaElement): number[] {
	const dates = convert(data, { element, parsers: DEFAULT_PARSERS, utf8: true } as never) as Date[];
	return Array.from(dates, (date) => date.getTime());
}

const INT64_COUNTS = BigInt64Array.from(
	[
		0n,
		1n,
		-1n,
		999n,
		-999n,
		1000n,
		-1001n,
		1_700_000_000_123_456_789n,
		-1_700_000_000_123_456_789n,
		2n ** 52n - 1n,
		-(2n ** 52n),
		2n ** 52n + 1001n,
		-(2n ** 53n) - 7n,
		2n ** 63n - 1n,
		-(2n ** 63n)
	].flatMap((v) => [v, v * 3n - 1n].filter((x) => x < 2n ** 63n && x >= -(2n ** 63n)))
);

const ELEMENTS: [ParquetTimeUnit, SchemaElement][] = [
	['millis', { name: 't', type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' }],
	['micros', { name: 't', type: 'INT64', converted_type: 'TIMESTAMP_MICROS' }],
	[
		'nanos',
		{ name: 't', type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'NANOS' } }
	],
	[
		'micros',
		{ name: 't', type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'MICROS' } }
	],
	[
		'millis',
		{ name: 't', type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' } }
	]
];

describe('epochMillis', () => {
	for (const [unit, element] of ELEMENTS) {
		it(`reads ${unit} (${element.converted_type ?? element.logical_type?.type}) as hyparquet's Dates`, () => {
			expect(timeUnitOf(element)).toBe(unit);
			expect(Array.from(epochMillis(INT64_COUNTS, unit))).toEqual(hyparquetTimes(INT64_COUNTS, element));
		});
	}

	it('reads days (DATE) as hyparquet does, out-of-range days as NaN', () => {
		const element: SchemaElement = { name: 'd', type: 'INT32', converted_type: 'DATE' };
		const days = Int32Array.of(0, 1, -1, 19_000, -719_528, 100_000_000, 100_000_001, 2 ** 31 - 1, -(2 ** 31));
		expect(timeUnitOf(element)).toBe('days');
		const times = Array.from(epochMillis(days, 'days'));
		expect(times).toEqual(hyparquetTimes(days, element));
		expect(times.slice(-3).every(Number.isNaN)).toBe(true);
	});

	it('reads INT96 (Julian day and nanoseconds of the day) as hyparquet does', () => {
		const element: SchemaElement = { name: 'i', type: 'INT96' };
		const int96 = (julianDay: bigint, nanos: bigint) => (julianDay << 64n) | nanos;
		const values = [
			int96(2_440_588n, 0n),
			int96(2_440_588n, 86_399_999_999_999n),
			int96(2_440_587n, 1n),
			int96(2_460_000n, 43_200_123_456_789n),
			int96(2_000_000n, 999_999n)
		];
		expect(timeUnitOf(element)).toBe('int96');
		expect(Array.from(epochMillis(values, 'int96'))).toEqual(hyparquetTimes(values, element));
	});

	it('says which columns are times: DATE as a logical type alone too, not plain integers', () => {
		expect(timeUnitOf({ name: 'd', type: 'INT32', logical_type: { type: 'DATE' } })).toBe('days');
		expect(timeUnitOf({ name: 'n', type: 'INT64' })).toBeUndefined();
		expect(timeUnitOf({ name: 's', type: 'BYTE_ARRAY', converted_type: 'UTF8' })).toBeUndefined();
	});
});
