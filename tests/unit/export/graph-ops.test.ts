// The image part of the edge runtime: registered only by image-index.ts (the table runtime refuses its
// operations and image rows by name), and the picture preparation (centre square, bilinear resize, scale).
// Runs isolated: once any file in a worker has imported image-index.ts, its operations stay registered.
import { describe, expect, it } from 'vitest';
import { imagePixels } from '../../../src/lib/runtime/image.ts';
import type { RuntimePlan } from '../../../src/lib/runtime/plan.ts';
import { createModel } from '../../../src/lib/runtime/predict.ts';

const plan = (extra: Partial<RuntimePlan>): RuntimePlan => ({
	format: 'benchtop-runtime',
	version: 1,
	task: 'classification',
	inputs: [],
	targets: ['label'],
	classes: ['a', 'b'],
	features: ['x', 'y'],
	steps: [],
	model: { kind: 'network', layers: [{ op: 'reshape', shape: [1, 1, 2] }, { op: 'global-avg-pool' }] },
	weightBytes: 0,
	...extra
});

describe('image graphs in the runtime', () => {
	it('the table runtime refuses graph operations and image rows, naming them; image-index registers both', async () => {
		expect(() => createModel(plan({}), new Uint8Array(0))).toThrow(
			'this runtime has no global-avg-pool operation'
		);
		const image = { height: 1, width: 1, channels: 2, scale: 1, offset: 0 };
		expect(() => createModel(plan({ image }), new Uint8Array(0))).toThrow('this runtime has no image input');
		const { createModel: withImages } = await import('../../../src/lib/runtime/image-index.ts');
		const model = withImages(plan({ image, features: [] }), new Uint8Array(0));
		expect(model.predictRaw([{ image: [0.25, 0.75] }]).outputs[0]).toEqual(new Float64Array([0.25, 0.75]));
	});

	it('prepares a picture: its centre square, resized with half-pixel centres, v × scale + offset', () => {
		// 4 × 2 RGBA: columns 0..3 have red 0, 100, 200, 50; the centre square is columns 1–2.
		const data = new Uint8ClampedArray(4 * 2 * 4);
		[0, 100, 200, 50].forEach((red, x) => {
			for (const y of [0, 1]) data.set([red, 10, 20, 255], (y * 4 + x) * 4);
		});
		const input = { height: 2, width: 2, channels: 3, scale: 1 / 127.5, offset: -1 };
		const x = imagePixels({ image: { width: 4, height: 2, data } }, input) as Float64Array;
		const red = [100, 200, 100, 200].map((v) => v / 127.5 - 1);
		expect([x[0], x[3], x[6], x[9]]).toEqual(red);
		expect(x[1]).toBeCloseTo(10 / 127.5 - 1, 12);
		// Down to 1 × 1: the mean of the square's two columns (bilinear at the centre).
		const one = imagePixels(
			{ image: { width: 4, height: 2, data } },
			{ ...input, height: 1, width: 1 }
		) as Float64Array;
		expect(one[0]).toBeCloseTo(150 / 127.5 - 1, 12);
		expect(imagePixels({ image: new Float32Array(5) }, input)).toBe(
			'image: 5 numbers; the model takes 2×2×3 = 12'
		);
		expect(imagePixels({}, input)).toBe('image: missing');
		expect(imagePixels({ image: 'cat.png' }, input)).toMatch(/^image: not an image/);
	});
});
