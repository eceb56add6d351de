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

export interface WorkerBatches<T> {
	(item: T): void;
	/** Delivers what is still held and waits until the page has it. */
	settle(): Promise<void>;
}

/**
 * Worker side: items (a run's epoch records) go to the page in arrays, at most one array per interval, none
 * dropped. One message per item drowned the page on fast runs: iris trains an epoch in about a millisecond
 * on the fused engine, and redrawing the live curve for each kept the page's thread busy for the whole run.
 */
export function batchedItems<T>(
	onItems: ((items: T[]) => unknown) | undefined,
	intervalMs = 100
): WorkerBatches<T> {
	let held: T[] = [];
	const send = throttledProgress<null>(
		onItems &&
			(() => {
				const items = held;
				held = [];
				return items.length > 0 ? onItems(items) : undefined;
			}),
		intervalMs
	);
	const add = ((item: T) => {
		held.push(item);
		send(null);
	}) as WorkerBatches<T>;
	add.settle = send.settle;
	return add;
}
