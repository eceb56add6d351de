import { describe, expect, it } from 'vitest';
import { splitBalance, splitRows } from '../../../../../src/lib/core/prep/split/index.ts';
import { makeTable } from './make-table.ts';

describe('splitBalance', () => {
	const labels = ['a', 'b', 'a', null, 'a', 'c', 'b', 'a'];
	const table = makeTable({ y: { type: 'category', values: labels } });

	it('counts each class per split, shares within the split, every class in every split', () => {
		const split = {
			train: Uint32Array.of(0, 1, 2, 3, 4),
			validation: Uint32Array.of(5),
			test: Uint32Array.of(6, 7)
		};
		const { rows, totals } = splitBalance(table, split, 'y');
		expect(totals).toEqual({ train: 5, validation: 1, test: 2 });
		// Most common overall first (a 4, b 2, then c and missing 1 each, in order of first appearance).
		expect(rows.filter((r) => r.split === 'train')).toEqual([
			{ split: 'train', label: 'a', count: 3, share: 0.6 },
			{ split: 'train', label: 'b', count: 1, share: 0.2 },
			{ split: 'train', label: 'c', count: 0, share: 0 },
			{ split: 'train', label: null, count: 1, share: 0.2 }
		]);
		expect(rows.filter((r) => r.split === 'test').map((r) => [r.label, r.count, r.share])).toEqual([
			['a', 1, 0.5],
			['b', 1, 0.5],
			['c', 0, 0],
			[null, 0, 0]
		]);
		expect(rows).toHaveLength(12);
	});

	it('gives zero shares for an empty split', () => {
		const split = { train: Uint32Array.of(0, 1), validation: new Uint32Array(0), test: Uint32Array.of(2) };
		const { rows } = splitBalance(table, split, 'y');
		expect(rows.filter((r) => r.split === 'validation').every((r) => r.count === 0 && r.share === 0)).toBe(
			true
		);
	});

	it('shows a stratified split with equal shares', () => {
		const y = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? 'x' : 'o'));
		const t = makeTable({ y: { type: 'category', values: y } });
		const { rows } = splitBalance(t, splitRows(t, { method: 'stratified', column: 'y', seed: 2 }), 'y');
		for (const row of rows) expect(row.share).toBeCloseTo(row.label === 'x' ? 1 / 3 : 2 / 3, 2);
	});
});
