// A macrotask break between batches, so a worker reads its messages (pause, stop) and a page paints. Not
// tf.nextFrame: requestAnimationFrame never fires in workers and hidden tabs, and the run would stall.

type Resume = () => void;

/** Resolves on a later turn of the event loop, after pending messages and timers have had their turn. */
export function yieldToEventLoop(): Promise<void> {
	return new Promise<void>((resolve) => schedule(resolve));
}

function schedule(resume: Resume): void {
	// Node: setImmediate runs right after I/O, with no clamping.
	const immediate = (globalThis as { setImmediate?: (fn: Resume) => unknown }).setImmediate;
	if (typeof immediate === 'function') {
		immediate(resume);
		return;
	}
	// Browsers and workers: a message is a macrotask without setTimeout's 4 ms clamp after nesting.
	if (typeof MessageChannel === 'function') {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resume();
		};
		channel.port2.postMessage(null);
		return;
	}
	setTimeout(resume, 0);
}
