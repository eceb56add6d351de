// Packs tensors into model.bin for the edge runtime, each on a 4-byte boundary: float32 as trained, or a
// smaller variant. Only the large tensors (kernels, centroids) are quantised; biases and batch-norm
// vectors stay float32, since they are a few numbers each and carry the most weight per number.
import type { TensorRef } from '../../runtime/plan.ts';

export const QUANTIZATIONS = ['none', 'float16', 'int8'] as const;
export type Quantization = (typeof QUANTIZATIONS)[number];

/** float32 to IEEE half, rounding to nearest even; overflow becomes ±Infinity. */
export function toHalf(value: number): number {
	const f32 = new Float32Array([value]);
	const bits = new Uint32Array(f32.buffer)[0]!;
	const sign = (bits >>> 16) & 0x8000;
	const exponent = (bits >>> 23) & 0xff;
	let mantissa = bits & 0x7fffff;
	if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
	const e = exponent - 127 + 15;
	if (e >= 0x1f) return sign | 0x7c00;
	if (e <= 0) {
		if (e < -10) return sign;
		mantissa |= 0x800000;
		const shift = 14 - e;
		let half = mantissa >>> shift;
		const rest = mantissa & ((1 << shift) - 1);
		const midpoint = 1 << (shift - 1);
		if (rest > midpoint || (rest === midpoint && half & 1)) half++;
		return sign | half;
	}
	let half = (e << 10) | (mantissa >>> 13);
	const rest = mantissa & 0x1fff;
	if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half++;
	return sign | half;
}

/** Per channel of the last axis: the scale that maps its largest magnitude to 127 (1 for an all-zero one). */
export function channelScales(values: ArrayLike<number>, channels: number): number[] {
	const max = new Array<number>(channels).fill(0);
	for (let i = 0; i < values.length; i++)
		max[i % channels] = Math.max(max[i % channels]!, Math.abs(values[i]!));
	return max.map((m) => (m > 0 ? m / 127 : 1));
}

export class WeightWriter {
	private parts: Uint8Array[] = [];
	private length = 0;

	constructor(private readonly quantize: Quantization) {}

	/** `large`: a kernel or centroid table, quantised as asked; otherwise always float32. */
	add(values: ArrayLike<number>, shape: number[], large: boolean): TensorRef {
		const count = values.length;
		const dtype = !large || this.quantize === 'none' ? 'float32' : this.quantize;
		const size = dtype === 'float32' ? 4 * count : dtype === 'float16' ? 2 * count : count;
		const bytes = new Uint8Array(Math.ceil(size / 4) * 4);
		const view = new DataView(bytes.buffer);
		const ref: TensorRef = { offset: this.length, shape, dtype };
		if (dtype === 'float32') for (let i = 0; i < count; i++) view.setFloat32(i * 4, values[i]!, true);
		else if (dtype === 'float16')
			for (let i = 0; i < count; i++) view.setUint16(i * 2, toHalf(values[i]!), true);
		else {
			const scales = channelScales(values, shape.at(-1) ?? 1);
			for (let i = 0; i < count; i++) view.setInt8(i, Math.round(values[i]! / scales[i % scales.length]!));
			ref.scales = scales;
		}
		this.parts.push(bytes);
		this.length += bytes.byteLength;
		return ref;
	}

	bytes(): Uint8Array {
		const out = new Uint8Array(this.length);
		let offset = 0;
		for (const part of this.parts) {
			out.set(part, offset);
			offset += part.byteLength;
		}
		return out;
	}
}
