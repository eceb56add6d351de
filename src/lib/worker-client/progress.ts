// Progress across a worker boundary. The page hands the worker a comlink proxy of its callback; the
// worker throttles before calling it, so only about 10 messages a second cross, and the last one
// (100%) is never dropped.
import { proxy } from 'comlink';
import { throttle, type Throttled } from '../core/progress/throttle.ts';

/** Page side: a callback the worker can call. */
export function progressCallback<P>(onProgress: (progress: P) => void): (progress: P) => void {
	return proxy(onProgress);
}

/** Worker side: wraps the page's proxy so it is called at most once per interval, plus the final value. */
export function throttledProgress<P>(
	onProgress: ((progress: P) => void) | undefined,
	intervalMs = 100
): Throttled<[P]> {
	return throttle((progress: P) => void onProgress?.(progress), intervalMs);
}
