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
		// 1 at 0 ms; 4 at 100 and 8 at 200 (the newest by then); 10, the last, at 300.
		expect(seen).toEqual([1, 4, 8, 10]);
	});

	it('reads time from the clock it is given', () => {
		let clock = 0;
		const seen: number[] = [];
		const report = throttle(
			(n: number) => seen.push(n),
			100,
			() => clock
		);
		report(1);
		clock = 150;
		// A whole interval has passed on the given clock, so this goes out at once, with no timer.
		report(2);
		expect(seen).toEqual([1, 2]);
	});

	it('a single call is delivered once, with nothing trailing', () => {
		const seen: number[] = [];
		const report = throttle((n: number) => seen.push(n), 100);
		report(7);
		vi.advanceTimersByTime(1_000);
		expect(seen).toEqual([7]);
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
