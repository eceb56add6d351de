// Parquet read row group by row group into typed columns: every value encoding, structs flattened, lists
// and maps refused by name, the streamed columns equal to hyparquet's own whole-file read, progress that
// only moves forward, and cancel between chunks.
import { readFileSync } from 'node:fs';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import * as aq from 'arquero';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { arrowTableToIPC, tableToArrowIPC } from '../../../../../src/lib/core/data/arrow-ipc.ts';
import { tableToParquet } from '../../../../../src/lib/core/data/export/table-to-parquet.ts';
import { importTable } from '../../../../../src/lib/core/data/import/import-table.ts';
import type { ImportProgress } from '../../../../../src/lib/core/data/import/import-types.ts';
import { readParquet } from '../../../../../src/lib/core/data/import/read-parquet.ts';
import {
	deltaTable,
	dictionaryTable,
	ROW_GROUP,
	ROWS,
	structRows
} from '../../../../fixtures/parquet-encodings/make-encoding-fixtures.ts';

const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`../../../../fixtures/parquet-encodings/${name}`, import.meta.url)));
const codecFixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`../../../../fixtures/parquet-codecs/${name}`, import.meta.url)));

/** Each column chunk's data-page encoding, as the file's footer states it. */
function encodings(bytes: Uint8Array): Map<string, Set<string>> {
	const out = new Map<string, Set<string>>();
	for (const group of parquetMetadata(bytes.buffer as ArrayBuffer).row_groups)
		for (const chunk of group.columns) {
			const name = chunk.meta_data!.path_in_schema.join('.');
			const set = out.get(name) ?? new Set();
			for (const encoding of chunk.meta_data!.encodings) set.add(encoding);
			out.set(name, set);
		}
	return out;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a failure');
}

const column = (table: { array(name: string): unknown }, name: string) =>
	Array.from(table.array(name) as ArrayLike<unknown>);

describe('Parquet value encodings', () => {
	it('reads dictionary-encoded columns (strings, integers, doubles, timestamps, booleans) with their nulls', async () => {
		const bytes = fixture('dictionary.parquet');
		for (const name of ['word', 'small', 'x', 'day'])
			expect(encodings(bytes).get(name)).toContain('RLE_DICTIONARY');
		const { table, schema } = await importTable(new Blob([bytes]), { fileName: 'dictionary.parquet' });
		expect(schema).toEqual([
			{ name: 'word', type: 'category' },
			{ name: 'small', type: 'integer' },
			{ name: 'x', type: 'number' },
			{ name: 'day', type: 'date' },
			{ name: 'flag', type: 'boolean' }
		]);
		for (const written of dictionaryTable())
			expect(column(table, written.name), written.name).toEqual(written.data);
	});

	it('reads delta-packed integers, delta-length and delta strings, and byte-stream-split doubles', async () => {
		const bytes = fixture('delta.parquet');
		const used = encodings(bytes);
		expect(used.get('id')).toContain('DELTA_BINARY_PACKED');
		expect(used.get('big')).toContain('DELTA_BINARY_PACKED');
		expect(used.get('label')).toContain('DELTA_LENGTH_BYTE_ARRAY');
		expect(used.get('path')).toContain('DELTA_BYTE_ARRAY');
		expect(used.get('value')).toContain('BYTE_STREAM_SPLIT');
		const { table, schema } = await importTable(bytes, { fileName: 'delta.parquet' });
		expect(schema.map((c) => c.type)).toEqual(['integer', 'integer', 'text', 'text', 'number']);
		for (const written of deltaTable()) {
			const expected = Array.from(written.data as ArrayLike<unknown>, (v) =>
				typeof v === 'bigint' ? Number(v) : v
			);
			expect(column(table, written.name), written.name).toEqual(expected);
		}
	});
});

describe('Parquet nested columns', () => {
	it('flattens a struct (and a struct inside it) into one column per field, named with dots', async () => {
		const { table, schema } = await importTable(fixture('struct.parquet'), { fileName: 'struct.parquet' });
		expect(schema).toEqual([
			{ name: 'id', type: 'integer' },
			{ name: 'point.x', type: 'number' },
			{ name: 'point.y', type: 'integer' },
			{ name: 'point.tag.name', type: 'category' }
		]);
		const rows = structRows();
		expect(column(table, 'id')).toEqual(rows.map((r) => r.id));
		expect(column(table, 'point.x')).toEqual(rows.map((r) => r.point?.x ?? null));
		expect(column(table, 'point.y')).toEqual(rows.map((r) => r.point?.y ?? null));
		expect(column(table, 'point.tag.name')).toEqual(rows.map((r) => r.point?.tag?.name ?? null));
	});

	it('refuses a list column, naming it and what it holds', async () => {
		const error = await failure(importTable(fixture('list.parquet'), { fileName: 'list.parquet' }));
		expect(error.message).toBe(
			'The Parquet column “tags” holds a list of strings per row, which cannot be one table column. Benchtop reads flat columns and structs (as one column per field); save “tags” flattened, or as text, and import the file again.'
		);
	});

	it('refuses a map column, naming it', async () => {
		const error = await failure(importTable(fixture('map.parquet'), { fileName: 'map.parquet' }));
		expect(error.message).toMatch(
			/^The Parquet column “attrs” holds a map \(key → value pairs per row\), which cannot be one table column\./
		);
	});

	it('refuses a list inside a struct by its dotted name', async () => {
		const error = await failure(importTable(fixture('struct-list.parquet'), { fileName: 'x.parquet' }));
		expect(error.message).toMatch(/^The Parquet column “owner\.scores” holds a list of numbers per row/);
	});
});

describe('Parquet read in row groups', () => {
	it('streams into the same values as hyparquet reading the whole file at once', async () => {
		for (const [bytes, name] of [
			[fixture('dictionary.parquet'), 'dictionary'],
			[fixture('delta.parquet'), 'delta'],
			[codecFixture('zstd.parquet'), 'zstd']
		] as const) {
			const whole = await parquetReadObjects({ file: bytes.buffer as ArrayBuffer, compressors });
			const { table } = await importTable(bytes, { fileName: `${name}.parquet` });
			expect(table.numRows(), name).toBe(whole.length);
			for (const key of Object.keys(whole[0]!)) {
				const expected = whole.map((row) => {
					const v: unknown = row[key];
					return v === undefined ? null : typeof v === 'bigint' ? Number(v) : v;
				});
				expect(column(table, key), `${name}.${key}`).toEqual(expected);
			}
		}
	});

	it('keeps a string column of 70,000 distinct values coded, storing the bytes the general path stores', async () => {
		const rows = 150_000;
		// Repeated values, 70,000 distinct, missing ones, and a long non-ASCII one.
		const label = Array.from({ length: rows }, (_, i) =>
			i % 11 === 3 ? null : i === 7 ? 'ünïcödé '.repeat(40) : `label ${(i * 7919) % 70_000}`
		);
		const group = Array.from({ length: rows }, (_, i) => `g${(i * 31) % 900}`);
		const n = Array.from({ length: rows }, (_, i) => i);
		const schema = [
			{ name: 'label', type: 'text' as const },
			{ name: 'group', type: 'category' as const },
			{ name: 'n', type: 'integer' as const }
		];
		const bytes = await tableToParquet(aq.table({ label, group, n }), schema);
		const raw = await readParquet(bytes, {});
		expect(raw.columns.map((c) => c.kind)).toEqual(['dictionary', 'dictionary', 'numeric']);
		const result = await importTable(bytes, { fileName: 'wide.parquet' });
		expect(result.schema.map((c) => c.type)).toEqual(['text', 'category', 'integer']);
		expect(column(result.table, 'label')).toEqual(label);
		expect(column(result.table, 'group')).toEqual(group);
		// The stored bytes (and so the content hash) are those of the same values through arquero's encoder.
		const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
		const general = tableToArrowIPC(aq.table({ label, group, n }), result.schema);
		expect(sha256(arrowTableToIPC(result.arrow!))).toBe(sha256(general));
	}, 60_000);

	it('keeps only typed columns while reading: numbers in a Float64Array, the rest as dictionary codes', async () => {
		const raw = await readParquet(fixture('dictionary.parquet'), {});
		expect(raw.columns.map((c) => c.kind)).toEqual([
			'dictionary',
			'numeric',
			'numeric',
			'dictionary',
			'dictionary'
		]);
		const small = raw.columns[1]!;
		expect(small.kind === 'numeric' && small.values).toBeInstanceOf(Float64Array);
	});

	it('reports progress after every chunk, rows and bytes only ever growing, to every row', async () => {
		const seen: ImportProgress[] = [];
		const bytes = fixture('dictionary.parquet');
		await importTable(new Blob([bytes]), { fileName: 'd.parquet', onProgress: (p) => seen.push(p) });
		const reading = seen.filter((p) => p.phase === 'reading');
		// 3 row groups × 5 columns, and one at the end of each group.
		expect(reading.length).toBe(3 * 5 + 3);
		for (let i = 1; i < reading.length; i++) {
			expect(reading[i]!.rows).toBeGreaterThanOrEqual(reading[i - 1]!.rows);
			expect(reading[i]!.bytesRead).toBeGreaterThanOrEqual(reading[i - 1]!.bytesRead);
		}
		expect(new Set(reading.map((p) => p.rows))).toEqual(new Set([0, ROW_GROUP, 2 * ROW_GROUP, ROWS]));
		expect(reading.at(-1)!.bytesRead).toBeLessThanOrEqual(bytes.length);
	});

	it('stops between chunks when cancelled, reading nothing more', async () => {
		const controller = new AbortController();
		const seen: ImportProgress[] = [];
		const error = await failure(
			importTable(new Blob([fixture('dictionary.parquet')]), {
				fileName: 'd.parquet',
				signal: controller.signal,
				onProgress: (p) => {
					seen.push(p);
					if (p.rows >= ROW_GROUP) controller.abort();
				}
			})
		);
		expect(error.message).toBe('Import cancelled.');
		// The abort came at the end of the first row group: nothing of the second was reported.
		expect(seen.at(-1)!.rows).toBe(ROW_GROUP);
		expect(seen.filter((p) => p.rows === ROW_GROUP).length).toBe(1);
	});
});
