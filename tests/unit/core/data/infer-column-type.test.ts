import { describe, expect, it } from 'vitest';
import { categoryOrText, inferColumnType } from '../../../../src/lib/core/data/infer-column-type.ts';
import { isMissingValue, trimmed } from '../../../../src/lib/core/data/missing-values.ts';

describe('inferColumnType', () => {
	it('reads whole numbers as integer and decimals as number', () => {
		expect(inferColumnType(['1', '-2', '30'])).toBe('integer');
		expect(inferColumnType(['1', '2.5', '1e3'])).toBe('number');
	});

	it('looks at every value, not a prefix', () => {
		const values = Array.from({ length: 5000 }, (_, i) => String(i));
		values.push('4999.5');
		expect(inferColumnType(values)).toBe('number');
	});

	it('treats the usual spellings of missing as missing', () => {
		expect(inferColumnType(['1', '', 'NA', 'N/A', 'null', 'NaN', '?', '-', '7'])).toBe('integer');
	});

	it('keeps codes with leading zeros as text or category, not numbers', () => {
		expect(inferColumnType(['02139', '10001', '00501'])).not.toBe('integer');
		expect(inferColumnType(['0', '10', '0.5'])).toBe('number');
	});

	it('recognises booleans and ISO dates', () => {
		expect(inferColumnType(['true', 'FALSE', 'True'])).toBe('boolean');
		expect(inferColumnType(['2012-01-01', '2015-12-31', '2013-06-01T12:30:00Z'])).toBe('date');
		expect(inferColumnType(['2012-13-45'])).not.toBe('date');
	});

	it('recognises the common written forms of dates, the day order decided by the whole column', () => {
		for (const column of [
			['2012-01-01', '2012-01-02T10:00', '2012-01-03 08:30:00+02:00'],
			['2012/01/01', '2012/02/29'],
			['Jun 12 1998', 'Dec 1 1998'],
			['12 June 1998', '1 December 1998'],
			['06/12/1998', '07/01/1998'],
			['12/06/1998', '13/01/1998'],
			['06/12/1998', '01/13/1998']
		])
			expect(inferColumnType(column), column.join(' ')).toBe('date');
		// 13/01 needs day first and 01/13 month first: no one order reads them all.
		expect(inferColumnType(['13/01/1998', '01/13/1998'])).not.toBe('date');
		expect(inferColumnType(['2012-01-01', 'soon'])).not.toBe('date');
	});

	it('reads inf, Infinity and NaN spellings in a numeric column as numbers, not text', () => {
		expect(inferColumnType(['1.5', 'inf', '-Infinity', 'NaN', '2'])).toBe('number');
		expect(inferColumnType(['1', '2', 'Infinity'])).toBe('number');
		expect(inferColumnType(['1', '2', 'NaN'])).toBe('integer');
		expect(inferColumnType(['infinite', 'inf', 'x'])).not.toBe('number');
	});

	it('tells categories (few distinct values) from free text', () => {
		const labels = Array.from({ length: 150 }, (_, i) => ['setosa', 'versicolor', 'virginica'][i % 3]!);
		expect(inferColumnType(labels)).toBe('category');
		const names = Array.from({ length: 150 }, (_, i) => `car model ${i}`);
		expect(inferColumnType(names)).toBe('text');
	});

	it('calls a column with no values text', () => {
		expect(inferColumnType(['', 'NA'])).toBe('text');
	});

	it('types distinct values weighted by how many rows hold each, as a dictionary column does', () => {
		expect(inferColumnType(['a', 'b'], [100, 100])).toBe('category');
		expect(inferColumnType(['a', 'b'], [1, 1])).toBe('text');
		// A value no row holds any more does not count.
		expect(inferColumnType(['1', 'x'], [5, 0])).toBe('integer');
	});

	it('keeps whole numbers a double cannot hold exactly (IDs of 16+ digits) out of integer and number', () => {
		// 9007199254740993 would read as ...992: two IDs could become one, silently.
		expect(inferColumnType(['1', '9007199254740993'])).not.toMatch(/integer|number/);
		expect(inferColumnType(['1.5', '-12345678901234567890'])).not.toMatch(/integer|number/);
		// The largest exact one, and large values written as decimals or with an exponent, stay numbers.
		expect(inferColumnType(['1', '9007199254740991', '-9007199254740991'])).toBe('integer');
		expect(inferColumnType(['1', '12345678901234567890.5', '1e20'])).toBe('number');
	});

	it('decides text past a thousand distinct values without reading further', () => {
		const values = Array.from({ length: 3000 }, (_, i) => `word ${i}`);
		expect(inferColumnType(values)).toBe('text');
	});
});

describe('categoryOrText', () => {
	it('applies the same distinct-value rule to columns known to hold strings', () => {
		expect(categoryOrText(['1', '2', '1', '2', null])).toBe('category');
		expect(categoryOrText(['a', 'b', 'c'])).toBe('text');
		expect(categoryOrText([null, null])).toBe('text');
	});
});

describe('missing values', () => {
	it('knows the usual spellings, trimmed and in any case', () => {
		for (const raw of ['', ' ', 'NA', 'n/a', ' NULL ', 'NaN', '?', '-'])
			expect(isMissingValue(raw), raw).toBe(true);
		for (const raw of ['0', 'none', 'nah', '--', 'null value']) expect(isMissingValue(raw), raw).toBe(false);
	});

	it('trims only when there is something to trim', () => {
		const value = 'abc';
		expect(trimmed(value)).toBe(value);
		expect(trimmed(' a\u00a0')).toBe('a');
		expect(trimmed('')).toBe('');
	});
});
