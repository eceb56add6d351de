// An image model's input row: `{ image }`, an ImageData-like { width, height, data } (RGBA bytes, as a
// canvas gives; `data` may be a plain array of 0–255 where JSON carries it) prepared as the model was
// trained (plan.ts, ImageInput: the centre square, resized bilinearly with half-pixel centres,
// v × scale + offset), or a Float32Array (or plain array) of numbers already prepared.
import type { ImageInput } from './plan.ts';

/** The row's prepared numbers (height × width × channels, channels last), or why the row has none. */
export function imagePixels(row: unknown, input: ImageInput): Float64Array | string {
	const { height: H, width: W, channels: C, scale, offset } = input;
	const image = (row as { image?: unknown } | null)?.image;
	const size = H * W * C;
	// Prepared numbers: a Float32Array, or a plain array (as JSON carries them to handler.js).
	if (image instanceof Float32Array || image instanceof Float64Array || Array.isArray(image)) {
		const x = Float64Array.from(image as ArrayLike<number>, Number);
		return x.length !== size
			? `image: ${x.length} numbers; the model takes ${H}×${W}×${C} = ${size}`
			: x.every((v) => v - v === 0)
				? x
				: 'image: holds a value that is not a finite number';
	}
	const {
		width: w,
		height: h,
		data
	} = (image ?? {}) as { width?: unknown; height?: unknown; data?: unknown };
	if (
		!(typeof w === 'number' && w > 0 && w % 1 === 0 && typeof h === 'number' && h > 0 && h % 1 === 0) ||
		!(data instanceof Uint8ClampedArray || data instanceof Uint8Array || Array.isArray(data)) ||
		data.length !== w * h * 4
	)
		return image === undefined
			? 'image: missing'
			: 'image: not an image (expected { width, height, data } with 4 RGBA bytes per pixel, or a Float32Array)';
	const side = Math.min(w, h);
	const x0 = (w - side) / 2;
	const y0 = (h - side) / 2;
	const out = new Float64Array(size);
	// Source coordinate of an output pixel centre, clamped to the square; bilinear between its neighbours.
	const at = (i: number, n: number, start: number) => {
		const s = Math.min(Math.max((i + 0.5) * (side / n) - 0.5, 0), side - 1);
		const lo = Math.floor(s);
		return [start + lo, start + Math.min(lo + 1, side - 1), s - lo] as const;
	};
	for (let i = 0; i < H; i++) {
		const [ya, yb, fy] = at(i, H, Math.floor(y0));
		for (let j = 0; j < W; j++) {
			const [xa, xb, fx] = at(j, W, Math.floor(x0));
			for (let c = 0; c < C; c++) {
				const p = (y: number, x: number) => +data[(y * w + x) * 4 + (C === 1 ? 0 : c)]!;
				const top = p(ya, xa) + (p(ya, xb) - p(ya, xa)) * fx;
				const bottom = p(yb, xa) + (p(yb, xb) - p(yb, xa)) * fx;
				out[(i * W + j) * C + c] = (top + (bottom - top) * fy) * scale + offset;
			}
		}
	}
	return out;
}
