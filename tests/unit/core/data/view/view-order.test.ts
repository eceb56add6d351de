import { describe, expect, it } from 'vitest';
import { viewOrder } from '../../../../../src/lib/core/data/view/view-order.ts';

const columns = {
	name: ['b', 'a', null, 'c', 'a'],
	score: [3, 1, 2, null, 1],
	day: [new Date('2020-03-01'), new Date('2020-01-01'), null, new Date('2020-02-01'), new Date('2019-12-31')]
};

describe('viewOrder', () => {
	it('shows every row in file order without a spec', () => {
		expect(Array.from(viewOrder(5, columns, {}))).toEqual([0, 1, 2, 3, 4]);
	});

	it('sorts ascending and descending with missing values last and ties in file order', () => {
		expect(Array.from(viewOrder(5, columns, { sort: { column: 'score', descending: false } }))).toEqual([
			1, 4, 2, 0, 3
		]);
		expect(Array.from(viewOrder(5, columns, { sort: { column: 'score', descending: true } }))).toEqual([
			0, 2, 1, 4, 3
		]);
		expect(Array.from(viewOrder(5, columns, { sort: { column: 'name', descending: false } }))).toEqual([
			1, 4, 0, 3, 2
		]);
		expect(Array.from(viewOrder(5, columns, { sort: { column: 'day', descending: false } }))).toEqual([
			4, 1, 3, 0, 2
		]);
	});

	it('filters by text, equality, bounds and missingness', () => {
		expect(
			Array.from(viewOrder(5, columns, { filter: { column: 'name', op: 'contains', value: 'A' } }))
		).toEqual([1, 4]);
		expect(
			Array.from(viewOrder(5, columns, { filter: { column: 'score', op: 'equals', value: '1' } }))
		).toEqual([1, 4]);
		expect(
			Array.from(viewOrder(5, columns, { filter: { column: 'score', op: 'gt', value: '1.5' } }))
		).toEqual([0, 2]);
		expect(
			Array.from(viewOrder(5, columns, { filter: { column: 'day', op: 'lt', value: '2020-01-15' } }))
		).toEqual([1, 4]);
		expect(Array.from(viewOrder(5, columns, { filter: { column: 'score', op: 'missing' } }))).toEqual([3]);
	});

	it('filters and sorts together', () => {
		const order = viewOrder(5, columns, {
			filter: { column: 'score', op: 'present' },
			sort: { column: 'name', descending: true }
		});
		expect(Array.from(order)).toEqual([0, 1, 4, 2]);
	});

	// Its time is measured in bench/core-timings.ts (view-order), not asserted here.
	it('orders a million rows', () => {
		const n = 1_000_000;
		const values = Float64Array.from({ length: n }, (_, i) => (i * 7919) % 1000);
		const order = viewOrder(n, { v: values }, { sort: { column: 'v', descending: false } });
		expect(order.length).toBe(n);
		expect(values[order[0]!]).toBe(0);
		expect(values[order[n - 1]!]).toBe(999);
	});
});
