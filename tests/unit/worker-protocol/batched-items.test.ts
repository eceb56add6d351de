import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { batchedItems } from '$lib/worker-protocol/progress.ts';

describe('batchedItems', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('sends 1,000 quick items in a few arrays, in order, none dropped', async () => {
		const arrays: number[][] = [];
		const add = batchedItems<number>((items) => arrays.push(items), 100);
		for (let i = 0; i < 1000; i++) {
			add(i);
			if (i % 10 === 9) vi.advanceTimersByTime(1); // about a millisecond an item, as iris epochs
		}
		await add.settle();
		expect(arrays.length).toBeLessThanOrEqual(3);
		expect(arrays.flat()).toEqual(Array.from({ length: 1000 }, (_, i) => i));
	});

	it('sends the first item at once and one array per interval after it', () => {
		const arrays: string[][] = [];
		const add = batchedItems<string>((items) => arrays.push(items), 100);
		add('a');
		add('b');
		add('c');
		expect(arrays).toEqual([['a']]);
		vi.advanceTimersByTime(100);
		expect(arrays).toEqual([['a'], ['b', 'c']]);
	});

	it('never sends an empty array, and does nothing without a page', async () => {
		const arrays: number[][] = [];
		const add = batchedItems<number>((items) => arrays.push(items), 100);
		add(1);
		await add.settle();
		await add.settle();
		expect(arrays).toEqual([[1]]);
		const alone = batchedItems<number>(undefined, 100);
		alone(1);
		await expect(alone.settle()).resolves.toBeUndefined();
	});
});
