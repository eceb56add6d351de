// Progress streams are throttled (about 10 a second) so the page never drowns in messages, but the
// last value always arrives: a bar must not stop at 97%.

export interface Throttled<A extends unknown[]> {
	(...args: A): void;
	/** Delivers a pending trailing call now. */
	flush(): void;
	/** Drops a pending trailing call. */
	cancel(): void;
}

export function throttle<A extends unknown[]>(
	fn: (...args: A) => void,
	intervalMs: number,
	now: () => number = () => Date.now()
): Throttled<A> {
	let last = -Infinity;
	let pending: A | undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;

	function deliver(args: A) {
		last = now();
		pending = undefined;
		fn(...args);
	}

	function flush() {
		if (timer !== undefined) clearTimeout(timer);
		timer = undefined;
		if (pending) deliver(pending);
	}

	const throttled = ((...args: A) => {
		const wait = last + intervalMs - now();
		if (wait <= 0 && timer === undefined) {
			deliver(args);
			return;
		}
		pending = args;
		timer ??= setTimeout(flush, Math.max(0, wait));
	}) as Throttled<A>;

	throttled.flush = flush;
	throttled.cancel = () => {
		if (timer !== undefined) clearTimeout(timer);
		timer = undefined;
		pending = undefined;
	};
	return throttled;
}
