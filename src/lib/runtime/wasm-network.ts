// A network of dense layers (with activations and batch norm between them) run in WebAssembly SIMD, in
// float32 as TF.js computes: the weights are copied into the module's memory once, and each batch goes
// through in chunks of rows between two fixed buffers, so predicting allocates only the answer. Where
// WebAssembly, its SIMD, or compiling it is not allowed (a strict CSP, some edge runtimes), this gives
// null and the JS path in layers.ts runs instead. The last layer's activation (softmax, say) is applied
// in float64 on the answer, as the JS path does.
import { activate } from './activations.ts';
import { DENSE_WASM } from './dense-wasm.ts';
import type { Forward, Read } from './layers.ts';
import type { Activation, LayerOp } from './plan.ts';
import { fromBase64 } from './weights.ts';

/** Rows per pass through the module: the two buffers hold this many rows of the widest layer. */
const CHUNK = 256;

interface DenseExports {
	memory: WebAssembly.Memory;
	__heap_base: WebAssembly.Global;
	dense(
		x: number,
		n: number,
		width: number,
		w: number,
		b: number,
		units: number,
		out: number,
		relu: number
	): void;
}

let compiled: WebAssembly.Module | null | undefined;
function denseModule(): WebAssembly.Module | null {
	if (compiled === undefined)
		try {
			compiled = new WebAssembly.Module(fromBase64(DENSE_WASM) as Uint8Array<ArrayBuffer>);
		} catch {
			compiled = null; // no WebAssembly or no SIMD here, or compiling is forbidden
		}
	return compiled;
}

/** One step on the float32 buffers: a dense layer, an activation, or batch norm's multiply-add. */
type Step =
	| { dense: true; width: number; units: number; w: number; b: number; relu: boolean; after: Activation }
	| { dense: false; units: number; after: Activation; mul: Float64Array | null; add: Float64Array | null };

export function wasmNetwork(layers: LayerOp[], inputWidth: number, read: Read): Forward | null {
	if (typeof WebAssembly !== 'object' || !layers.some((op) => op.op === 'dense')) return null;
	const module = denseModule();
	if (!module) return null;
	let exports: DenseExports;
	try {
		exports = new WebAssembly.Instance(module, {}).exports as unknown as DenseExports;
	} catch {
		return null;
	}
	let top = exports.__heap_base.value as number;
	const floats: [number, Float64Array][] = [];
	const place = (values: Float64Array) => {
		const at = top;
		floats.push([at, values]);
		top += (values.length * 4 + 15) & ~15;
		return at;
	};
	const steps: Step[] = [];
	let width = inputWidth;
	let widest = width;
	for (const op of layers) {
		if (op.op === 'reshape') {
			if (op.shape.length !== 1) return null; // a dense network's rows are flat already
		} else if (op.op === 'dense') {
			const relu = op.activation === 'relu';
			const w = place(read(op.kernel)!);
			const b = place(read(op.bias) ?? new Float64Array(op.units));
			steps.push({ dense: true, width, units: op.units, w, b, relu, after: relu ? 'linear' : op.activation });
			widest = Math.max(widest, (width = op.units));
		} else if (op.op === 'activation')
			steps.push({ dense: false, units: width, after: op.activation, mul: null, add: null });
		else if (op.op === 'batch-norm') {
			const mean = read(op.mean)!;
			const variance = read(op.variance)!;
			const gamma = read(op.gamma);
			const beta = read(op.beta);
			const mul = Float64Array.from(variance, (v, c) => (gamma ? gamma[c]! : 1) / Math.sqrt(v + op.epsilon));
			const add = Float64Array.from(mean, (m, c) => (beta ? beta[c]! : 0) - m * mul[c]!);
			steps.push({ dense: false, units: width, after: 'linear', mul, add });
		} else return null; // images (convolutions, pooling) stay on the JS path
	}
	// After the weights: a lone row reads up to 15 floats past a layer's weights and writes as far past its
	// row, so both stay inside this memory (the buffers hold CHUNK rows of the widest layer).
	const buffers = [top, top + CHUNK * widest * 4];
	const end = buffers[1]! + CHUNK * widest * 4;
	const pages = Math.ceil(end / 65536) - exports.memory.buffer.byteLength / 65536;
	try {
		if (pages > 0) exports.memory.grow(pages);
	} catch {
		return null;
	}
	const heap = new Float32Array(exports.memory.buffer);
	for (const [at, values] of floats) heap.set(values, at / 4);
	// What follows the last dense layer (its own activation included) runs in float64 on the answer.
	let last = steps.length - 1;
	while (!steps[last]!.dense) last--;
	const tail = steps.slice(last);
	// Steps with nothing to do between dense layers (ReLU runs inside the module) are left out of the loop.
	const busy = steps.map((s) => !s.dense || s.after !== 'linear');

	// A step's work after (or instead of) its dense layer, in place on `units`-wide rows.
	const elementwise = (x: Float64Array | Float32Array, s: Step) => {
		const { units, after } = s;
		if (!s.dense && s.mul)
			for (let i = 0; i < x.length; i++) x[i] = x[i]! * s.mul[i % units]! + s.add![i % units]!;
		activate(x, after, units);
	};
	const forward: Forward = (x, n) => {
		const out = new Float64Array(n * width);
		for (let start = 0; start < n; start += CHUNK) {
			const rows = Math.min(CHUNK, n - start);
			// The module works on four rows at a time (a lone row alone): the rows past the batch hold leftovers.
			const padded = rows === 1 ? 1 : (rows + 3) & ~3;
			let from = 0;
			// Plain loops, not TypedArray.set: a single row is a few numbers, and set's fixed cost dominates.
			const into = buffers[0]! / 4 - start * inputWidth;
			for (let i = start * inputWidth; i < (start + rows) * inputWidth; i++) heap[into + i] = x[i]!;
			for (let i = 0; i <= last; i++) {
				const s = steps[i]!;
				if (s.dense) {
					exports.dense(buffers[from]!, padded, s.width, s.w, s.b, s.units, buffers[1 - from]!, +s.relu);
					from = 1 - from;
				}
				if (i < last && busy[i]) {
					const at = buffers[from]! / 4;
					elementwise(heap.subarray(at, at + rows * s.units), s);
				}
			}
			const back = buffers[from]! / 4 - start * width;
			for (let i = start * width; i < (start + rows) * width; i++) out[i] = heap[back + i]!;
		}
		for (const s of tail) elementwise(out, s);
		return out;
	};
	forward.engine = 'wasm';
	return forward;
}
