// PLAIN string pages read from their bytes (a JS string only per distinct value) must give the very
// column hyparquet's decoder gives (one string per cell) poured into the same sink: generated files with
// ASCII, multi-byte UTF-8, empty and missing-spelling strings and nulls, in every compression Benchtop
// reads, as v2 pages (hyparquet-writer) and as hand-made v1 pages.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { readDataPage } from 'hyparquet/src/datapage.js';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { loadZstdCompressor } from '../../../../../src/lib/core/data/export/zstd-compressor.ts';
import { ByteStringCodes } from '../../../../../src/lib/core/data/import/byte-string-codes.ts';
import {
	columnSink,
	type ParquetColumnSink
} from '../../../../../src/lib/core/data/import/parquet-columns.ts';
import { flatChunk, readFlatChunk } from '../../../../../src/lib/core/data/import/parquet-pages.ts';
import { readPlainTextPage } from '../../../../../src/lib/core/data/import/parquet-text-page.ts';
import { readParquet } from '../../../../../src/lib/core/data/import/read-parquet.ts';
import { lz4Hadoop, lz4LiteralBlock } from '../../../../fixtures/parquet-codecs/make-codec-fixtures.ts';

const ROWS = 9000;
const WORDS = [
	'alpha',
	'ünïcödé',
	'€ 5',
	'😀 grin',
	'',
	'NA',
	'日本語のテキスト',
	' spaced ',
	'x'.repeat(300)
];

/** Strings from a few thousand distinct (some past 4,096), with nulls, empties and missing spellings. */
function textValues(): (string | null)[] {
	return Array.from({ length: ROWS }, (_, i) =>
		i % 13 === 0 ? null : i % 3 === 0 ? `${WORDS[i % WORDS.length]}${i % 5000}` : WORDS[i % WORDS.length]!
	);
}

async function plainFile(codec: string, values: (string | null)[]): Promise<Uint8Array> {
	const zstd = await loadZstdCompressor();
	return new Uint8Array(
		parquetWriteBuffer({
			columnData: [
				{ name: 's', type: 'STRING', data: values, encoding: 'PLAIN' },
				{
					name: 'r',
					type: 'STRING',
					data: values.map((v) => v ?? 'none'),
					encoding: 'PLAIN',
					nullable: false
				}
			],
			codec: codec as 'SNAPPY',
			compressors: {
				ZSTD: zstd,
				GZIP: (input) => new Uint8Array(gzipSync(input)),
				BROTLI: (input) =>
					new Uint8Array(brotliCompressSync(input, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })),
				LZ4: lz4Hadoop,
				LZ4_RAW: lz4LiteralBlock
			},
			rowGroupSize: 4000,
			pageSize: 4096
		})
	);
}

/** The column as before: hyparquet's strings, one per cell, put into a string sink. */
function throughHyparquet(values: unknown[]): ReturnType<ParquetColumnSink['finish']> {
	const sink = columnSink('strings', values.length);
	sink.put(values, 0);
	return sink.finish();
}

/** Definition levels of an optional column as RLE runs (header = run length × 2, then the level's byte). */
function levelRuns(cells: (string | null)[]): number[] {
	const runs: number[] = [];
	let i = 0;
	while (i < cells.length) {
		const level = cells[i] === null ? 0 : 1;
		let n = 0;
		while (i < cells.length && (cells[i] === null ? 0 : 1) === level) {
			n++;
			i++;
		}
		runs.push(n << 1, level);
	}
	return runs;
}

/** The present cells PLAIN-encoded: each a 4-byte little-endian length and its UTF-8 bytes. */
function plainValues(cells: (string | null)[]): number[] {
	const encoder = new TextEncoder();
	const parts: number[] = [];
	for (const cell of cells) {
		if (cell === null) continue;
		const b = encoder.encode(cell);
		parts.push(b.length & 255, b.length >> 8, 0, 0, ...b);
	}
	return parts;
}

describe('PLAIN text pages read from their bytes', () => {
	for (const codec of ['UNCOMPRESSED', 'SNAPPY', 'ZSTD', 'GZIP', 'BROTLI', 'LZ4', 'LZ4_RAW']) {
		it(`give hyparquet's column for ${codec} pages, nulls and all`, async () => {
			const values = textValues();
			const bytes = await plainFile(codec, values);
			const metadata = parquetMetadata(bytes.buffer as ArrayBuffer);
			expect(metadata.row_groups[0]!.columns[0]!.meta_data!.encodings).toContain('PLAIN');
			expect(metadata.row_groups[0]!.columns[0]!.meta_data!.codec).toBe(codec);
			const whole = await parquetReadObjects({ file: bytes.buffer as ArrayBuffer, compressors });
			const raw = await readParquet(bytes, {});
			for (const name of ['s', 'r']) {
				const cells = whole.map((row) => row[name] as string | null);
				expect(cells.filter((v) => v !== null && v !== 'none')).toEqual(values.filter((v) => v !== null));
				expect(raw.columns[name === 's' ? 0 : 1], name).toEqual(throughHyparquet(cells));
			}
		}, 30_000);
	}

	it('go to the sink as bytes (putText), not as strings', async () => {
		const bytes = await plainFile('SNAPPY', textValues());
		const metadata = parquetMetadata(bytes.buffer as ArrayBuffer);
		const group = metadata.row_groups[0]!;
		const flat = flatChunk(metadata.schema, group.columns[0]!, compressors)!;
		const sink = columnSink('strings', Number(group.num_rows));
		let texts = 0;
		let pages = 0;
		const counting: ParquetColumnSink = {
			put: (v, at) => sink.put(v, at),
			putPage: (...args) => (pages++, sink.putPage(...args)),
			putText: (...args) => (texts++, sink.putText(...args)),
			finish: () => sink.finish()
		};
		const chunk = bytes.subarray(flat.start, flat.end);
		expect(readFlatChunk(chunk, flat, Number(group.num_rows), counting, 0)).toBe(Number(group.num_rows));
		expect(texts).toBeGreaterThan(1);
		expect(pages).toBe(0);
	});

	it('read a v1 page (levels inside, with their length) as hyparquet reads it', () => {
		const cells = ['a', null, 'ü€', '', null, null, 'a', '😀', 'NA', 'b'];
		const runs = levelRuns(cells);
		const page = Uint8Array.from([runs.length, 0, 0, 0, ...runs, ...plainValues(cells)]);
		const header = {
			type: 'DATA_PAGE' as const,
			uncompressed_page_size: page.length,
			compressed_page_size: page.length,
			data_page_header: {
				num_values: cells.length,
				encoding: 'PLAIN' as const,
				definition_level_encoding: 'RLE' as const,
				repetition_level_encoding: 'RLE' as const
			}
		};
		const text = readPlainTextPage(page, header, { codec: 'UNCOMPRESSED', compressors: undefined }, 1)!;
		expect(text.count).toBe(7);
		const sink = columnSink('strings', cells.length);
		expect(sink.putText(text, 1, 0)).toBe(cells.length);
		// hyparquet's reading of the same page: levels, then one Uint8Array per value.
		const element = { name: 's', type: 'BYTE_ARRAY' as const, repetition_type: 'OPTIONAL' as const };
		const theirs = readDataPage(page, header.data_page_header, {
			type: 'BYTE_ARRAY',
			element,
			schemaPath: [{ element: { name: 'root' } }, { element }]
		} as never);
		const decoder = new TextDecoder();
		const reference = columnSink('strings', cells.length);
		reference.putPage(
			Array.from(theirs.dataPage as Uint8Array[], (b) => decoder.decode(b)),
			undefined,
			theirs.definitionLevels,
			1,
			0
		);
		expect(sink.finish()).toEqual(reference.finish());
		expect(throughHyparquet(cells)).toEqual(reference.finish());
	});

	it('place a v2 page’s values by its definition levels, even when its header miscounts the nulls', () => {
		const cells = ['a', null, 'ü€', '', null, 'a', '😀', 'b'];
		const runs = levelRuns(cells);
		const page = Uint8Array.from([...runs, ...plainValues(cells)]);
		const header = (nulls: number) => ({
			type: 'DATA_PAGE_V2' as const,
			uncompressed_page_size: page.length,
			compressed_page_size: page.length,
			data_page_header_v2: {
				num_values: cells.length,
				num_nulls: nulls,
				num_rows: cells.length,
				encoding: 'PLAIN' as const,
				definition_levels_byte_length: runs.length,
				repetition_levels_byte_length: 0,
				is_compressed: false
			}
		});
		const decoder = { codec: 'UNCOMPRESSED' as const, compressors: undefined };
		// The header's count is right: 2 nulls.
		const right = columnSink('strings', cells.length);
		right.putText(readPlainTextPage(page, header(2), decoder, 1)!, 1, 0);
		expect(right.finish()).toEqual(throughHyparquet(cells));
		// A writer that counted 3: the levels still say which 6 rows have a value, and the page holds 6.
		const miscounted = readPlainTextPage(page, header(3), decoder, 1)!;
		expect(miscounted.count).toBe(6);
		const sink = columnSink('strings', cells.length);
		expect(sink.putText(miscounted, 1, 0)).toBe(cells.length);
		expect(sink.finish()).toEqual(throughHyparquet(cells));
	});

	it('say so when a page ends inside a value', () => {
		const page = Uint8Array.of(5, 0, 0, 0, 97, 98);
		const header = {
			type: 'DATA_PAGE' as const,
			uncompressed_page_size: page.length,
			compressed_page_size: page.length,
			data_page_header: {
				num_values: 1,
				encoding: 'PLAIN' as const,
				definition_level_encoding: 'RLE' as const,
				repetition_level_encoding: 'RLE' as const
			}
		};
		const text = readPlainTextPage(page, header, { codec: 'UNCOMPRESSED', compressors: undefined }, 0)!;
		expect(() => columnSink('strings', 1).putText(text, 0, 0)).toThrow(/ends inside a value/);
	});
});

describe('ByteStringCodes', () => {
	it('finds each byte string added, by its bytes wherever they lie, through growth', () => {
		const codes = new ByteStringCodes();
		const encoder = new TextEncoder();
		for (let k = 0; k < 20_000; k++) {
			const bytes = encoder.encode(`  value ${k} ü`);
			expect(codes.find(bytes, 2, bytes.length - 2)).toBe(-1);
			codes.add(k * 3);
		}
		expect(codes.size).toBe(20_000);
		for (const k of [0, 1, 4095, 4096, 19_999]) {
			const bytes = encoder.encode(`value ${k} ü`);
			expect(codes.find(bytes, 0, bytes.length)).toBe(k * 3);
		}
		const empty = new Uint8Array(0);
		expect(codes.find(empty, 0, 0)).toBe(-1);
		codes.add(7);
		expect(codes.find(encoder.encode('x'), 1, 0)).toBe(7);
	});

	it('tells apart byte strings whose FNV-1a hashes are equal', () => {
		// 'v332789' and 'v529192' share the 32-bit FNV-1a hash 2817595147 (found by search).
		const encoder = new TextEncoder();
		const [a, b] = [encoder.encode('v332789'), encoder.encode('v529192')];
		const fnv = (bytes: Uint8Array) =>
			bytes.reduce((hash, byte) => Math.imul(hash ^ byte, 0x01000193), 0x811c9dc5) >>> 0;
		expect(fnv(a)).toBe(fnv(b));
		const codes = new ByteStringCodes();
		expect(codes.find(a, 0, a.length)).toBe(-1);
		codes.add(1);
		expect(codes.find(b, 0, b.length)).toBe(-1);
		codes.add(2);
		expect([codes.find(a, 0, a.length), codes.find(b, 0, b.length), codes.size]).toEqual([1, 2, 2]);
	});
});
