import { parquetMetadata } from 'hyparquet';
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../../../src/lib/core/data/export/table-to-csv.ts';
import { tableToParquet } from '../../../../../src/lib/core/data/export/table-to-parquet.ts';
import { importTable } from '../../../../../src/lib/core/data/import/index.ts';
import { parseDelimitedText } from '../../../../../src/lib/core/data/parse-delimited-text.ts';

const CSV =
	'id,score,big,ok,day,stamp,group,note\n' +
	'1,0.5,4294967296,true,2024-01-02,2024-01-02T10:30:00Z,a,"hello, ""world"""\n' +
	'2,,9007199254740991,false,,2024-03-04T00:00:01Z,b,"two\nlines"\n' +
	'3,2.25,-5,,2024-05-06,,a, padded \n' +
	'4,3,7,true,2024-07-08,2024-07-08T12:00:00Z,b,\n';

describe('tableToCsv', () => {
	const { table, schema } = parseDelimitedText(CSV);

	it('writes RFC 4180: quotes only where needed, doubled inside, CRLF line ends', () => {
		const csv = tableToCsv(table, schema);
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe('id,score,big,ok,day,stamp,group,note');
		expect(lines[1]).toBe('1,0.5,4294967296,true,2024-01-02,2024-01-02T10:30:00.000Z,a,"hello, ""world"""');
		expect(csv).toContain('"two\nlines"');
		expect(csv.endsWith('\r\n')).toBe(true);
	});

	it('writes missing values as empty fields and dates as ISO 8601', () => {
		const lines = tableToCsv(table, schema).split('\r\n');
		expect(lines[3]).toBe('3,2.25,-5,,2024-05-06,,a," padded "');
	});

	it('reads back as the same table and schema', async () => {
		const back = await importTable(tableToCsv(table, schema), { fileName: 'x.csv' });
		expect(back.schema).toEqual(schema);
		expect(back.table.objects()).toEqual(table.objects());
	});
});

describe('tableToParquet', () => {
	const { table, schema } = parseDelimitedText(CSV);

	it('writes a Parquet file that reads back with the same schema and values', async () => {
		const bytes = await tableToParquet(table, schema);
		expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('PAR1');
		const back = await importTable(new Blob([bytes]), { fileName: 'x.parquet' });
		expect(back.schema).toEqual(schema);
		expect(back.table.objects()).toEqual(table.objects());
		expect(back.table.get('big', 1)).toBe(9007199254740991);
	});

	it('round-trips through CSV and Parquet alike', async () => {
		const viaParquet = await importTable(await tableToParquet(table, schema), { format: 'parquet' });
		const viaCsv = await importTable(tableToCsv(viaParquet.table, viaParquet.schema));
		expect(viaCsv.table.objects()).toEqual(table.objects());
	});

	/** The codec of every column chunk, as the file's footer records it. */
	const footerCodecs = (bytes: Uint8Array) =>
		parquetMetadata(bytes.slice().buffer).row_groups.flatMap((g) => g.columns.map((c) => c.meta_data?.codec));

	it('compresses pages with ZSTD by default, as the footer records, and reads them back', async () => {
		const bytes = await tableToParquet(table, schema);
		expect(new Set(footerCodecs(bytes))).toEqual(new Set(['ZSTD']));
		const back = await importTable(new Blob([bytes]), { fileName: 'x.parquet' });
		expect(back.table.objects()).toEqual(table.objects());
	});

	it('writes Snappy or no compression when asked, with the same values', async () => {
		for (const codec of ['SNAPPY', 'UNCOMPRESSED'] as const) {
			const bytes = await tableToParquet(table, schema, { codec });
			expect(new Set(footerCodecs(bytes))).toEqual(new Set([codec]));
			const back = await importTable(new Blob([bytes]), { fileName: 'x.parquet' });
			expect(back.table.objects()).toEqual(table.objects());
		}
	});

	it('makes a repetitive table several times smaller with ZSTD than without compression', async () => {
		const n = 20_000;
		const wide = aq.table({
			id: Float64Array.from({ length: n }, (_, i) => i),
			group: Array.from({ length: n }, (_, i) => ['north', 'south', 'east'][i % 3]),
			note: Array.from({ length: n }, (_, i) => `row ${i % 100} of a repetitive note`)
		});
		const wideSchema = [
			{ name: 'id', type: 'number' as const },
			{ name: 'group', type: 'category' as const },
			{ name: 'note', type: 'text' as const }
		];
		const zstd = await tableToParquet(wide, wideSchema);
		const plain = await tableToParquet(wide, wideSchema, { codec: 'UNCOMPRESSED' });
		expect(zstd.length * 3).toBeLessThan(plain.length);
		const back = await importTable(new Blob([zstd]), { fileName: 'x.parquet' });
		expect(back.table.objects()).toEqual(wide.objects());
	});
});
