// The fused dense training engine (wasm/dense/dense.c) driven from TypeScript: a network's weights, its
// optimizer state and its batch buffers live in the module's memory, and one call trains one batch. The
// layout of `struct net` below mirrors the C struct; `net_size` checks it at load.
import type { TrainingArrays } from '../training-data.ts';
import { DENSE_ENGINE_WASM, DENSE_ENGINE_WASM_RELAXED } from './dense-engine-wasm.ts';

export type DenseActivation = 'linear' | 'relu' | 'sigmoid' | 'tanh' | 'softmax';
export type DenseLoss = 'mse' | 'cross-entropy' | 'huber' | 'binary-cross-entropy';

export interface DenseNetworkSpec {
	/** Widths from the input to the output: [32, 64, 64, 1] is two hidden layers of 64. */
	sizes: readonly number[];
	/** One per layer; softmax only last, and only with cross-entropy. */
	activations: readonly DenseActivation[];
	/** Per layer, Keras's l2 on the kernel (0 for none). */
	l2?: readonly number[];
	/** Per layer, Keras's l1 on the kernel (0 for none). */
	l1?: readonly number[];
	/** Per layer, the rate of a dropout after it (0 or absent for none; never after the last layer). */
	dropout?: readonly number[];
	loss: DenseLoss;
	/** Huber only: where the loss turns from squared to absolute error (default 1). */
	huberDelta?: number;
}

export type DenseOptimizer =
	| { kind: 'sgd'; rate: number; momentum?: number }
	/** With `weightDecay`, AdamW: every weight shrinks by rate · weightDecay of itself each step, apart from
	 * Adam's step (Loshchilov & Hutter; PyTorch's torch.optim.AdamW). */
	| { kind: 'adam'; rate: number; beta1?: number; beta2?: number; epsilon?: number; weightDecay?: number }
	| { kind: 'rmsprop'; rate: number; decay?: number; epsilon?: number };

/** The optimizer's state in the engine: steps taken, and per layer the kernel's and bias's two slots (Adam:
 * first and second moments; momentum SGD: the velocity in `m`; RMSprop: the mean square in `v`). */
export interface DenseOptimizerState {
	step: number;
	layers: { weightM: Float32Array; weightV: Float32Array; biasM: Float32Array; biasV: Float32Array }[];
}

/** A layer's numbers as TF.js keeps them: kernel [in, out] row-major, bias [out]. */
export interface DenseLayerWeights {
	kernel: Float32Array;
	bias: Float32Array;
}

export interface DenseEngineExports {
	memory: WebAssembly.Memory;
	alloc(bytes: number): number;
	net_size(): number;
	forward(net: number, x: number, batch: number): number;
	train_batch(net: number, x: number, y: number, batch: number): number;
}

const MAX_LAYERS = 16;
const ACTIVATION_CODES: Record<DenseActivation, number> = {
	linear: 0,
	relu: 1,
	sigmoid: 2,
	tanh: 3,
	softmax: 4
};
const LOSS_CODES: Record<DenseLoss, number> = {
	mse: 0,
	'cross-entropy': 1,
	huber: 2,
	'binary-cross-entropy': 3
};
const OPTIMIZER_CODES = { sgd: 0, momentum: 1, adam: 2, rmsprop: 3 } as const;

/** Byte offsets of `struct net`'s fields (wasm32: ints, floats and pointers are 4 bytes). */
const FIELD = (() => {
	const offsets: Record<string, number> = {};
	let at = 0;
	const add = (name: string, count = 1) => {
		offsets[name] = at;
		at += 4 * count;
	};
	for (const name of ['layers', 'loss', 'optimizer', 'step']) add(name);
	for (const name of ['rate', 'beta1', 'beta2', 'epsilon', 'momentum', 'decay', 'beta1Power', 'beta2Power'])
		add(name);
	add('sizes', MAX_LAYERS + 1);
	add('activation', MAX_LAYERS);
	add('l2', MAX_LAYERS);
	for (const name of ['weight', 'bias', 'weightGrad', 'biasGrad', 'weightM', 'weightV', 'biasM', 'biasV'])
		add(name, MAX_LAYERS);
	add('out', MAX_LAYERS + 1);
	add('delta', MAX_LAYERS + 1);
	add('scratch');
	add('mask', MAX_LAYERS);
	add('dropped', MAX_LAYERS);
	add('lossValue');
	add('l1', MAX_LAYERS);
	add('weightShrink');
	add('huberDelta');
	return { ...offsets, size: at } as Record<string, number> & { size: number };
})();

/** The module's two builds: plain SIMD128, and relaxed-SIMD's fused multiply-add in the GEMMs. */
export type DenseEngineBuild = 'simd128' | 'relaxed-simd';

const compiled = new Map<DenseEngineBuild, Promise<WebAssembly.Module>>();
let validated: Map<DenseEngineBuild, boolean> | undefined;

function moduleBytes(build: DenseEngineBuild): Uint8Array<ArrayBuffer> {
	const text = atob(build === 'relaxed-simd' ? DENSE_ENGINE_WASM_RELAXED : DENSE_ENGINE_WASM);
	const bytes = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
	return bytes;
}

function validates(build: DenseEngineBuild): boolean {
	validated ??= new Map();
	let valid = validated.get(build);
	if (valid === undefined) {
		try {
			valid = typeof WebAssembly === 'object' && WebAssembly.validate(moduleBytes(build));
		} catch {
			valid = false;
		}
		validated.set(build, valid);
	}
	return valid;
}

/** Whether this JavaScript engine runs WASM SIMD128 (every current browser and Node 16+ does). */
export function denseEngineSupported(): boolean {
	return validates('simd128');
}

/**
 * The build this JavaScript engine runs best, feature-detected once: relaxed SIMD where it validates
 * (Chromium 114+, Firefox 120+; not Node 20 without a flag), else plain SIMD128. Relaxed FMA may round
 * once where plain SIMD rounds twice, so its numbers can differ from TF.js's in the last bits.
 */
export function preferredDenseBuild(): DenseEngineBuild {
	return validates('relaxed-simd') ? 'relaxed-simd' : 'simd128';
}

export function checkSpec(spec: DenseNetworkSpec): void {
	const layers = spec.sizes.length - 1;
	if (layers < 1 || layers > MAX_LAYERS)
		throw new Error(`The dense engine takes 1 to ${MAX_LAYERS} layers, not ${layers}.`);
	if (spec.activations.length !== layers) throw new Error('The dense engine needs one activation per layer.');
	if (spec.sizes.some((n) => !Number.isInteger(n) || n < 1))
		throw new Error('Layer widths must be whole numbers ≥ 1.');
	const softmaxAt = spec.activations.indexOf('softmax');
	if (softmaxAt !== -1 && (softmaxAt !== layers - 1 || spec.loss !== 'cross-entropy'))
		throw new Error('Softmax is only the last layer, with cross-entropy.');
	if (spec.loss === 'cross-entropy' && spec.activations[layers - 1] !== 'softmax')
		throw new Error('Cross-entropy trains on the softmax of the last layer.');
	if (spec.loss === 'binary-cross-entropy' && spec.activations[layers - 1] !== 'sigmoid')
		throw new Error('Binary cross-entropy trains on sigmoid outputs.');
	if (spec.loss === 'huber' && !((spec.huberDelta ?? 1) > 0))
		throw new Error('The Huber delta must be above 0.');
	if (spec.l1?.some((l1) => !(l1 >= 0))) throw new Error('L1 penalties are 0 or more.');
	if ((spec.dropout?.[layers - 1] ?? 0) > 0)
		throw new Error('Dropout after the last layer is not a network the studio builds.');
	if (spec.dropout?.some((rate) => !(rate >= 0 && rate < 1)))
		throw new Error('Dropout rates are from 0 to below 1.');
}

/** A network in the engine's memory, trained one batch per call. */
export class DenseEngine {
	/** Which of the module's builds runs this network. */
	build: DenseEngineBuild = 'simd128';
	protected readonly wasm: DenseEngineExports;
	/** Addresses in the module's memory of the network (`struct net`) and the batch buffers. */
	protected readonly net: number;
	protected readonly inputAt: number;
	protected readonly targetAt: number;

	/** Lays the network out in `instance` (a fresh one: the threaded engine passes its shared-memory one). */
	protected constructor(
		instance: WebAssembly.Instance,
		readonly spec: DenseNetworkSpec,
		readonly maxBatch: number,
		optimizer: DenseOptimizer
	) {
		this.wasm = instance.exports as unknown as DenseEngineExports;
		if (this.wasm.net_size() !== FIELD.size)
			throw new Error('The dense engine module does not match its wrapper.');
		const { sizes, activations } = spec;
		const layers = sizes.length - 1;
		const floats = (count: number) => {
			const at = this.wasm.alloc(count * 4);
			if (at === 0) throw new Error('The dense engine ran out of memory.');
			return at;
		};
		this.net = floats(FIELD.size / 4);
		this.inputAt = floats(maxBatch * sizes[0]!);
		this.targetAt = floats(maxBatch * sizes[layers]!);
		this.setInt('layers', layers);
		this.setInt('loss', LOSS_CODES[spec.loss]);
		this.setFloat('huberDelta', spec.huberDelta ?? 1);
		for (let l = 0; l <= layers; l++) this.setInt('sizes', sizes[l]!, l);
		let largest = 0;
		for (let l = 0; l < layers; l++) {
			const count = sizes[l]! * sizes[l + 1]!;
			largest = Math.max(largest, count);
			this.setInt('activation', ACTIVATION_CODES[activations[l]!], l);
			this.setFloat('l2', spec.l2?.[l] ?? 0, l);
			this.setFloat('l1', spec.l1?.[l] ?? 0, l);
			for (const name of ['weight', 'weightGrad', 'weightM', 'weightV']) this.setInt(name, floats(count), l);
			for (const name of ['bias', 'biasGrad', 'biasM', 'biasV']) this.setInt(name, floats(sizes[l + 1]!), l);
		}
		for (let l = 1; l <= layers; l++) {
			this.setInt('out', floats(maxBatch * sizes[l]!), l);
			this.setInt('delta', floats(maxBatch * sizes[l]!), l);
		}
		this.setInt('delta', floats(maxBatch * sizes[0]!), 0);
		this.setInt('scratch', floats(largest));
		for (let l = 0; l < layers; l++) {
			if ((spec.dropout?.[l] ?? 0) <= 0) continue;
			this.setInt('mask', floats(maxBatch * sizes[l + 1]!), l);
			this.setInt('dropped', floats(maxBatch * sizes[l + 1]!), l);
		}
		this.setOptimizer(optimizer);
	}

	/** Compiles the module once per thread and builds a network in a fresh instance of it. */
	static async create(
		spec: DenseNetworkSpec,
		optimizer: DenseOptimizer,
		maxBatch: number,
		build: DenseEngineBuild = preferredDenseBuild()
	): Promise<DenseEngine> {
		checkSpec(spec);
		if (!validates(build)) throw new Error(`This JavaScript engine does not run the ${build} build.`);
		let module = compiled.get(build);
		if (!module) compiled.set(build, (module = WebAssembly.compile(moduleBytes(build))));
		const instance = await WebAssembly.instantiate(await module, {});
		const engine = new DenseEngine(instance, spec, maxBatch, optimizer);
		engine.build = build;
		return engine;
	}

	private view(): DataView {
		return new DataView(this.wasm.memory.buffer);
	}
	private setInt(field: string, value: number, index = 0): void {
		this.view().setInt32(this.net + FIELD[field]! + 4 * index, value, true);
	}
	private getInt(field: string, index = 0): number {
		return this.view().getInt32(this.net + FIELD[field]! + 4 * index, true);
	}
	private setFloat(field: string, value: number, index = 0): void {
		this.view().setFloat32(this.net + FIELD[field]! + 4 * index, value, true);
	}
	private floats(at: number, count: number): Float32Array {
		return new Float32Array(this.wasm.memory.buffer, at, count);
	}

	/** Sets the optimizer and clears its state (moments, velocity, step count). */
	setOptimizer(optimizer: DenseOptimizer): void {
		const momentum = optimizer.kind === 'sgd' ? (optimizer.momentum ?? 0) : 0;
		const code =
			optimizer.kind === 'sgd'
				? momentum > 0
					? OPTIMIZER_CODES.momentum
					: OPTIMIZER_CODES.sgd
				: OPTIMIZER_CODES[optimizer.kind];
		this.setInt('optimizer', code);
		this.setFloat('rate', optimizer.rate);
		const decay = optimizer.kind === 'adam' ? (optimizer.weightDecay ?? 0) : 0;
		if (!(decay >= 0)) throw new Error('Weight decay is 0 or more.');
		// TF.js's AdamW (adamw.ts) multiplies by 1 − rate·decay computed in double, then rounded to float32.
		this.setFloat('weightShrink', decay > 0 ? 1 - optimizer.rate * decay : 1);
		this.setFloat('momentum', momentum);
		this.setFloat('beta1', optimizer.kind === 'adam' ? (optimizer.beta1 ?? 0.9) : 0);
		this.setFloat('beta2', optimizer.kind === 'adam' ? (optimizer.beta2 ?? 0.999) : 0);
		this.setFloat('decay', optimizer.kind === 'rmsprop' ? (optimizer.decay ?? 0.9) : 0);
		// TF.js's default for both: the backend's epsilon for float32.
		this.setFloat('epsilon', optimizer.kind === 'sgd' ? 0 : (optimizer.epsilon ?? 1e-7));
		this.setFloat('beta1Power', 1);
		this.setFloat('beta2Power', 1);
		this.setInt('step', 0);
		for (let l = 0; l < this.spec.sizes.length - 1; l++) {
			for (const name of ['weightM', 'weightV'])
				this.floats(this.getInt(name, l), this.kernelSize(l)).fill(0);
			for (const name of ['biasM', 'biasV'])
				this.floats(this.getInt(name, l), this.spec.sizes[l + 1]!).fill(0);
		}
	}

	private kernelSize(l: number): number {
		return this.spec.sizes[l]! * this.spec.sizes[l + 1]!;
	}

	setWeights(layers: readonly DenseLayerWeights[]): void {
		layers.forEach(({ kernel, bias }, l) => {
			if (kernel.length !== this.kernelSize(l) || bias.length !== this.spec.sizes[l + 1])
				throw new Error(`Layer ${l + 1}'s weights do not fit its shape.`);
			this.floats(this.getInt('weight', l), kernel.length).set(kernel);
			this.floats(this.getInt('bias', l), bias.length).set(bias);
		});
	}

	/** Copies of the weights, in TF.js's layout. */
	getWeights(): DenseLayerWeights[] {
		return this.spec.activations.map((_, l) => ({
			kernel: this.floats(this.getInt('weight', l), this.kernelSize(l)).slice(),
			bias: this.floats(this.getInt('bias', l), this.spec.sizes[l + 1]!).slice()
		}));
	}

	/** A copy of the optimizer's state, to save with a checkpoint or a model version. */
	readOptimizerState(): DenseOptimizerState {
		return {
			step: this.getInt('step'),
			layers: this.spec.activations.map((_, l) => ({
				weightM: this.floats(this.getInt('weightM', l), this.kernelSize(l)).slice(),
				weightV: this.floats(this.getInt('weightV', l), this.kernelSize(l)).slice(),
				biasM: this.floats(this.getInt('biasM', l), this.spec.sizes[l + 1]!).slice(),
				biasV: this.floats(this.getInt('biasV', l), this.spec.sizes[l + 1]!).slice()
			}))
		};
	}

	/** Puts a saved state back (the optimizer set as when it was read), so the next step is the one an
	 * unbroken run would take. Adam's beta powers are rebuilt as train_batch builds them: one float32
	 * multiplication per step. */
	writeOptimizerState(state: DenseOptimizerState): void {
		const layers = this.spec.sizes.length - 1;
		if (state.layers.length !== layers || !Number.isInteger(state.step) || state.step < 0)
			throw new Error(`The optimizer state holds ${state.layers.length} layers, the network ${layers}.`);
		state.layers.forEach((slots, l) => {
			const kernel = this.kernelSize(l);
			const width = this.spec.sizes[l + 1]!;
			const sizes = [slots.weightM.length, slots.weightV.length, slots.biasM.length, slots.biasV.length];
			if (sizes.join() !== [kernel, kernel, width, width].join())
				throw new Error(`Layer ${l + 1}'s optimizer state does not fit its shape.`);
			this.floats(this.getInt('weightM', l), kernel).set(slots.weightM);
			this.floats(this.getInt('weightV', l), kernel).set(slots.weightV);
			this.floats(this.getInt('biasM', l), width).set(slots.biasM);
			this.floats(this.getInt('biasV', l), width).set(slots.biasV);
		});
		const view = this.view();
		const beta1 = view.getFloat32(this.net + FIELD['beta1']!, true);
		const beta2 = view.getFloat32(this.net + FIELD['beta2']!, true);
		let power1 = 1;
		let power2 = 1;
		for (let i = 0; i < state.step; i++) {
			power1 = Math.fround(power1 * beta1);
			power2 = Math.fround(power2 * beta2);
		}
		this.setInt('step', state.step);
		this.setFloat('beta1Power', power1);
		this.setFloat('beta2Power', power2);
	}

	/** The input buffer for the next batch (rows × features), to fill in place without a copy. */
	inputBuffer(rows: number): Float32Array {
		return this.floats(this.inputAt, rows * this.spec.sizes[0]!);
	}
	targetBuffer(rows: number): Float32Array {
		return this.floats(this.targetAt, rows * this.spec.sizes[this.spec.sizes.length - 1]!);
	}

	/** Copies rows order[begin .. begin + size) of a row-major table into the input and target buffers: the
	 * batch `trainBuffered(size)` then trains. Returns the target buffer, for the batch's figures. */
	fillBatch(
		data: Pick<TrainingArrays, 'x' | 'y' | 'featureCount' | 'outputSize'>,
		order: ArrayLike<number>,
		begin: number,
		size: number
	): Float32Array {
		const { x, y, featureCount: f, outputSize: o } = data;
		const input = this.inputBuffer(size);
		const target = this.targetBuffer(size);
		for (let i = 0; i < size; i++) {
			const row = order[begin + i]!;
			input.set(x.subarray(row * f, row * f + f), i * f);
			target.set(y.subarray(row * o, row * o + o), i * o);
		}
		return target;
	}

	/** The dropout multipliers after layer `layer` for the next batch (rows × its width), to fill in place. */
	maskBuffer(layer: number, rows: number): Float32Array {
		const at = this.getInt('mask', layer);
		if (at === 0) throw new Error(`Layer ${layer + 1} has no dropout after it.`);
		return this.floats(at, rows * this.spec.sizes[layer + 1]!);
	}

	/** The last layer's outputs of the last forward pass (a training step's: before its update). */
	outputBuffer(rows: number): Float32Array {
		return this.floats(
			this.getInt('out', this.spec.sizes.length - 1),
			rows * this.spec.sizes[this.spec.sizes.length - 1]!
		);
	}

	/** One optimizer step on the `rows` rows already in the input and target buffers; the batch's loss. */
	trainBuffered(rows: number): number {
		if (rows < 1 || rows > this.maxBatch)
			throw new Error(`A batch holds 1 to ${this.maxBatch} rows, not ${rows}.`);
		return this.wasm.train_batch(this.net, this.inputAt, this.targetAt, rows);
	}

	/** One optimizer step on a batch given as arrays (copied into the engine's buffers). */
	trainBatch(x: Float32Array, y: Float32Array, rows: number): number {
		this.inputBuffer(rows).set(x.subarray(0, rows * this.spec.sizes[0]!));
		this.targetBuffer(rows).set(y.subarray(0, rows * this.spec.sizes[this.spec.sizes.length - 1]!));
		return this.trainBuffered(rows);
	}

	/** The network's outputs for `rows` rows (at most maxBatch), as a copy. */
	predict(x: Float32Array, rows: number): Float32Array {
		this.inputBuffer(rows).set(x.subarray(0, rows * this.spec.sizes[0]!));
		const at = this.wasm.forward(this.net, this.inputAt, rows);
		return this.floats(at, rows * this.spec.sizes[this.spec.sizes.length - 1]!).slice();
	}
}
