// Every file in tests/fixtures/import/ and what importing it must give: the csv-spectrum cases with
// their published results, tricky files that must import, and bad files with the message each gets.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	importTable,
	type ImportOptions,
	type ImportResult
} from '../../../../../src/lib/core/data/import/index.ts';
import type { ColumnType } from '../../../../../src/lib/core/table/column-types.ts';
import { BenchtopError } from '../../../../../src/lib/core/errors.ts';

const DIR = new URL('../../../../fixtures/import/', import.meta.url);
const load = (name: string) => new Blob([readFileSync(new URL(name, DIR))]);
const rows = (result: ImportResult) => result.table.objects() as Record<string, unknown>[];
const types = (result: ImportResult) => result.schema.map((c) => c.type);
const kinds = (result: ImportResult) => result.notices.map((n) => n.kind);

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

/**
 * The csv-spectrum suite (github.com/max-mapper/csv-spectrum): each file with its published JSON. Read
 * with every column as text, Benchtop must give exactly that, except that an empty value is missing.
 */
const SPECTRUM: Record<string, Record<string, string>[]> = {
	'comma_in_quotes.csv': [
		{ first: 'John', last: 'Doe', address: '120 any st.', city: 'Anytown, WW', zip: '08123' }
	],
	'empty.csv': [
		{ a: '1', b: '', c: '' },
		{ a: '2', b: '3', c: '4' }
	],
	'empty_crlf.csv': [
		{ a: '1', b: '', c: '' },
		{ a: '2', b: '3', c: '4' }
	],
	'escaped_quotes.csv': [
		{ a: '1', b: 'ha "ha" ha' },
		{ a: '3', b: '4' }
	],
	'json.csv': [{ key: '1', val: '{"type": "Point", "coordinates": [102.0, 0.5]}' }],
	'newlines.csv': [
		{ a: '1', b: '2', c: '3' },
		{ a: 'Once upon \na time', b: '5', c: '6' },
		{ a: '7', b: '8', c: '9' }
	],
	'newlines_crlf.csv': [
		{ a: '1', b: '2', c: '3' },
		{ a: 'Once upon \r\na time', b: '5', c: '6' },
		{ a: '7', b: '8', c: '9' }
	],
	'quotes_and_newlines.csv': [
		{ a: '1', b: 'ha \n"ha" \nha' },
		{ a: '3', b: '4' }
	],
	'simple.csv': [{ a: '1', b: '2', c: '3' }],
	'simple_crlf.csv': [{ a: '1', b: '2', c: '3' }],
	'utf8.csv': [
		{ a: '1', b: '2', c: '3' },
		{ a: '4', b: '5', c: 'ʤ' }
	],
	'location_coordinates.csv': [{ Location: 'Helsinki', Coordinates: '60.1699° N, 24.9384° E' }]
};

async function spectrum(name: string): Promise<ImportResult> {
	const expected = SPECTRUM[name]!;
	const allText = Object.fromEntries(Object.keys(expected[0]!).map((k) => [k, 'text' as ColumnType]));
	const result = await ok(name, { typeOverrides: allText });
	const missingForEmpty = expected.map((row) =>
		Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === '' ? null : v]))
	);
	expect(rows(result)).toEqual(missingForEmpty);
	return result;
}

const CASES: Record<string, () => Promise<void>> = {
	// csv-spectrum: the published result as text, then the types Benchtop infers.
	'comma_in_quotes.csv': async () => {
		await spectrum('comma_in_quotes.csv');
		expect(types(await ok('comma_in_quotes.csv'))).toEqual(['text', 'text', 'text', 'text', 'text']);
	},
	'empty.csv': async () => {
		await spectrum('empty.csv');
		const r = await ok('empty.csv');
		expect(r.table.array('b')).toEqual([null, 3]);
	},
	'empty_crlf.csv': async () => {
		await spectrum('empty_crlf.csv');
		expect((await ok('empty_crlf.csv')).table.array('c')).toEqual([null, 4]);
	},
	'escaped_quotes.csv': async () => {
		const r = await spectrum('escaped_quotes.csv');
		expect(r.rows).toBe(2);
	},
	'json.csv': async () => {
		await spectrum('json.csv');
		expect(JSON.parse((await ok('json.csv')).table.get('val', 0) as string)).toEqual({
			type: 'Point',
			coordinates: [102, 0.5]
		});
	},
	'newlines.csv': async () => {
		await spectrum('newlines.csv');
		expect(types(await ok('newlines.csv'))).toEqual(['text', 'integer', 'integer']);
	},
	'newlines_crlf.csv': async () => {
		const r = await spectrum('newlines_crlf.csv');
		expect(r.rows).toBe(3);
	},
	'quotes_and_newlines.csv': async () => {
		await spectrum('quotes_and_newlines.csv');
		expect((await ok('quotes_and_newlines.csv')).table.array('a')).toEqual([1, 3]);
	},
	'simple.csv': async () => {
		await spectrum('simple.csv');
		expect(rows(await ok('simple.csv'))).toEqual([{ a: 1, b: 2, c: 3 }]);
	},
	'simple_crlf.csv': async () => {
		await spectrum('simple_crlf.csv');
		expect(rows(await ok('simple_crlf.csv'))).toEqual([{ a: 1, b: 2, c: 3 }]);
	},
	'utf8.csv': async () => {
		await spectrum('utf8.csv');
		expect((await ok('utf8.csv')).table.get('c', 1)).toBe('ʤ');
	},
	'location_coordinates.csv': async () => {
		await spectrum('location_coordinates.csv');
	},

	// Tricky but fine.
	'bom-crlf.csv': async () => {
		const r = await ok('bom-crlf.csv');
		expect(r.table.columnNames()).toEqual(['name', 'value']);
		expect(r.table.array('value')).toEqual([1, 2]);
	},
	'utf16.tsv': async () => {
		const r = await ok('utf16.tsv');
		expect(rows(r)).toEqual([
			{ name: 'José', city: 'Bogotá' },
			{ name: 'Zoë', city: 'Köln' }
		]);
	},
	'latin1.csv': async () => {
		const r = await ok('latin1.csv');
		expect(rows(r)).toEqual([{ name: 'José', city: 'Bogotá' }]);
		expect(r.notices[0]).toMatchObject({
			kind: 'info',
			message: expect.stringMatching(/not UTF-8.*Windows-1252/)
		});
	},
	'semicolon-decimal-comma.csv': async () => {
		const r = await ok('semicolon-decimal-comma.csv', { decimalComma: true });
		expect(r.delimiter).toBe(';');
		expect(r.table.array('price')).toEqual([1.25, 1234.5]);
		expect(r.schema.find((c) => c.name === 'price')?.type).toBe('number');
		const off = await ok('semicolon-decimal-comma.csv', { decimalComma: false });
		expect(off.schema.find((c) => c.name === 'price')?.type).toBe('text');
	},
	'semicolon-auto-decimal.csv': async () => {
		const r = await ok('semicolon-auto-decimal.csv');
		expect(types(r)).toEqual(['text', 'number', 'number']);
		expect(r.table.array('weight')).toEqual([61.5, 80, 72.25]);
		expect(r.notices).toEqual([
			{ kind: 'info', message: 'Read decimal commas (“3,14” as 3.14) in “weight”, “height”.' }
		]);
	},
	'excel-sep.csv': async () => {
		// Excel's "sep=;" line names the delimiter and is not the header; line numbers still count it.
		const error = await failure('excel-sep.csv');
		expect(error.message).toBe(
			'1 row has a different number of fields than the header (3): line 4. Pad it with empty values or skip it.'
		);
		const r = await ok('excel-sep.csv', { raggedRows: 'pad' });
		expect(r.delimiter).toBe(';');
		expect(r.table.columnNames()).toEqual(['name', 'price', 'n']);
		expect(r.table.array('price')).toEqual([1.5, 2, 3.25]);
		expect(r.notices[0]).toEqual({
			kind: 'info',
			message: 'The first line, “sep=;”, is Excel’s note of the delimiter, not data: it was used.'
		});
		const picked = await ok('excel-sep.csv', { raggedRows: 'pad', delimiter: ',' });
		expect(picked.table.columnNames()).toEqual(['name;price;n']);
		expect(picked.notices[0]?.message).toMatch(/not data: the delimiter you picked was used instead\.$/);
	},
	'pipe.csv': async () => {
		const r = await ok('pipe.csv');
		expect(r.delimiter).toBe('|');
		expect(types(r)).toEqual(['integer', 'category', 'date']);
	},
	'tab.tsv': async () => {
		const r = await ok('tab.tsv');
		expect(r.format).toBe('tsv');
		expect(r.table.array('pop')).toEqual([709037, 10092000]);
	},
	'tab-named.csv': async () => {
		const r = await ok('tab-named.csv');
		expect(r.format).toBe('csv');
		expect(r.delimiter).toBe('\t');
		expect(types(r)).toEqual(['integer', 'text', 'date']);
	},
	'quoted-delimiter.csv': async () => {
		const r = await ok('quoted-delimiter.csv');
		expect(r.delimiter).toBe(',');
		expect(rows(r)).toEqual([
			{ 'a;b': '1;2', c: 3 },
			{ 'a;b': '4;5', c: 6 }
		]);
	},
	'single-column.csv': async () => {
		const r = await ok('single-column.csv');
		expect(r.table.columnNames()).toEqual(['name']);
		expect(r.table.array('name')).toEqual(['Ada', 'Bob', 'Cy']);
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
	'padded-spaces.csv': async () => {
		const r = await ok('padded-spaces.csv');
		expect(rows(r)).toEqual([
			{ id: 1, amount: 2.5 },
			{ id: 2, amount: 3 }
		]);
	},
	'booleans-and-bad-dates.csv': async () => {
		const r = await ok('booleans-and-bad-dates.csv');
		expect(types(r)).toEqual(['boolean', 'text']);
		expect(r.table.array('flag')).toEqual([true, false, true]);
		const forced = await ok('booleans-and-bad-dates.csv', { typeOverrides: { when: 'date' } });
		expect(forced.table.array('when')).toEqual([new Date('2024-01-01'), null, new Date('2024-01-03')]);
		expect(forced.notices.find((n) => n.kind === 'lost-values')?.message).toBe(
			'1 value of “when” is not a date and became missing.'
		);
	},
	'dates.csv': async () => {
		const r = await ok('dates.csv');
		expect(types(r)).toEqual(['date', 'date']);
		expect(r.table.get('stamp', 1)).toEqual(new Date('2024-02-29T07:00:00Z'));
	},
	'lone-cr.csv': async () =>
		expect(rows(await ok('lone-cr.csv'))).toEqual([
			{ a: 1, b: 2 },
			{ a: 3, b: 4 }
		]),
	'no-final-newline.csv': async () =>
		expect((await ok('no-final-newline.csv')).table.array('v')).toEqual([2, 4]),
	'blank-lines.csv': async () => {
		const r = await ok('blank-lines.csv');
		expect(r.rows).toBe(2);
		expect(r.notices).toEqual([{ kind: 'dropped-empty-lines', message: '4 empty lines were ignored.' }]);
	},
	'leading-blank-lines.csv': async () => {
		const r = await ok('leading-blank-lines.csv');
		expect(r.table.columnNames()).toEqual(['id', 'v']);
		expect(kinds(r)).toEqual(['dropped-empty-lines']);
	},
	'quoted-header.csv': async () =>
		expect((await ok('quoted-header.csv')).table.columnNames()).toEqual(['name, full', 'say "hi"']),
	'stray-quotes.csv': async () => {
		// A quote inside an unquoted field is literal; text after a closing quote is kept, as Excel does,
		// and said: the quotes it drops may have been meant as part of the value.
		const r = await ok('stray-quotes.csv');
		expect(r.table.array('b')).toEqual(['x"y"z', 'abcd']);
		expect(r.notices).toEqual([
			{
				kind: 'stray-quotes',
				message:
					'A field on line 3 goes on after its closing quote (like "ab"cd): it was read as one value without those quotes. To keep a quote inside a value, quote the whole value and double the quote ("a""b").'
			}
		]);
	},

	// Column names.
	'duplicate-names.csv': async () => {
		const r = await ok('duplicate-names.csv');
		expect(r.table.columnNames()).toEqual(['x', 'x_2', 'x_3']);
		expect(kinds(r)).toEqual(['renamed-columns']);
	},
	'duplicate-collision.csv': async () =>
		// The made-up name never takes one the file already uses.
		expect((await ok('duplicate-collision.csv')).table.columnNames()).toEqual(['a', 'a_3', 'a_2']),
	'empty-names.csv': async () =>
		expect((await ok('empty-names.csv')).table.columnNames()).toEqual(['a', 'column_2', 'c']),
	'builtin-names.csv': async () => {
		const r = await ok('builtin-names.csv');
		// Only "__proto__" cannot be a key of arquero's column object; the others stay as they are.
		expect(r.table.columnNames()).toEqual(['__proto___', 'constructor', 'toString', 'hasOwnProperty']);
		expect(rows(r)).toEqual([{ __proto___: 1, constructor: 2, toString: 3, hasOwnProperty: 4 }]);
		expect(r.table.array('constructor')).toEqual([2]);
		expect(r.notices[0]?.message).toMatch(/“__proto__” became “__proto___”/);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	},
	'proto-pollution.json': async () => {
		const r = await ok('proto-pollution.json');
		expect(r.table.columnNames()).toEqual(['__proto___', 'constructor', 'toString', 'a']);
		expect(r.table.get('__proto___', 0)).toBe('{"polluted":true}');
		expect(r.table.array('toString')).toEqual(['x', 'y']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.getPrototypeOf({})).toBe(Object.prototype);
	},

	// Bad text files.
	'empty-file.csv': async () =>
		expect((await failure('empty-file.csv')).message).toBe(
			'The file is empty: there is no header and no data.'
		),
	'whitespace-only.csv': async () => expect((await failure('whitespace-only.csv')).message).toMatch(/empty/),
	'header-only.csv': async () =>
		expect((await failure('header-only.csv')).message).toBe('The file has a header but no data rows.'),
	'unterminated-quote.csv': async () => {
		const error = await failure('unterminated-quote.csv');
		expect(error.code).toBe('bad-input');
		expect(error.message).toMatch(/^A quoted field that starts on line 3, column 2 is never closed/);
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
		expect(kinds(padded)).toContain('padded-rows');
		const skipped = await ok('ragged.csv', { raggedRows: 'skip' });
		expect(skipped.table.array('a')).toEqual([1, 10]);
		expect(kinds(skipped)).toContain('skipped-rows');
	},
	'ragged-many.csv': async () => {
		const error = await failure('ragged-many.csv');
		expect(error.code).toBe('ragged-rows');
		expect(error.message).toBe(
			'6 rows have a different number of fields than the header (3): lines 2, 4, 6, 7, 9, … Pad them with empty values or skip them.'
		);
		expect(error.detail).toMatch(/^line 2: 2 fields; line 4: 1 field;/);
		const skipped = await ok('ragged-many.csv', { raggedRows: 'skip' });
		expect(skipped.table.array('a')).toEqual([3, 7, 16, 20]);
	},
	'binary.csv': async () =>
		expect((await failure('binary.csv')).message).toBe(
			'This does not look like a text table (it contains binary data). Pick a CSV, TSV, JSON, Arrow or Parquet file.'
		),
	'workbook.csv': async () =>
		expect((await failure('workbook.csv')).message).toMatch(/Excel workbook.*CSV UTF-8/),
	'compressed.csv': async () =>
		expect((await failure('compressed.csv')).message).toMatch(/compressed \(gzip\)/),

	// JSON and JSON Lines.
	'records.json': async () => {
		const r = await ok('records.json');
		expect(r.table.columnNames()).toEqual(['name', 'age', 'tags', 'extra']);
		expect(types(r)).toEqual(['text', 'integer', 'text', 'boolean']);
		expect(r.table.array('age')).toEqual([36, null]);
		expect(r.table.get('tags', 0)).toBe('["x","y"]');
		expect(r.table.array('extra')).toEqual([null, true]);
	},
	'nested.json': async () => {
		const r = await ok('nested.json');
		expect(types(r)).toEqual(['integer', 'text', 'text', 'number']);
		expect(r.table.array('point')).toEqual(['{"x":1,"y":2}', null, '{"x":3,"y":4}']);
		// 1, 2.5 and "N/A": read like CSV text, where N/A is missing.
		expect(r.table.array('n')).toEqual([1, 2.5, null]);
	},
	'wrapped.json': async () => {
		const r = await ok('wrapped.json');
		expect(rows(r)).toEqual([
			{ id: 1, name: 'Ada' },
			{ id: 2, name: 'Grace' }
		]);
		expect(r.notices[0]?.message).toBe('The rows were read from the array under the key “data”.');
	},
	'lines-named.json': async () => {
		const r = await ok('lines-named.json');
		expect(r.format).toBe('jsonl');
		expect(r.table.array('score')).toEqual([0.5, 1.5, null]);
	},
	'invalid.json': async () =>
		expect((await failure('invalid.json')).message).toMatch(
			/^The JSON is not valid at line 3, column 11: .+\.$/
		),
	'not-array.json': async () =>
		expect((await failure('not-array.json')).message).toMatch(/must be an array of objects/),
	'array-of-numbers.json': async () =>
		expect((await failure('array-of-numbers.json')).message).toBe(
			'Expected an object with one key per column at item 1, found a number.'
		),
	'empty-array.json': async () =>
		expect((await failure('empty-array.json')).message).toBe('The JSON holds no records.'),
	'records.jsonl': async () => {
		const r = await ok('records.jsonl');
		expect(r.format).toBe('jsonl');
		expect(r.table.array('ok')).toEqual([true, false, true]);
	},
	'pretty-array.jsonl': async () => {
		const r = await ok('pretty-array.jsonl');
		expect(r.format).toBe('json');
		expect(r.table.array('city')).toEqual(['Oslo', 'Lima']);
	},
	'broken-line.jsonl': async () =>
		expect((await failure('broken-line.jsonl')).message).toMatch(
			/^Line 3 is not valid JSON at column 9: .+\. Each line must hold one object/
		),

	// Arrow and Parquet.
	'table.arrow': async () => {
		const r = await ok('table.arrow');
		expect(r.format).toBe('arrow');
		expect(types(r)).toEqual(['integer', 'number', 'category', 'boolean', 'date']);
		expect(r.table.array('score')).toEqual([0.5, 1.25, null, 2.75, 3, 3.5]);
		expect(r.table.get('day', 0)).toEqual(new Date('2024-01-02'));
	},
	'table.arrows': async () => {
		const r = await ok('table.arrows');
		expect(r.format).toBe('arrow');
		expect(types(r)).toEqual(['integer', 'text', 'number']);
		expect(r.table.array('note')).toEqual(['alpha', 'beta', 'gamma', null]);
	},
	'truncated.arrow': async () =>
		expect((await failure('truncated.arrow')).message).toMatch(
			/^The Arrow file is incomplete or damaged \(it does not end with the Arrow footer/
		),
	'truncated.arrows': async () =>
		expect((await failure('truncated.arrows')).message).toMatch(
			/^The Arrow file is incomplete or damaged \(/
		),
	'table.parquet': async () => {
		const r = await ok('table.parquet');
		expect(r.format).toBe('parquet');
		expect(types(r)).toEqual(['integer', 'number', 'category', 'boolean', 'date']);
		expect(r.table.array('id')).toEqual([1, 2, 3, 4, 5, 6]);
		expect(r.table.array('seen')).toEqual([true, false, true, null, false, true]);
		expect(r.table.get('day', 0)).toEqual(new Date('2024-01-02'));
	},
	'int64.parquet': async () => {
		const r = await ok('int64.parquet');
		expect(types(r)).toEqual(['integer', 'integer']);
		expect(r.table.array('big')).toEqual([4294967296, 9007199254740991, null]);
	},
	'really-parquet.csv': async () => {
		const r = await ok('really-parquet.csv');
		expect(r.format).toBe('parquet');
		expect(r.rows).toBe(6);
	},
	'truncated.parquet': async () =>
		expect((await failure('truncated.parquet')).message).toMatch(
			/^The Parquet file is incomplete or damaged \(it does not end with the Parquet footer/
		)
};

describe('the import corpus', () => {
	const files = readdirSync(DIR).filter((f) => !f.endsWith('.ts'));

	it('has at least 30 files, each with a case below', () => {
		expect(files.length).toBeGreaterThanOrEqual(30);
		expect(files.filter((f) => !(f in CASES))).toEqual([]);
		expect(Object.keys(CASES).filter((f) => !files.includes(f))).toEqual([]);
	});

	for (const [file, check] of Object.entries(CASES)) it(file, check);
});
