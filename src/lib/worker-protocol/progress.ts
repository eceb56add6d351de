// Progress across a worker boundary. The page hands the worker a comlink proxy of its callback; the
// worker throttles before calling it, so only about 10 messages a second cross, and the last one
// (100%) is never dropped.
import { proxy } from 'comlink';
import { throttle, type Throttled } from '../core/progress/throttle.ts';

/** Page side: a callback the worker can call. */
export function progressCallback<P>(onProgress: (progress: P) => void): (progress: P) => void {
	return proxy(onProgress);
}

export interface WorkerProgress<P> extends Throttled<[P]> {
	/**
	 * Delivers the pending value and waits until the page has it. A proxied callback travels on its own
	 * channel, so without this the call's result can overtake the final progress message.
	 */
	settle(): Promise<void>;
}

/** Worker side: wraps the page's proxy so it is called at most once per interval, plus the final value. */
export function throttledProgress<P>(
	onProgress: ((progress: P) => unknown) | undefined,
	intervalMs = 100
): WorkerProgress<P> {
	let lastDelivery: Promise<unknown> = Promise.resolve();
	const throttled = throttle((progress: P) => {
		// A page that went away must not fail the work it asked for.
		lastDelivery = Promise.resolve(onProgress?.(progress)).catch(() => undefined);
	}, intervalMs) as WorkerProgress<P>;
	throttled.settle = async () => {
		throttled.flush();
		await lastDelivery;
	};
	return throttled;
}
