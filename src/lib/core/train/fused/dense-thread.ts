// One helper thread of the threaded dense engine (threaded-dense-engine.ts): it instantiates the threaded
// module on the engine's shared memory and, for every batch the engine posts, runs forward and backward on
// its slice of the rows into its own gradient buffers, then reports done. It blocks in Atomics.wait between
// batches, so it runs in a Web Worker (or a Node worker thread), never on a page's main thread.

/** What a helper thread needs: everything lives in the shared memory, at these addresses. */
export interface DenseThreadInit {
	module: WebAssembly.Module;
	memory: WebAssembly.Memory;
	/** Byte address of the control block (CONTROL_INTS int32s). */
	control: number;
	/** This thread's slice net, and the main net whose weights it shares. */
	net: number;
	base: number;
	/** The top of this thread's own stack (the module's stack grows down from __stack_pointer). */
	stackTop: number;
	/** 1 .. threads - 1 (the engine's own thread is 0). */
	index: number;
	threads: number;
}

/** The control block's int32 slots. */
export const CONTROL = { generation: 0, done: 1, rows: 2, input: 3, target: 4, quit: 5 } as const;
export const CONTROL_INTS = 8;

/** Rows of a batch run per thread: the batch split into equal runs of whole 4-row blocks (the GEMM kernels'
 * row block), so every thread but the last gets a multiple of 4 rows; threads past the rows get none. */
export function sliceOf(index: number, threads: number, rows: number): { start: number; rows: number } {
	const share = Math.ceil(rows / threads / 4) * 4;
	const start = Math.min(rows, index * share);
	return { start, rows: Math.min(share, rows - start) };
}

/** What a helper thread calls in the threaded module (the engine's side adds its own calls). */
export interface ThreadExports {
	__stack_pointer: WebAssembly.Global;
	slice_gradients(
		net: number,
		base: number,
		x: number,
		y: number,
		row0: number,
		rows: number,
		total: number
	): void;
}

/** Runs a helper thread until the engine sets `quit`; call it from the worker's first message. */
export function runDenseThread(init: DenseThreadInit, ready: () => void): void {
	const instance = new WebAssembly.Instance(init.module, { env: { memory: init.memory } });
	const wasm = instance.exports as unknown as ThreadExports;
	wasm.__stack_pointer.value = init.stackTop;
	const control = new Int32Array(init.memory.buffer, init.control, CONTROL_INTS);
	ready();
	let seen = 0;
	for (;;) {
		Atomics.wait(control, CONTROL.generation, seen);
		const generation = Atomics.load(control, CONTROL.generation);
		if (generation === seen) continue;
		seen = generation;
		if (Atomics.load(control, CONTROL.quit) !== 0) return;
		const total = control[CONTROL.rows]!;
		const slice = sliceOf(init.index, init.threads, total);
		if (slice.rows > 0)
			wasm.slice_gradients(
				init.net,
				init.base,
				control[CONTROL.input]!,
				control[CONTROL.target]!,
				slice.start,
				slice.rows,
				total
			);
		if (Atomics.add(control, CONTROL.done, 1) + 1 === init.threads - 1) Atomics.notify(control, CONTROL.done);
	}
}
