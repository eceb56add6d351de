// The dense engine on several threads, for cross-origin isolated pages (and Node): the threaded build of
// the module (wasm/dense/threads.c) on a shared WebAssembly.Memory, instantiated once here and once in each
// helper thread. Data-parallel: each thread runs forward and backward on its slice of the batch into its
// own gradient buffers (a "slice net" sharing the weights), the engine's thread waits for them, sums the
// gradients and takes one optimizer step. The summation order differs from one thread's, so results agree
// with DenseEngine to float rounding, not bit for bit (threaded-dense-engine.test.ts states the tolerance).
import {
	checkSpec,
	DenseEngine,
	type DenseEngineBuild,
	type DenseEngineExports,
	type DenseNetworkSpec,
	type DenseOptimizer
} from './dense-engine.ts';
import { DENSE_THREADS_WASM, DENSE_THREADS_WASM_RELAXED } from './dense-engine-threads-wasm.ts';
import { CONTROL, CONTROL_INTS, sliceOf, type DenseThreadInit, type ThreadExports } from './dense-thread.ts';

/** Starts one helper thread that calls runDenseThread(init) and resolves once it waits for work: a module
 * Web Worker in the page (workers/dense-thread.worker.ts), a worker_threads Worker in Node. `release` is
 * called after the engine told the thread to quit: the page keeps the worker for the next engine. */
export type DenseThreadSpawner = (init: DenseThreadInit) => Promise<{ release(): void }>;

interface ThreadedExports extends DenseEngineExports, ThreadExports {
	slice_net(base: number, maxBatch: number): number;
	reduce_update(base: number, nets: number, count: number): number;
}

const STACK_BYTES = 256 * 1024;
/** The module's declared maximum (build.sh: --max-memory), in 64 KiB pages. */
const MAX_PAGES = 16384;

function decode(base64: string): Uint8Array<ArrayBuffer> {
	const text = atob(base64);
	const bytes = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
	return bytes;
}

/** Why this JavaScript engine cannot run the threaded module (undefined when it can): the page-level
 * conditions (isolation, cores) are thread-plan.ts's. */
export function threadedModuleUnavailable(): string | undefined {
	try {
		if (WebAssembly.validate(decode(DENSE_THREADS_WASM))) return undefined;
	} catch {
		// an engine without WASM threads may throw rather than say no
	}
	return 'this browser does not run WASM threads with SIMD';
}

function threadBuild(build: DenseEngineBuild): DenseEngineBuild {
	return build === 'relaxed-simd' && WebAssembly.validate(decode(DENSE_THREADS_WASM_RELAXED))
		? 'relaxed-simd'
		: 'simd128';
}

/** The dense engine with each batch split across `threads` threads (the caller's and threads − 1 helpers). */
export class ThreadedDenseEngine extends DenseEngine {
	private readonly threaded: ThreadedExports;
	private control!: Int32Array;
	private slices: number[] = [];
	private slicesAt = 0;
	private helpers: { release(): void }[] = [];

	private constructor(
		instance: WebAssembly.Instance,
		memory: WebAssembly.Memory,
		spec: DenseNetworkSpec,
		maxBatch: number,
		optimizer: DenseOptimizer,
		readonly threads: number
	) {
		super({ exports: { ...instance.exports, memory } } as WebAssembly.Instance, spec, maxBatch, optimizer);
		this.threaded = this.wasm as ThreadedExports;
	}

	/** A network on `threads` threads; `spawn` starts the helpers. Call dispose() when the run ends. */
	static async createThreaded(
		spec: DenseNetworkSpec,
		optimizer: DenseOptimizer,
		maxBatch: number,
		threads: number,
		spawn: DenseThreadSpawner,
		build: DenseEngineBuild = 'relaxed-simd'
	): Promise<ThreadedDenseEngine> {
		checkSpec(spec);
		if (!Number.isInteger(threads) || threads < 2 || threads > 64)
			throw new Error(`The threaded engine runs 2 to 64 threads, not ${threads}.`);
		const chosen = threadBuild(build);
		const module = await WebAssembly.compile(
			decode(chosen === 'relaxed-simd' ? DENSE_THREADS_WASM_RELAXED : DENSE_THREADS_WASM)
		);
		const memory = new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES, shared: true });
		const instance = await WebAssembly.instantiate(module, { env: { memory } });
		const engine = new ThreadedDenseEngine(instance, memory, spec, maxBatch, optimizer, threads);
		engine.build = chosen;
		await engine.startHelpers(module, memory, spawn);
		return engine;
	}

	private allocate(bytes: number): number {
		const at = this.threaded.alloc(bytes);
		if (at === 0) throw new Error('The threaded dense engine ran out of memory.');
		return at;
	}

	private async startHelpers(
		module: WebAssembly.Module,
		memory: WebAssembly.Memory,
		spawn: DenseThreadSpawner
	): Promise<void> {
		const controlAt = this.allocate(4 * CONTROL_INTS);
		this.control = new Int32Array(memory.buffer, controlAt, CONTROL_INTS);
		this.control.fill(0);
		for (let index = 1; index < this.threads; index++) {
			const net = this.threaded.slice_net(this.net, this.maxBatch);
			if (net === 0) throw new Error('The threaded dense engine ran out of memory.');
			this.slices.push(net);
		}
		this.slicesAt = this.allocate(4 * this.slices.length);
		new Int32Array(memory.buffer, this.slicesAt, this.slices.length).set(this.slices);
		const inits: DenseThreadInit[] = this.slices.map((net, i) => ({
			module,
			memory,
			control: controlAt,
			net,
			base: this.net,
			stackTop: this.allocate(STACK_BYTES) + STACK_BYTES,
			index: i + 1,
			threads: this.threads
		}));
		try {
			this.helpers = await Promise.all(inits.map(spawn));
		} catch (error) {
			this.dispose();
			throw error;
		}
	}

	/** One optimizer step on the batch in the input and target buffers, split across the threads. */
	override trainBuffered(rows: number): number {
		if (rows < 1 || rows > this.maxBatch)
			throw new Error(`A batch holds 1 to ${this.maxBatch} rows, not ${rows}.`);
		const control = this.control;
		if (Atomics.load(control, CONTROL.quit) !== 0) throw new Error('The threaded dense engine was disposed.');
		control[CONTROL.rows] = rows;
		control[CONTROL.input] = this.inputAt;
		control[CONTROL.target] = this.targetAt;
		Atomics.store(control, CONTROL.done, 0);
		Atomics.add(control, CONTROL.generation, 1);
		Atomics.notify(control, CONTROL.generation);
		const own = sliceOf(0, this.threads, rows);
		this.threaded.slice_gradients(this.net, this.net, this.inputAt, this.targetAt, 0, own.rows, rows);
		const helpers = this.threads - 1;
		for (
			let done = Atomics.load(control, CONTROL.done);
			done < helpers;
			done = Atomics.load(control, CONTROL.done)
		)
			Atomics.wait(control, CONTROL.done, done);
		let busy = 0;
		for (let index = 1; index < this.threads; index++)
			if (sliceOf(index, this.threads, rows).rows > 0) busy++;
		return this.threaded.reduce_update(this.net, this.slicesAt, busy);
	}

	/** Stops the helper threads; the engine trains no more batches after this. */
	dispose(): void {
		if (this.control) {
			Atomics.store(this.control, CONTROL.quit, 1);
			Atomics.add(this.control, CONTROL.generation, 1);
			Atomics.notify(this.control, CONTROL.generation);
		}
		for (const helper of this.helpers) helper.release();
		this.helpers = [];
	}
}
