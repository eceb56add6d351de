import { describe, expect, it } from 'vitest';
import {
	denseThreadPlan,
	MAX_DENSE_THREADS,
	threadsText
} from '../../../../../src/lib/core/train/fused/thread-plan.ts';

describe('denseThreadPlan', () => {
	it('runs one thread per core, up to the cap, on an isolated page', () => {
		expect(denseThreadPlan(true, 2)).toEqual({
			threads: 2,
			summary: 'isolated: 2 threads (the page is cross-origin isolated; the device reports 2 cores)',
			why: 'the page is cross-origin isolated; the device reports 2 cores'
		});
		expect(denseThreadPlan(true, 64).threads).toBe(MAX_DENSE_THREADS);
	});

	it('says why one thread: no isolation, or one core', () => {
		const plain = denseThreadPlan(false, 8);
		expect(plain.threads).toBe(1);
		expect(plain.summary).toMatch(/^not isolated: one thread, because the page is not cross-origin isolated/);
		expect(plain.unavailable).toMatch(/COOP\/COEP/);
		expect(denseThreadPlan(true, 1)).toMatchObject({
			threads: 1,
			summary: 'isolated: one thread, because the device reports one core'
		});
	});
});

describe('threadsText', () => {
	it('says the count and why, and nothing for records without threads', () => {
		expect(threadsText({ threads: 2, threadsReason: 'isolated: 2 threads' })).toBe(
			'2 threads (isolated: 2 threads)'
		);
		expect(threadsText({ threads: 1, threadsReason: 'no shared memory' })).toBe(
			'one thread (no shared memory)'
		);
		expect(threadsText({})).toBe('');
	});
});
