// Date and timestamp columns with more distinct times than a dictionary holds are read as epoch
// milliseconds (no Date per row) for every Parquet time type: the values must be hyparquet's own, and the
// stored bytes (the content hash) those the general path stores for the same Dates.
import { createHash } from 'node:crypto';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { parquetWriteBuffer } from 'hyparquet-writer';
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { arrowTableToIPC, tableToArrowIPC } from '../../../../../src/lib/core/data/arrow-ipc.ts';
import { importTable } from '../../../../../src/lib/core/data/import/import-table.ts';
import { readParquet } from '../../../../../src/lib/core/data/import/read-parquet.ts';

const ROWS = 12_000;

/** Days, milliseconds, microseconds and nanoseconds, each column with its own nulls and 8,000+ distinct. */
function timeFile(encoding: 'PLAIN' | 'RLE_DICTIONARY'): Uint8Array {
	const columns = [
		{ name: 'd', type: 'INT32', converted_type: 'DATE', data: (i: number) => ((i * 37) % 20_000) - 5000 },
		{
			name: 'ms',
			type: 'INT64',
			converted_type: 'TIMESTAMP_MILLIS',
			data: (i: number) => 1_600_000_000_000n + BigInt(i) * 123_457n
		},
		{
			name: 'us',
			type: 'INT64',
			converted_type: 'TIMESTAMP_MICROS',
			data: (i: number) => -259_200_000_000n + BigInt(i) * 1_234_567_891n + 999n
		},
		{
			name: 'ns',
			type: 'INT64',
			logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'NANOS' },
			data: (i: number) => 1_600_000_000_000_000_000n + BigInt(i) * 987_654_321_123n - 1n
		}
	];
	const buffer = parquetWriteBuffer({
		columnData: columns.map(({ name, data }, c) => ({
			name,
			encoding,
			data: Array.from({ length: ROWS }, (_, i) => (i % (5 + c) === 0 ? null : data(i)))
		})) as never,
		schema: [
			{ name: 'root', num_children: columns.length },
			...columns.map(({ name, type, converted_type, logical_type }) => ({
				name,
				type,
				converted_type,
				logical_type,
				repetition_type: 'OPTIONAL'
			}))
		] as never,
		rowGroupSize: 5000,
		pageSize: 8192
	});
	return new Uint8Array(buffer);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('Parquet time columns past the dictionary', () => {
	for (const encoding of ['PLAIN', 'RLE_DICTIONARY'] as const) {
		it(`reads ${encoding} dates and timestamps to hyparquet's instants, storing the general path's bytes`, async () => {
			const bytes = timeFile(encoding);
			const raw = await readParquet(bytes, {});
			expect(raw.columns.map((c) => c.kind)).toEqual(['dates', 'dates', 'dates', 'dates']);
			const whole = await parquetReadObjects({ file: bytes.buffer as ArrayBuffer, compressors });
			const result = await importTable(bytes, { fileName: 'times.parquet' });
			expect(result.schema.map((c) => c.type)).toEqual(['date', 'date', 'date', 'date']);
			const dates: Record<string, (Date | null)[]> = {};
			for (const name of ['d', 'ms', 'us', 'ns']) {
				dates[name] = whole.map((row) => (row[name] as Date | undefined) ?? null);
				const read = Array.from(
					result.table.array(name) as ArrayLike<Date | null>,
					(d) => d?.getTime() ?? null
				);
				expect(read, name).toEqual(dates[name]!.map((d) => d?.getTime() ?? null));
				expect(new Set(read).size, name).toBeGreaterThan(4097);
			}
			const general = tableToArrowIPC(aq.table(dates), result.schema);
			expect(sha256(arrowTableToIPC(result.arrow!))).toBe(sha256(general));
		}, 30_000);
	}

	it('reads a date column to another type through each date’s text', async () => {
		const result = await importTable(timeFile('PLAIN'), {
			fileName: 'times.parquet',
			typeOverrides: { d: 'text' }
		});
		expect(result.schema[0]).toEqual({ name: 'd', type: 'text' });
		const text = result.table.array('d') as ArrayLike<string | null>;
		expect(text[0]).toBeNull();
		expect(text[1]).toBe(new Date((37 - 5000) * 86_400_000).toISOString().slice(0, 10));
	});
});
