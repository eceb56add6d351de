// Tensors out of model.bin: float32 as stored, float16 widened, int8 codes times their channel's scale.
import type { TensorRef } from './plan.ts';

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

function half(h: number): number {
	const exponent = (h >> 10) & 31;
	const fraction = h & 1023;
	const sign = h & 32768 ? -1 : 1;
	if (exponent === 0) return sign * fraction * 2 ** -24;
	if (exponent === 31) return fraction ? NaN : sign * Infinity;
	return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

export function readTensor(bytes: Uint8Array, ref: TensorRef): Float64Array {
	const count = size(ref.shape);
	const view = new DataView(bytes.buffer, bytes.byteOffset + ref.offset);
	const out = new Float64Array(count);
	if (ref.dtype === 'float32') for (let i = 0; i < count; i++) out[i] = view.getFloat32(i * 4, true);
	else if (ref.dtype === 'float16')
		for (let i = 0; i < count; i++) out[i] = half(view.getUint16(i * 2, true));
	else {
		const scales = ref.scales!;
		const channels = scales.length;
		for (let i = 0; i < count; i++) out[i] = view.getInt8(i) * scales[i % channels]!;
	}
	return out;
}

/** model.bin's bytes from the single-file variant's base64 text (atob is in every runtime the bundle targets). */
export function fromBase64(text: string): Uint8Array {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}
