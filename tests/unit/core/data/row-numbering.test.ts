import { describe, expect, it } from 'vitest';
import { numbersRows } from '../../../../src/lib/core/data/row-numbering.ts';

describe('numbersRows', () => {
	it('tells row numbers (a range with few gaps) from measurements that merely all differ', () => {
		expect(numbersRows(1, 150, 150)).toBe(true);
		expect(numbersRows(1000, 1299, 150)).toBe(true);
		expect(numbersRows(1, 301, 150)).toBe(false);
		expect(numbersRows(1_000_000, 90_000_000, 682)).toBe(false);
	});
});
