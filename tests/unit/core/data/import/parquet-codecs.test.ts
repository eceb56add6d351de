// Parquet as people's writers compress it: the same table, written once per codec
// (tests/fixtures/parquet-codecs/make-codec-fixtures.ts), imports to the same values every time.
import { readFileSync } from 'node:fs';
import { parquetMetadata } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { importTable } from '../../../../../src/lib/core/data/import/import-table.ts';
import { codecTable, ROWS } from '../../../../fixtures/parquet-codecs/make-codec-fixtures.ts';

const fixture = (codec: string) =>
	new Uint8Array(
		readFileSync(new URL(`../../../../fixtures/parquet-codecs/${codec}.parquet`, import.meta.url))
	);

describe('importTable, Parquet in every codec', () => {
	const expected = codecTable();

	for (const codec of ['uncompressed', 'snappy', 'zstd', 'gzip', 'brotli', 'lz4', 'lz4_raw']) {
		it(`reads ${codec} pages to the written values`, async () => {
			const bytes = fixture(codec);
			// The fixture really is compressed with this codec: its footer says so for every column chunk.
			const codecs = parquetMetadata(bytes.buffer).row_groups.flatMap((group) =>
				group.columns.map((chunk) => chunk.meta_data?.codec)
			);
			expect(new Set(codecs)).toEqual(new Set([codec.toUpperCase()]));
			const { table, schema } = await importTable(bytes, { fileName: `${codec}.parquet` });
			expect(table.numRows()).toBe(ROWS);
			expect(schema).toEqual([
				{ name: 'id', type: 'integer' },
				{ name: 'x', type: 'number' },
				{ name: 'word', type: 'category' },
				{ name: 'flag', type: 'boolean' }
			]);
			for (const column of expected) {
				expect(Array.from(table.array(column.name) as ArrayLike<unknown>), column.name).toEqual(column.data);
			}
		});
	}

	it('compresses: the ZSTD file is well under the uncompressed one', () => {
		expect(fixture('zstd').length).toBeLessThan(fixture('uncompressed').length / 2);
	});
});
