// The pieces of the Parquet reader: sinks that keep columns typed, the schema walk that flattens structs
// and refuses lists, and the choice of the page-by-page path for flat columns.
import { readFileSync } from 'node:fs';
import { parquetMetadata, parquetSchema } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { asText, columnSink } from '../../../../../src/lib/core/data/import/parquet-columns.ts';
import { flatChunk } from '../../../../../src/lib/core/data/import/parquet-pages.ts';
import { fieldOf, leafKind, parquetLeaves } from '../../../../../src/lib/core/data/import/parquet-schema.ts';

const metadataOf = (name: string) => {
	const bytes = readFileSync(new URL(`../../../../fixtures/parquet-encodings/${name}`, import.meta.url));
	return parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
};

describe('columnSink', () => {
	it('keeps numbers in a Float64Array, missing and non-finite as NaN, bigints as numbers', () => {
		const sink = columnSink('integer', 6);
		sink.put([1, null, 3n], 0);
		// A page from row 3: a value, a missing row (definition level 0), a value.
		sink.putPage([7, 8], undefined, [1, 0, 1], 1, 3);
		const column = sink.finish();
		expect(column.kind).toBe('numeric');
		if (column.kind !== 'numeric') return;
		expect(Array.from(column.values)).toEqual([1, Number.NaN, 3, 7, Number.NaN, 8]);
		expect(column.integer).toBe(true);
		expect(column.present).toBe(4);
		expect(column.text()).toEqual(['1', '', '3', '7', '', '8']);
	});

	it('codes strings through a dictionary, missing spellings as missing, and says category or text', () => {
		const sink = columnSink('strings', 5);
		sink.putPage([0, 1, 0, 2], ['a', 'b', 'NA'], [1, 1, 0, 1, 1], 1, 0);
		const column = sink.finish();
		expect(column).toMatchObject({ kind: 'dictionary', entries: ['', 'a', 'b'], type: 'text' });
		if (column.kind !== 'dictionary') return;
		expect(Array.from(column.codes)).toEqual([1, 2, 0, 1, 0]);
	});

	it('keeps a string column coded past 4096 distinct values, every value before and after', () => {
		const rows = 5000;
		const sink = columnSink('strings', rows);
		const values = Array.from({ length: rows }, (_, i) => (i % 7 === 6 ? null : `v${i % 4500}`));
		sink.put(values.slice(0, 3000), 0);
		sink.put(values.slice(3000), 3000);
		const column = sink.finish();
		expect(column).toMatchObject({ kind: 'dictionary', type: 'text' });
		if (column.kind !== 'dictionary') return;
		expect(column.entries.length).toBe(new Set(values).size); // the distinct values and ''
		expect(Array.from(column.codes, (code) => (code === 0 ? null : column.entries[code]))).toEqual(values);
	});

	it('widens the codes to 32 bits past 65,536 entries, from pages with a dictionary too', () => {
		const rows = 70_000;
		const sink = columnSink('strings', rows);
		const dictionary = Array.from({ length: rows }, (_, i) => `s${i}`);
		// Two pages: indices into the page dictionary, the second page with a missing row (level 0).
		const first = Array.from({ length: 60_000 }, (_, i) => i);
		sink.putPage(first, dictionary, undefined, 0, 0);
		const levels = Array.from({ length: 10_000 }, (_, i) => (i === 5 ? 0 : 1));
		const second = Array.from({ length: 9_999 }, (_, i) => 60_000 + i);
		sink.putPage(second, dictionary, levels, 1, 60_000);
		const column = sink.finish();
		expect(column.kind).toBe('dictionary');
		if (column.kind !== 'dictionary') return;
		expect(column.codes).toBeInstanceOf(Uint32Array);
		const read = Array.from(column.codes, (code) => (code === 0 ? null : column.entries[code]));
		expect(read.slice(0, 3)).toEqual(['s0', 's1', 's2']);
		expect(read.slice(60_004, 60_007)).toEqual(['s60004', null, 's60005']);
		expect(read.at(-1)).toBe('s69998');
		expect(new Set(read).size).toBe(70_000); // 69,999 strings and the missing value
	});

	it('goes on as epoch milliseconds past 4096 distinct times, keeping every value, Dates or times', () => {
		const rows = 5000;
		const sink = columnSink('date', rows);
		const times = Array.from({ length: rows }, (_, i) => (i % 7 === 6 ? Number.NaN : i * 60_000 - 1e9));
		// Dates (a struct's field) before the dictionary fills, milliseconds (the page reader) after.
		sink.put(
			times.slice(0, 4500).map((t) => (Number.isNaN(t) ? null : new Date(t))),
			0
		);
		sink.putPage(times.slice(4500), undefined, undefined, 0, 4500);
		const column = sink.finish();
		expect(column.kind).toBe('dates');
		if (column.kind !== 'dates') return;
		expect(column.values).toBeInstanceOf(Float64Array);
		expect(Array.from(column.values)).toEqual(times);
	});

	it('keeps dates as codes of their time and booleans as codes, nulls apart', () => {
		const dates = columnSink('date', 3);
		dates.put([new Date(Date.UTC(2024, 0, 2)), null, new Date(Date.UTC(2024, 0, 2))], 0);
		expect(dates.finish()).toEqual({
			kind: 'dictionary',
			codes: Uint16Array.from([1, 0, 1]),
			entries: ['', '2024-01-02T00:00:00.000Z'],
			type: 'date'
		});
		const flags = columnSink('boolean', 3);
		flags.put([false, null, true], 0);
		expect(flags.finish()).toEqual({
			kind: 'dictionary',
			codes: Uint16Array.from([1, 0, 2]),
			entries: ['', 'false', 'true'],
			type: 'boolean'
		});
	});

	it('writes JSON values and numbers in a string column as text, bytes as missing', () => {
		expect(asText({ a: 1n })).toBe('{"a":"1"}');
		expect(asText(5)).toBe('5');
		expect(asText(new Uint8Array([1]))).toBeNull();
	});
});

describe('the Parquet schema as table columns', () => {
	it('names struct fields with dots, nested structs too, with each leaf’s kind', () => {
		const leaves = parquetLeaves(parquetSchema(metadataOf('struct.parquet')).children);
		expect(leaves.map((leaf) => [leaf.name, leaf.top, leaf.path.join('/'), leaf.kind])).toEqual([
			['id', 'id', '', 'integer'],
			['point.x', 'point', 'x', 'number'],
			['point.y', 'point', 'y', 'integer'],
			['point.tag.name', 'point', 'tag/name', 'strings']
		]);
	});

	it('reads a timestamp as a date and a string as strings', () => {
		const top = parquetSchema(metadataOf('dictionary.parquet')).children;
		expect(top.map(leafKind)).toEqual(['strings', 'integer', 'number', 'date', 'boolean']);
	});

	it('refuses lists by name', () => {
		expect(() => parquetLeaves(parquetSchema(metadataOf('list.parquet')).children)).toThrow(
			/“tags” holds a list of strings/
		);
	});

	it('finds a field in a struct row, null when any struct on the way is missing', () => {
		expect(fieldOf({ a: { b: 2 } }, ['a', 'b'])).toBe(2);
		expect(fieldOf({ a: null }, ['a', 'b'])).toBeNull();
		expect(fieldOf(undefined, ['a'])).toBeNull();
	});
});

describe('flatChunk', () => {
	it('reads flat columns page by page, and leaves struct fields to the general path', () => {
		const flat = metadataOf('dictionary.parquet');
		const chunk = flatChunk(flat.schema, flat.row_groups[0]!.columns[0]!, {});
		expect(chunk?.present).toBe(1);
		expect(chunk!.end).toBeGreaterThan(chunk!.start);
		const nested = metadataOf('struct.parquet');
		expect(flatChunk(nested.schema, nested.row_groups[0]!.columns[0]!, {})?.present).toBe(0);
		expect(flatChunk(nested.schema, nested.row_groups[0]!.columns[1]!, {})).toBeUndefined();
	});
});
