import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { readColumn } from '../../../../../src/lib/core/data/profile/column-data.ts';
import { countDuplicateRows } from '../../../../../src/lib/core/data/profile/duplicate-rows.ts';
import type { ColumnSchema } from '../../../../../src/lib/core/table/column-types.ts';

function duplicates(columns: Record<string, unknown[]>, schema: ColumnSchema[]) {
	const table = aq.table(columns);
	return countDuplicateRows(
		schema.map((c) => readColumn(table, c.name, c.type)),
		table.numRows()
	);
}

describe('countDuplicateRows', () => {
	it('counts rows equal to an earlier row, missing equal to missing', () => {
		const schema: ColumnSchema[] = [
			{ name: 'n', type: 'number' },
			{ name: 's', type: 'category' },
			{ name: 'd', type: 'date' }
		];
		const day = (s: string) => new Date(s);
		const n = [1, 1, null, null, 0, -0, 1];
		const s = ['a', 'a', null, null, 'b', 'b', 'b'];
		const d = [day('2020-01-01'), day('2020-01-01'), null, null, null, null, day('2020-01-01')];
		// Rows 1, 3 and 5 repeat rows 0, 2 and 4 (-0 is 0); row 6 differs from row 0 in s.
		expect(duplicates({ n, s, d }, schema)).toBe(3);
	});

	it('tells apart rows whose columns only differ in which column holds a value', () => {
		const schema: ColumnSchema[] = [
			{ name: 'a', type: 'integer' },
			{ name: 'b', type: 'integer' }
		];
		expect(duplicates({ a: [1, 2, 1], b: [2, 1, 2] }, schema)).toBe(1);
	});

	it('stays exact over many rows', () => {
		const rows = 50_000;
		const a = Array.from({ length: rows }, (_, i) => i % 1000);
		const b = Array.from({ length: rows }, (_, i) => `k${i % 1500}`);
		// (i mod 1000, i mod 1500) repeats every 3000 rows: 3000 distinct rows.
		const schema: ColumnSchema[] = [
			{ name: 'a', type: 'integer' },
			{ name: 'b', type: 'text' }
		];
		expect(duplicates({ a, b }, schema)).toBe(rows - 3000);
	});

	it('counts every row after the first as a duplicate when there are no columns', () => {
		expect(countDuplicateRows([], 4)).toBe(3);
		expect(countDuplicateRows([], 0)).toBe(0);
	});
});
