import { afterEach, describe, expect, it } from 'vitest';
import { yieldToEventLoop } from '../../../../src/lib/core/train/yield-to-event-loop.ts';

describe('yieldToEventLoop', () => {
	const setImmediateBefore = globalThis.setImmediate;
	afterEach(() => {
		globalThis.setImmediate = setImmediateBefore;
	});

	it('resolves after the microtasks already queued, as a macrotask does', async () => {
		const order: string[] = [];
		const yielded = yieldToEventLoop().then(() => order.push('yield'));
		void Promise.resolve().then(() => order.push('microtask'));
		await yielded;
		expect(order).toEqual(['microtask', 'yield']);
	});

	it('uses a MessageChannel where there is no setImmediate (browsers, workers), letting a pending timer run', async () => {
		(globalThis as { setImmediate?: unknown }).setImmediate = undefined;
		let timerRan = false;
		setTimeout(() => (timerRan = true), 0);
		// A chain of awaited microtasks never lets the timer in; a few macrotask yields do.
		for (let i = 0; i < 50 && !timerRan; i++) await yieldToEventLoop();
		expect(timerRan).toBe(true);
	});
});
