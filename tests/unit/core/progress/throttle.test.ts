import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from '../../../../src/lib/core/progress/throttle.ts';

describe('throttle', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('delivers the first call at once, then at most one per interval, then the last value', () => {
		const seen: number[] = [];
		const report = throttle(
			(n: number) => seen.push(n),
			100,
			() => Date.now()
		);
		for (let i = 1; i <= 10; i++) {
			report(i);
			vi.advanceTimersByTime(25);
		}
		// 250 ms of calls every 25 ms: the first, then one per 100 ms, each the newest value at the time.
		vi.advanceTimersByTime(100);
		expect(seen[0]).toBe(1);
		expect(seen.at(-1)).toBe(10);
		expect(seen.length).toBeLessThanOrEqual(4);
	});

	it('flush delivers the pending value now and cancel drops it', () => {
		const seen: number[] = [];
		const report = throttle((n: number) => seen.push(n), 100);
		report(1);
		report(2);
		report.flush();
		expect(seen).toEqual([1, 2]);
		report(3);
		report.cancel();
		vi.advanceTimersByTime(500);
		expect(seen).toEqual([1, 2]);
	});
});
