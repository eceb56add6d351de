import { describe, expect, it } from 'vitest';
import {
	CLASS_COLORS,
	classCellColor,
	decisionBoundaryPicture,
	niceTicks,
	rampColor
} from '../../../src/lib/core/charts/decision-boundary.ts';
import type { BoundaryPlane } from '../../../src/lib/core/train/boundary-probe.ts';

const plane: BoundaryPlane = {
	columns: ['x1', 'x2'],
	xs: [0.5, 1.5, 2.5],
	ys: [10, 20],
	task: 'classification',
	classes: ['a', 'b'],
	points: [
		{ x: 0, y: 5, label: 'a', split: 'train' },
		{ x: 3, y: 25, label: 'b', split: 'test' }
	],
	rows: 10
};

describe('classCellColor and rampColor', () => {
	it('gives the likeliest class its colour, paler when unsure', () => {
		const sure = classCellColor([0, 1]);
		const unsure = classCellColor([0.45, 0.55]);
		const [r, g, b] = [0xf5, 0x85, 0x18];
		// A sure answer is 55% of the class colour over white.
		expect(sure[0]).toBeCloseTo(255 + (r - 255) * 0.55, 5);
		expect(sure[1]).toBeCloseTo(255 + (g - 255) * 0.55, 5);
		expect(sure[2]).toBeCloseTo(255 + (b - 255) * 0.55, 5);
		expect(unsure[2]).toBeGreaterThan(200);
		expect(sure[2]).toBeLessThan(unsure[2]);
	});
	it('runs low → high from blue through grey to orange, clipped', () => {
		expect(rampColor(0, [0, 10])).toEqual([76, 120, 168]);
		expect(rampColor(5, [0, 10])).toEqual([232, 232, 232]);
		expect(rampColor(99, [0, 10])).toEqual([245, 133, 24]);
	});
});

describe('niceTicks', () => {
	it('puts round ticks inside the range', () => {
		expect(niceTicks(-1.3, 2.2)).toEqual([-1, 0, 1, 2]);
		expect(niceTicks(0.1, 0.35)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
		expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
		expect(niceTicks(3, 3)).toEqual([3]);
	});
});

describe('decisionBoundaryPicture', () => {
	it('places points as fractions of the plane and colours them by class', () => {
		const picture = decisionBoundaryPicture(plane, undefined);
		// x spans 0..3 (cell edges), y 5..25.
		expect(picture.points[0]).toMatchObject({ fx: 0, fy: 0, color: CLASS_COLORS[0], split: 'train' });
		expect(picture.points[1]).toMatchObject({ fx: 1, fy: 1, color: CLASS_COLORS[1], split: 'test' });
		expect(picture.pixels).toHaveLength(0);
		expect(picture.summary).toMatch(
			/before the first epoch; points: 1 train, 1 test \(a sample of 10 rows\)/
		);
		expect(picture.legend.map((l) => l.label)).toEqual(['a', 'b']);
	});

	it('paints the top image row from the highest y', () => {
		// Bottom row (y = 10) sure of a, top row (y = 20) sure of b.
		const outputs = Float32Array.from([1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1]);
		const picture = decisionBoundaryPicture(plane, { epoch: 4, outputs });
		expect(picture.pixels).toHaveLength(3 * 2 * 4);
		const top = Array.from(picture.pixels.subarray(0, 3));
		const bottom = Array.from(picture.pixels.subarray(12, 15));
		expect(top).toEqual(classCellColor([0, 1]).map((v) => Math.round(v)));
		expect(bottom).toEqual(classCellColor([1, 0]).map((v) => Math.round(v)));
		expect(picture.summary).toMatch(/after epoch 4/);
	});

	it('refuses a frame of the wrong size', () => {
		expect(() => decisionBoundaryPicture(plane, { epoch: 1, outputs: new Float32Array(5) })).toThrow(
			/5 numbers; a 3 × 2 grid of 2 outputs needs 12/
		);
	});

	it('draws regression values on the ramp of the training range', () => {
		const regression: BoundaryPlane = {
			...plane,
			task: 'regression',
			classes: [],
			range: [0, 10],
			points: [{ x: 1, y: 10, value: 10, split: 'validation' }]
		};
		const picture = decisionBoundaryPicture(regression, {
			epoch: 1,
			outputs: new Float32Array(6).fill(0)
		});
		expect(Array.from(picture.pixels.subarray(0, 3))).toEqual([76, 120, 168]);
		expect(picture.points[0]!.color).toBe('#f58518');
		expect(picture.legend[0]!.label).toBe('0 (low)');
	});
});
