import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import {
	countLabelCodes,
	readLabelCodes,
	readLabels,
	readNumbers
} from '../../../../src/lib/core/table/read-column.ts';
import { takeRows } from '../../../../src/lib/core/table/take-rows.ts';

describe('readLabelCodes', () => {
	it('codes each row by its label, in the order labels first appear, -1 where missing', () => {
		const table = aq.table({ city: ['Oslo', null, 'Lima', 'Oslo', undefined, 'Lima', 'Accra'] });
		const { codes, labels } = readLabelCodes(table, 'city');
		expect(labels).toEqual(['Oslo', 'Lima', 'Accra']);
		expect(Array.from(codes)).toEqual([0, -1, 1, 0, -1, 1, 2]);
	});

	it('gives the labels readLabels reads, for numbers, booleans and dates (one label per day)', () => {
		const day = (d: string) => new Date(`${d}T00:00:00Z`);
		const table = aq.table({
			n: [1, 2, NaN, 1, 10],
			ok: [true, false, null, true, true],
			day: [day('2024-01-02'), day('2024-01-02'), null, day('2024-03-04'), day('2024-01-02')]
		});
		for (const name of ['n', 'ok', 'day']) {
			const { codes, labels } = readLabelCodes(table, name);
			expect(Array.from(codes, (c) => (c < 0 ? null : labels[c]))).toEqual(readLabels(table, name));
		}
		expect(readLabelCodes(table, 'day').labels).toEqual(['2024-01-02', '2024-03-04']);
	});

	it('counts the rows of each label, leaving missing rows out', () => {
		const table = aq.table({ plan: ['free', 'pro', null, 'free', 'free'] });
		expect(Array.from(countLabelCodes(readLabelCodes(table, 'plan')))).toEqual([3, 1]);
	});
});

describe('readNumbers', () => {
	it('copies typed columns, with non-finite values as NaN, and never shares the stored array', () => {
		const stored = Float64Array.from([1, Infinity, NaN, -2.5]);
		const table = aq.table({ x: stored, b: Uint8Array.from([0, 1, 1]), i: Int32Array.from([-3, 0, 7]) });
		const x = readNumbers(table, 'x');
		expect(Array.from(x)).toEqual([1, NaN, NaN, -2.5]);
		x[0] = 99;
		expect(stored[0]).toBe(1);
		expect(Array.from(readNumbers(table, 'b'))).toEqual([0, 1, 1]);
		expect(Array.from(readNumbers(table, 'i'))).toEqual([-3, 0, 7]);
	});
});

describe('takeRows', () => {
	it('keeps typed columns typed, of the same kind, and plain columns plain', () => {
		const input = {
			table: aq.table({
				x: Float64Array.from([0.5, 1.5, 2.5]),
				hot: Uint8Array.from([1, 0, 1]),
				code: Int32Array.from([4, 5, 6]),
				name: ['a', 'b', 'c']
			}),
			schema: [
				{ name: 'x', type: 'number' as const },
				{ name: 'hot', type: 'integer' as const },
				{ name: 'code', type: 'integer' as const },
				{ name: 'name', type: 'category' as const }
			]
		};
		const out = takeRows(input, [2, 0]);
		expect(out.table.column('x')).toEqual(Float64Array.from([2.5, 0.5]));
		expect(out.table.column('hot')).toEqual(Uint8Array.from([1, 1]));
		expect(out.table.column('code')).toEqual(Int32Array.from([6, 4]));
		expect(out.table.column('name')).toEqual(['c', 'a']);
	});
});
