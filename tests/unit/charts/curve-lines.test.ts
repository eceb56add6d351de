import { describe, expect, it } from 'vitest';
import { columnExtremes, curveLines, usable } from '$lib/core/charts/curve-lines.ts';

const box = { width: 104, height: 54, pad: 2 };

describe('curveLines', () => {
	it('draws every epoch of a short run, scaled to both lines', () => {
		const drawn = curveLines(
			[
				[4, 2, 1],
				[5, undefined, 3]
			],
			box
		);
		expect([drawn.min, drawn.max]).toEqual([1, 5]);
		expect(drawn.lines[0]).toBe('2.0,14.5 52.0,39.5 102.0,52.0');
		// The missing validation value is left out, not drawn as zero.
		expect(drawn.lines[1]).toBe('2.0,2.0 102.0,27.0');
		expect(drawn.x(2)).toBe(102);
	});

	it('keeps at most two points per pixel column of a long run, and its spike', () => {
		const values = Array.from({ length: 200_000 }, (_, i) => 1 / (1 + i));
		values[123_456] = 50;
		const drawn = curveLines([values], box);
		const points = drawn.lines[0]!.split(' ');
		expect(points.length).toBeLessThanOrEqual(2 * (box.width - 2 * box.pad));
		expect(drawn.max).toBe(50);
		// The spike reaches the top of the box (y = pad).
		expect(points.some((p) => p.endsWith(',2.0'))).toBe(true);
		// x stays in epoch order.
		const xs = points.map((p) => Number(p.split(',')[0]));
		expect(xs).toEqual([...xs].sort((a, b) => a - b));
	});

	it('has a range to show when nothing is finite yet', () => {
		const drawn = curveLines([[NaN, undefined]], box);
		expect([drawn.min, drawn.max, drawn.lines[0]]).toEqual([0, 1, '']);
	});
});

describe('columnExtremes', () => {
	it('gives each column its lowest and highest index in order', () => {
		expect(columnExtremes([3, 1, 2, 9, 5, 5, 7, 0], 2)).toEqual([1, 3, 6, 7]);
	});

	it('keeps one index where a column is flat, and skips a column with no value', () => {
		expect(columnExtremes([2, 2, 2, undefined, undefined, undefined], 2)).toEqual([0]);
	});

	it('draws only finite numbers', () => {
		expect([0, -1.5, 2e300].every(usable)).toBe(true);
		expect([undefined, NaN, Infinity, -Infinity].some(usable)).toBe(false);
	});
});
