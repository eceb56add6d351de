import { describe, expect, it } from 'vitest';
import { formatBin, formatNumber, groupedNumber } from '../../../src/lib/core/charts/format.ts';

describe('chart and table number formats', () => {
	it('separates thousands from five digits on, so a year reads 1955', () => {
		expect(groupedNumber(1955, 3)).toBe('1955');
		expect(groupedNumber(-2005, 3)).toBe('-2005');
		expect(groupedNumber(12_216_589, 3)).toBe('12,216,589');
		expect(groupedNumber(10_000.25, 1)).toBe('10,000.3');
		expect(formatNumber(1980.5)).toBe('1980.5');
		expect(formatNumber(123_456)).toBe('123,456');
		expect(formatBin(1955, 1960, 'integer')).toBe('1955 to 1960');
	});
});
