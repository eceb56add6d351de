// Activations in place on a row-major batch (`width` values per row; softmax works row by row), on the
// float64 batches of the JS path and the float32 views of the WebAssembly path alike.
import type { Activation } from './plan.ts';

export type Batch = Float64Array | Float32Array;

const ELEMENTWISE: Record<Exclude<Activation, 'linear' | 'softmax'>, (v: number) => number> = {
	relu: (v) => (v > 0 ? v : 0),
	relu6: (v) => (v > 0 ? (v < 6 ? v : 6) : 0),
	tanh: Math.tanh,
	sigmoid: (v) => 1 / (1 + Math.exp(-v)),
	elu: (v) => (v > 0 ? v : Math.expm1(v)),
	selu: (v) => 1.0507009873554805 * (v > 0 ? v : 1.6732632423543772 * Math.expm1(v))
};

export function activate(x: Batch, fn: Activation, width: number): void {
	if (fn === 'linear') return;
	if (fn === 'softmax') {
		for (let r = 0; r < x.length; r += width) {
			let max = -Infinity;
			for (let j = r; j < r + width; j++) if (x[j]! > max) max = x[j]!;
			let sum = 0;
			for (let j = r; j < r + width; j++) sum += x[j] = Math.exp(x[j]! - max);
			for (let j = r; j < r + width; j++) x[j]! /= sum;
		}
		return;
	}
	const f = ELEMENTWISE[fn];
	for (let i = 0; i < x.length; i++) x[i] = f(x[i]!);
}
