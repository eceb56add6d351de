// The forward pass on a row-major batch, one operation at a time, in float64 (TF.js computes in float32:
// the two agree to about 1e-7 relative). Images are channels last, as TF.js Layers keeps them. A network
// of dense layers runs in WebAssembly instead where the runtime allows it (wasm-network.ts); this JS path
// serves everything else, and every dense network where WebAssembly cannot be compiled.
import { activate } from './activations.ts';
import type { LayerOp, TensorRef } from './plan.ts';
import { wasmNetwork } from './wasm-network.ts';
import { readTensor } from './weights.ts';

export type Read = (ref: TensorRef | null) => Float64Array | null;
/** One prepared operation: (batch, rows) → output batch; `shape` is a row's shape after it. */
export type Forward = ((x: Float64Array, n: number) => Float64Array) & { engine?: 'wasm' | 'js' };

export function need(ok: boolean, what: string): void {
	if (!ok) throw new Error(`the model's ${what} do not fit its layers`);
}

/** Output size and the padding before the first row/column, as TensorFlow pads ('same': centred). */
function window(size: number, k: number, stride: number, padding: 'valid' | 'same'): [number, number] {
	if (padding === 'valid') return [Math.floor((size - k) / stride) + 1, 0];
	const out = Math.ceil(size / stride);
	return [out, Math.floor(Math.max((out - 1) * stride + k - size, 0) / 2)];
}

/** The operations ready to run, with their weights read once; `shape` is a row's shape, updated in place. */
/** A graph's saved batches: their shapes while compiling, their values while running. */
export interface Slots {
	shapes: number[][];
	values: Float64Array[];
}

/** Compiles one operation; `shape` is a row's shape, updated in place. */
export type Compile<O extends LayerOp = LayerOp> = (
	op: O,
	shape: number[],
	read: Read,
	slots: Slots
) => Forward | null;

/** Operations registered by an optional part of the runtime (graph-ops.ts for image graphs). */
export const EXTRA_OPS: Partial<Record<LayerOp['op'], Compile<never>>> = {};

export function compile(
	op: LayerOp,
	shape: number[],
	read: Read,
	slots: Slots = { shapes: [], values: [] }
): Forward | null {
	const width = shape.reduce((a, b) => a * b, 1);
	switch (op.op) {
		case 'reshape': {
			// Flatten is a reshape to [-1]: the one unknown size is what the others leave of the row.
			const known = op.shape.reduce((a, b) => (b > 0 ? a * b : a), 1);
			shape.splice(0, shape.length, ...op.shape.map((d) => (d > 0 ? d : width / known)));
			return null;
		}
		case 'activation':
			return (x) => (activate(x, op.activation, shape.at(-1)!), x);
		case 'dense': {
			const kernel = read(op.kernel)!;
			const bias = read(op.bias);
			const units = op.units;
			need(kernel.length === width * units && (!bias || bias.length === units), 'dense weights');
			shape.splice(0, shape.length, units);
			// Transposed once, so each unit's weights are contiguous: dot products kept in registers.
			const t = new Float64Array(kernel.length);
			for (let k = 0; k < width; k++)
				for (let j = 0; j < units; j++) t[j * width + k] = kernel[k * units + j]!;
			return (x, n) => {
				const out = new Float64Array(n * units);
				let r = 0;
				// Four rows at a time: each weight read serves four sums kept in registers.
				for (; r + 4 <= n; r += 4) {
					const a = r * width;
					const o = r * units;
					for (let j = 0; j < units; j++) {
						let s0 = bias ? bias[j]! : 0;
						let s1 = s0;
						let s2 = s0;
						let s3 = s0;
						const w = j * width;
						for (let k = 0; k < width; k++) {
							const q = t[w + k]!;
							s0 += x[a + k]! * q;
							s1 += x[a + width + k]! * q;
							s2 += x[a + 2 * width + k]! * q;
							s3 += x[a + 3 * width + k]! * q;
						}
						out[o + j] = s0;
						out[o + units + j] = s1;
						out[o + 2 * units + j] = s2;
						out[o + 3 * units + j] = s3;
					}
				}
				// The last rows (all of a single row's prediction): four units at a time, four independent sums.
				for (; r < n; r++) {
					const a = r * width;
					const o = r * units;
					let j = 0;
					for (; j + 4 <= units; j += 4) {
						let s0 = bias ? bias[j]! : 0;
						let s1 = bias ? bias[j + 1]! : 0;
						let s2 = bias ? bias[j + 2]! : 0;
						let s3 = bias ? bias[j + 3]! : 0;
						const w = j * width;
						for (let k = 0; k < width; k++) {
							const v = x[a + k]!;
							s0 += v * t[w + k]!;
							s1 += v * t[w + width + k]!;
							s2 += v * t[w + 2 * width + k]!;
							s3 += v * t[w + 3 * width + k]!;
						}
						out[o + j] = s0;
						out[o + j + 1] = s1;
						out[o + j + 2] = s2;
						out[o + j + 3] = s3;
					}
					for (; j < units; j++) {
						let s = bias ? bias[j]! : 0;
						const w = j * width;
						for (let k = 0; k < width; k++) s += x[a + k]! * t[w + k]!;
						out[o + j] = s;
					}
				}
				activate(out, op.activation, units);
				return out;
			};
		}
		case 'batch-norm': {
			const channels = shape.at(-1)!;
			const mean = read(op.mean)!;
			const variance = read(op.variance)!;
			const gamma = read(op.gamma);
			const beta = read(op.beta);
			need(
				[mean, variance, gamma, beta].every((v) => !v || v.length === channels),
				'batch-norm vectors'
			);
			const mul = Float64Array.from(variance, (v, c) => (gamma ? gamma[c]! : 1) / Math.sqrt(v + op.epsilon));
			const add = Float64Array.from(mean, (m, c) => (beta ? beta[c]! : 0) - m * mul[c]!);
			return (x) => {
				for (let i = 0; i < x.length; i++) x[i] = x[i]! * mul[i % channels]! + add[i % channels]!;
				return x;
			};
		}
		case 'conv2d':
		case 'depthwise-conv2d':
		case 'max-pool': {
			const [h, w, c] = shape as [number, number, number];
			const depthwise = op.op === 'depthwise-conv2d';
			const conv = op.op !== 'max-pool';
			const [kh, kw] = conv ? op.kernel : op.pool;
			const [sh, sw] = op.strides;
			const [oh, top] = window(h, kh, sh, op.padding);
			const [ow, left] = window(w, kw, sw, op.padding);
			const f = op.op === 'conv2d' ? op.filters : c;
			const kernel = conv ? read(op.weights)! : null;
			const bias = conv ? read(op.bias) : null;
			need(
				shape.length === 3 &&
					oh > 0 &&
					ow > 0 &&
					(!conv || kernel!.length === kh * kw * c * (depthwise ? 1 : f)),
				`${op.op} shapes`
			);
			need(!bias || bias.length === f, 'conv2d bias');
			shape.splice(0, 3, oh, ow, f);
			return (x, n) => {
				const out = new Float64Array(n * oh * ow * f);
				for (let r = 0; r < n; r++) {
					const base = r * h * w * c;
					for (let i = 0; i < oh; i++)
						for (let j = 0; j < ow; j++) {
							const o = ((r * oh + i) * ow + j) * f;
							if (conv) {
								if (bias) for (let q = 0; q < f; q++) out[o + q] = bias[q]!;
							} else out.fill(-Infinity, o, o + f);
							for (let a = 0; a < kh; a++) {
								const y = i * sh + a - top;
								if (y < 0 || y >= h) continue;
								for (let b = 0; b < kw; b++) {
									const z = j * sw + b - left;
									if (z < 0 || z >= w) continue;
									const p = base + (y * w + z) * c;
									if (!conv) {
										for (let q = 0; q < f; q++) if (x[p + q]! > out[o + q]!) out[o + q] = x[p + q]!;
										continue;
									}
									if (depthwise) {
										const k = (a * kw + b) * c;
										for (let q = 0; q < c; q++) out[o + q]! += x[p + q]! * kernel![k + q]!;
										continue;
									}
									const k = (a * kw + b) * c * f;
									for (let ch = 0; ch < c; ch++) {
										const v = x[p + ch]!;
										if (v === 0) continue;
										const kk = k + ch * f;
										for (let q = 0; q < f; q++) out[o + q] = out[o + q]! + v * kernel![kk + q]!;
									}
								}
							}
						}
				}
				if (conv) activate(out, op.activation, f);
				return out;
			};
		}
		default: {
			// The image-graph operations (graph-ops.ts) are in the runtime only where a bundle needs them.
			const extra = EXTRA_OPS[op.op];
			if (!extra) throw new Error(`this runtime has no ${op.op} operation`);
			return extra(op as never, shape, read, slots);
		}
	}
}

/** The forward pass; `wasm: false` keeps it in JS (float64), as where WebAssembly cannot be compiled. */
export function network(layers: LayerOp[], inputWidth: number, bytes: Uint8Array, wasm = true): Forward {
	const shape = [inputWidth];
	const read: Read = (ref) => (ref ? readTensor(bytes, ref) : null);
	const slots: Slots = { shapes: [], values: [] };
	// Compiled in JS first in any case: it checks every shape against its weights.
	const steps = layers.map((op) => compile(op, shape, read, slots)).filter((f): f is Forward => f !== null);
	need(shape.length === 1, 'output shape');
	const js: Forward = (x, n) => steps.reduce((batch, step) => step(batch, n), x);
	return (wasm && wasmNetwork(layers, inputWidth, read)) || js;
}
