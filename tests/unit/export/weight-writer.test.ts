// model.bin's encodings: float16 rounds to nearest even and widens back exactly; int8 keeps one scale per
// channel (the last axis), so a channel of small weights keeps its precision beside a channel of large ones.
import { describe, expect, it } from 'vitest';
import { channelScales, toHalf, WeightWriter } from '../../../src/lib/core/export/weight-writer.ts';
import { readTensor } from '../../../src/lib/runtime/weights.ts';

describe('weight writer', () => {
	it('encodes IEEE half floats', () => {
		expect(toHalf(1)).toBe(0x3c00);
		expect(toHalf(-2)).toBe(0xc000);
		expect(toHalf(65504)).toBe(0x7bff);
		expect(toHalf(1e6)).toBe(0x7c00);
		expect(toHalf(2 ** -24)).toBe(1);
		expect(toHalf(0)).toBe(0);
		expect(toHalf(1 + 2 ** -11)).toBe(0x3c00); // a tie rounds to even
		expect(toHalf(1 + 3 * 2 ** -11)).toBe(0x3c02);
	});

	it('reads back what it wrote, per dtype, at 4-byte offsets', () => {
		const values = [0.5, -1.25, 3, 0.001, -0.75, 2];
		for (const quantize of ['none', 'float16', 'int8'] as const) {
			const writer = new WeightWriter(quantize);
			const small = writer.add([1, 2, 3], [3], false);
			const kernel = writer.add(values, [3, 2], true);
			const bytes = writer.bytes();
			expect(kernel.offset % 4).toBe(0);
			expect(small.dtype).toBe('float32');
			expect(kernel.dtype).toBe(quantize === 'none' ? 'float32' : quantize);
			expect(Array.from(readTensor(bytes, small))).toEqual([1, 2, 3]);
			const back = readTensor(bytes, kernel);
			const tolerance = quantize === 'none' ? 1e-7 : quantize === 'float16' ? 1e-3 : 3 / 127 / 2 + 1e-9;
			back.forEach((x, i) =>
				expect(Math.abs(x - values[i]!)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(values[i]!)))
			);
		}
	});

	it('scales int8 per channel', () => {
		expect(channelScales([0.1, 10, -0.2, -5, 0, 0], 2)).toEqual([0.2 / 127, 10 / 127]);
		expect(channelScales([0, 0], 2)).toEqual([1, 1]);
		const writer = new WeightWriter('int8');
		const ref = writer.add([0.01, 100, -0.02, 50], [2, 2], true);
		const back = readTensor(writer.bytes(), ref);
		expect(back[0]).toBeCloseTo(0.01, 3);
		expect(back[2]).toBeCloseTo(-0.02, 4);
	});
});
