import { describe, expect, it } from 'vitest';
import { binEdge, binIndex, chooseBinning } from '../../../../../src/lib/core/data/profile/binning.ts';

const edges = (b: ReturnType<typeof chooseBinning>) =>
	Array.from({ length: b.count + 1 }, (_, k) => binEdge(b, k));

describe('chooseBinning', () => {
	it('picks steps of 1, 2, 2.5 or 5 times a power of ten', () => {
		const b = chooseBinning(0.13, 0.97, 10, 'number');
		expect(b.count).toBe(9);
		expect(edges(b)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
		expect(binIndex(b, 0.3)).toBe(2);
		expect(binIndex(b, 0.97)).toBe(8);
	});

	it('closes the last bin on the maximum', () => {
		const b = chooseBinning(0, 10, 5, 'number');
		expect(edges(b)).toEqual([0, 2, 4, 6, 8, 10]);
		expect(binIndex(b, 10)).toBe(4);
	});

	it('gives integers whole steps and the maximum a bin of its own', () => {
		expect(edges(chooseBinning(1, 5, 20, 'integer'))).toEqual([1, 2, 3, 4, 5, 6]);
		const wide = chooseBinning(0, 1000, 20, 'integer');
		expect(wide.edges[1]! - wide.edges[0]!).toBe(100);
		expect(wide.count).toBe(11);
	});

	it('bins dates by calendar months when days are too many', () => {
		const b = chooseBinning(Date.UTC(2012, 0, 1), Date.UTC(2015, 11, 31), 20, 'date');
		expect(b.count).toBe(16);
		expect(new Date(binEdge(b, 1)).toISOString()).toBe('2012-04-01T00:00:00.000Z');
		expect(binIndex(b, Date.UTC(2012, 3, 1))).toBe(1);
		expect(binIndex(b, Date.UTC(2012, 2, 31))).toBe(0);
	});

	it('gives one bin to a constant column', () => {
		expect(chooseBinning(3, 3, 20, 'number')).toEqual({ count: 1, edges: [3, 4] });
	});
});
