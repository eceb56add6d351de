// Every file in tests/fixtures/import/ and what importing it must give: the csv-spectrum cases with
// their published results, and bad files with the specific message each must get.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	importTable,
	type ImportOptions,
	type ImportResult
} from '../../../../../src/lib/core/data/import/index.ts';
import { BenchtopError } from '../../../../../src/lib/core/errors.ts';

const DIR = new URL('../../../../fixtures/import/', import.meta.url);
const load = (name: string) => new Blob([readFileSync(new URL(name, DIR))]);
const rows = (result: ImportResult) => result.table.objects() as Record<string, unknown>[];

async function failure(name: string, options: ImportOptions = {}): Promise<BenchtopError> {
	try {
		await importTable(load(name), { fileName: name, ...options });
	} catch (error) {
		if (error instanceof BenchtopError) return error;
		throw new Error(`${name} threw a bare ${String(error)}`);
	}
	throw new Error(`${name} imported without an error`);
}

const ok = (name: string, options: ImportOptions = {}) =>
	importTable(load(name), { fileName: name, ...options });

const CASES: Record<string, () => Promise<void>> = {
	'comma_in_quotes.csv': async () => {
		const r = await ok('comma_in_quotes.csv');
		expect(rows(r)).toEqual([
			{ first: 'John', last: 'Doe', address: '120 any st.', city: 'Anytown, WW', zip: '08123' }
		]);
	},
	'empty.csv': async () => {
		const r = await ok('empty.csv');
		expect(r.table.array('a')).toEqual([1, 2]);
		expect(r.table.array('b')).toEqual([null, 3]);
	},
	'empty_crlf.csv': async () => {
		const r = await ok('empty_crlf.csv');
		expect(r.table.array('c')).toEqual([null, 4]);
	},
	'escaped_quotes.csv': async () => {
		const r = await ok('escaped_quotes.csv');
		expect(r.table.get('b', 0)).toBe('ha "ha" ha');
		expect(r.rows).toBe(2);
	},
	'json.csv': async () => {
		const r = await ok('json.csv');
		expect(r.table.get('val', 0)).toBe('{"type": "Point", "coordinates": [102.0, 0.5]}');
	},
	'newlines.csv': async () => {
		const r = await ok('newlines.csv');
		expect(r.table.array('a')).toEqual(['1', 'Once upon \na time', '7']);
	},
	'newlines_crlf.csv': async () => {
		const r = await ok('newlines_crlf.csv');
		expect(r.table.get('a', 1)).toBe('Once upon \r\na time');
		expect(r.rows).toBe(3);
	},
	'quotes_and_newlines.csv': async () => {
		const r = await ok('quotes_and_newlines.csv');
		expect(r.table.get('b', 0)).toBe('ha \n"ha" \nha');
		expect(r.table.array('a')).toEqual([1, 3]);
	},
	'simple.csv': async () => expect(rows(await ok('simple.csv'))).toEqual([{ a: 1, b: 2, c: 3 }]),
	'simple_crlf.csv': async () => expect(rows(await ok('simple_crlf.csv'))).toEqual([{ a: 1, b: 2, c: 3 }]),
	'utf8.csv': async () => expect((await ok('utf8.csv')).table.get('c', 1)).toBe('ʤ'),
	'location_coordinates.csv': async () =>
		expect((await ok('location_coordinates.csv')).table.get('Coordinates', 0)).toBe('60.1699° N, 24.9384° E'),
	'empty-file.csv': async () => expect((await failure('empty-file.csv')).message).toMatch(/empty/),
	'whitespace-only.csv': async () => expect((await failure('whitespace-only.csv')).message).toMatch(/empty/),
	'header-only.csv': async () =>
		expect((await failure('header-only.csv')).message).toBe('The file has a header but no data rows.'),
	'unterminated-quote.csv': async () => {
		const error = await failure('unterminated-quote.csv');
		expect(error.code).toBe('bad-input');
		expect(error.message).toMatch(/starts on line 3 is never closed/);
	},
	'ragged.csv': async () => {
		const error = await failure('ragged.csv');
		expect(error.code).toBe('ragged-rows');
		expect(error.message).toBe(
			'2 rows have a different number of fields than the header (3): lines 3, 4. Pad them with empty values or skip them.'
		);
		const padded = await ok('ragged.csv', { raggedRows: 'pad' });
		expect(padded.rows).toBe(4);
		expect(padded.table.array('c')).toEqual([3, null, 8, 12]);
		expect(padded.notices.map((n) => n.kind)).toContain('padded-rows');
		const skipped = await ok('ragged.csv', { raggedRows: 'skip' });
		expect(skipped.table.array('a')).toEqual([1, 10]);
	},
	'duplicate-names.csv': async () => {
		const r = await ok('duplicate-names.csv');
		expect(r.table.columnNames()).toEqual(['x', 'x_2', 'x_3']);
		expect(r.notices[0]?.kind).toBe('renamed-columns');
	},
	'empty-names.csv': async () =>
		expect((await ok('empty-names.csv')).table.columnNames()).toEqual(['a', 'column_2', 'c']),
	'builtin-names.csv': async () => {
		const r = await ok('builtin-names.csv');
		expect(r.table.columnNames()).toEqual(['__proto___', 'constructor_', 'toString_', 'hasOwnProperty_']);
		expect(rows(r)).toEqual([{ __proto___: 1, constructor_: 2, toString_: 3, hasOwnProperty_: 4 }]);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.getPrototypeOf({})).toBe(Object.prototype);
	},
	'bom-crlf.csv': async () => {
		const r = await ok('bom-crlf.csv');
		expect(r.table.columnNames()).toEqual(['name', 'value']);
		expect(r.table.array('value')).toEqual([1, 2]);
	},
	'semicolon-decimal-comma.csv': async () => {
		const r = await ok('semicolon-decimal-comma.csv', { decimalComma: true });
		expect(r.delimiter).toBe(';');
		expect(r.table.array('price')).toEqual([1.25, 1234.5]);
		expect(r.schema.find((c) => c.name === 'price')?.type).toBe('number');
	},
	'pipe.csv': async () => {
		const r = await ok('pipe.csv');
		expect(r.delimiter).toBe('|');
		expect(r.schema.map((c) => c.type)).toEqual(['integer', 'category', 'date']);
	},
	'tab.tsv': async () => {
		const r = await ok('tab.tsv');
		expect(r.format).toBe('tsv');
		expect(r.table.array('pop')).toEqual([709037, 10092000]);
	},
	'missing-spellings.csv': async () => {
		const r = await ok('missing-spellings.csv');
		expect(r.schema[0]?.type).toBe('integer');
		expect(r.table.array('n')).toEqual([1, null, null, null, null, null, null, null, 9]);
	},
	'leading-zeros.csv': async () => {
		const r = await ok('leading-zeros.csv');
		expect(r.schema[0]?.type).not.toBe('integer');
		expect(r.table.array('zip')).toEqual(['02139', '00501', '10001']);
	},
	'lone-cr.csv': async () =>
		expect(rows(await ok('lone-cr.csv'))).toEqual([
			{ a: 1, b: 2 },
			{ a: 3, b: 4 }
		]),
	'blank-lines.csv': async () => {
		const r = await ok('blank-lines.csv');
		expect(r.rows).toBe(2);
		expect(r.notices.map((n) => n.kind)).toContain('dropped-empty-lines');
	},
	'dates.csv': async () => {
		const r = await ok('dates.csv');
		expect(r.schema.map((c) => c.type)).toEqual(['date', 'date']);
		expect(r.table.get('stamp', 1)).toEqual(new Date('2024-02-29T07:00:00Z'));
	},
	'quoted-header.csv': async () =>
		expect((await ok('quoted-header.csv')).table.columnNames()).toEqual(['name, full', 'say "hi"']),
	'binary.csv': async () => expect((await failure('binary.csv')).message).toMatch(/binary data/),
	'latin1.csv': async () => expect((await failure('latin1.csv')).message).toMatch(/not UTF-8/),
	'invalid.json': async () =>
		expect((await failure('invalid.json')).message).toMatch(
			/^The JSON is not valid at line 3, column \d+\.$/
		),
	'not-array.json': async () =>
		expect((await failure('not-array.json')).message).toMatch(/must be an array of objects/),
	'array-of-numbers.json': async () =>
		expect((await failure('array-of-numbers.json')).message).toBe(
			'Expected an object with one key per column at item 1, found a number.'
		),
	'records.json': async () => {
		const r = await ok('records.json');
		expect(r.table.columnNames()).toEqual(['name', 'age', 'tags', 'extra']);
		expect(r.table.array('age')).toEqual([36, null]);
		expect(r.table.get('tags', 0)).toBe('["x","y"]');
		expect(r.table.array('extra')).toEqual([null, true]);
	},
	'records.jsonl': async () => {
		const r = await ok('records.jsonl');
		expect(r.format).toBe('jsonl');
		expect(r.table.array('ok')).toEqual([true, false, true]);
	},
	'broken-line.jsonl': async () =>
		expect((await failure('broken-line.jsonl')).message).toMatch(/^Line 3 is not valid JSON/),
	'table.arrow': async () => {
		const r = await ok('table.arrow');
		expect(r.format).toBe('arrow');
		expect(r.schema.map((c) => c.type)).toEqual(['integer', 'number', 'category', 'boolean', 'date']);
		expect(r.table.array('score')).toEqual([0.5, 1.25, null, 2.75, 3, 3.5]);
	},
	'truncated.arrow': async () =>
		expect((await failure('truncated.arrow')).message).toMatch(/Arrow file is incomplete or damaged/),
	'table.parquet': async () => {
		const r = await ok('table.parquet');
		expect(r.format).toBe('parquet');
		expect(r.table.array('id')).toEqual([1, 2, 3, 4, 5, 6]);
		expect(r.table.array('seen')).toEqual([true, false, true, null, false, true]);
		expect(r.table.get('day', 0)).toEqual(new Date('2024-01-02'));
	},
	'truncated.parquet': async () =>
		expect((await failure('truncated.parquet')).message).toMatch(/Parquet file is incomplete or damaged/)
};

describe('the import corpus', () => {
	const files = readdirSync(DIR).filter((f) => !f.endsWith('.ts'));

	it('has at least 30 files, each with a case below', () => {
		expect(files.length).toBeGreaterThanOrEqual(30);
		expect(files.filter((f) => !(f in CASES))).toEqual([]);
	});

	for (const [file, check] of Object.entries(CASES)) it(file, check);
});
