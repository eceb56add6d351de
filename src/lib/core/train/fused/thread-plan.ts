// How many threads the fused dense engine can run where this code runs, and why, in words: the train
// worker sets its engines up from this, the System page shows it. Shared memory (so threads) needs a
// cross-origin isolated page: served with COOP same-origin and COEP require-corp (vite.config.ts, the
// offline service worker, or the host's own headers: README).

/** Threads past this gain little on the engine's small GEMMs and cost a worker each. */
export const MAX_DENSE_THREADS = 8;

export interface DenseThreadPlan {
	threads: number;
	/** "isolated: 2 threads …" or "not isolated: one thread, because …". */
	summary: string;
	/** Why this many threads, for a run record: the isolation and cores, or why only one. */
	why: string;
	/** Why one thread, when it is one (absent when threads run). */
	unavailable?: string;
}

function sharedMemoryWorks(): boolean {
	try {
		new WebAssembly.Memory({ initial: 1, maximum: 2, shared: true });
		return typeof SharedArrayBuffer === 'function';
	} catch {
		return false;
	}
}

/** The plan for a page (or worker) whose `crossOriginIsolated` is `isolated`, on `cores` cores. */
export function denseThreadPlan(isolated: boolean, cores: number): DenseThreadPlan {
	const unavailable = !isolated
		? 'the page is not cross-origin isolated (it was served without the COOP/COEP headers), so it has no shared memory'
		: !sharedMemoryWorks()
			? 'this browser cannot share WebAssembly memory between threads'
			: cores < 2
				? 'the device reports one core'
				: undefined;
	if (unavailable) {
		const summary = `${isolated ? 'isolated' : 'not isolated'}: one thread, because ${unavailable}`;
		return { threads: 1, summary, why: unavailable, unavailable };
	}
	const threads = Math.min(cores, MAX_DENSE_THREADS);
	const why = `the page is cross-origin isolated; the device reports ${cores} cores`;
	return { threads, summary: `isolated: ${threads} threads (${why})`, why };
}

/** A run record's threads in words: "2 threads (isolated: …)" or "one thread (the page is not …)"; empty
 * for records from before threads were recorded. */
export function threadsText(engine: { threads?: number; threadsReason?: string }): string {
	if (engine.threads === undefined) return '';
	const count = engine.threads === 1 ? 'one thread' : `${engine.threads} threads`;
	return engine.threadsReason ? `${count} (${engine.threadsReason})` : count;
}
