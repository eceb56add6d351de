import { describe, expect, it } from 'vitest';
import { inferColumnType } from '../../../../src/lib/core/data/infer-column-type.ts';

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

	it('tells categories (few distinct values) from free text', () => {
		const labels = Array.from({ length: 150 }, (_, i) => ['setosa', 'versicolor', 'virginica'][i % 3]!);
		expect(inferColumnType(labels)).toBe('category');
		const names = Array.from({ length: 150 }, (_, i) => `car model ${i}`);
		expect(inferColumnType(names)).toBe('text');
	});

	it('calls a column with no values text', () => {
		expect(inferColumnType(['', 'NA'])).toBe('text');
	});
});
