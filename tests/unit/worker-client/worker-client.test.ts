import { afterEach, describe, expect, it, vi } from 'vitest';
import { BenchtopError } from '../../../src/lib/core/errors.ts';
import { progressCallback, throttledProgress } from '../../../src/lib/worker-protocol/progress.ts';
import { WorkerClient } from '../../../src/lib/worker-client/worker-client.ts';
import { createFakeWorker, type FakeWorker } from './fake-worker.ts';

const testApi = {
	add: async (a: number, b: number) => a + b,
	hang: () => new Promise<never>(() => undefined),
	fail: async () => {
		throw new BenchtopError('bad-input', 'Row 3 has 2 fields, expected 4.', 'line 3');
	},
	failPlain: async () => {
		throw new TypeError('x is not a function');
	},
	count: async (n: number, onProgress: (done: number) => void) => {
		const report = throttledProgress(onProgress, 20);
		for (let i = 1; i <= n; i++) {
			report(i);
			await new Promise((resolve) => setTimeout(resolve, 1));
		}
		await report.settle();
		return n;
	}
};
type TestApi = typeof testApi;

let workers: FakeWorker[] = [];
function client(options = {}) {
	return new WorkerClient<TestApi>(
		() => {
			const worker = createFakeWorker(testApi);
			workers.push(worker);
			return worker;
		},
		{ name: 'test worker', ...options }
	);
}

afterEach(() => {
	// A test that fails under fake timers must not leave them on for the next one.
	vi.useRealTimers();
	for (const worker of workers) if (!worker.terminated) worker.terminate();
	workers = [];
});

async function rejection(promise: Promise<unknown>): Promise<BenchtopError> {
	try {
		await promise;
	} catch (error) {
		return error as BenchtopError;
	}
	throw new Error('expected a rejection');
}

describe('WorkerClient', () => {
	it('returns what the worker returns, reusing one worker', async () => {
		const c = client();
		expect(await c.run((api) => api.add(2, 3))).toBe(5);
		expect(await c.run((api) => api.add(4, 4))).toBe(8);
		expect(workers).toHaveLength(1);
		c.terminate();
	});

	it('streams throttled progress and never loses the final value', async () => {
		const c = client();
		const seen: number[] = [];
		const total = await c.run((api) =>
			api.count(
				200,
				progressCallback((done: number) => seen.push(done))
			)
		);
		expect(total).toBe(200);
		expect(seen.at(-1)).toBe(200);
		expect(seen.length).toBeLessThan(100);
		expect(seen.length).toBeGreaterThan(1);
		expect([...seen].sort((a, b) => a - b)).toEqual(seen);
		c.terminate();
	});

	it('aborting a pending call rejects with "aborted" and terminates the worker', async () => {
		const c = client();
		const controller = new AbortController();
		const pending = c.run((api) => api.hang(), { signal: controller.signal });
		await new Promise((resolve) => setTimeout(resolve, 10));
		controller.abort();
		const error = await rejection(pending);
		expect(error).toBeInstanceOf(BenchtopError);
		expect(error.code).toBe('aborted');
		expect(workers[0]!.terminated).toBe(true);
		expect(c.running).toBe(false);
		expect(await c.run((api) => api.add(1, 1))).toBe(2);
		expect(workers).toHaveLength(2);
		c.terminate();
	});

	it('an already aborted signal rejects without starting a worker', async () => {
		const c = client();
		const controller = new AbortController();
		controller.abort();
		expect((await rejection(c.run((api) => api.add(1, 2), { signal: controller.signal }))).code).toBe(
			'aborted'
		);
		expect(workers).toHaveLength(0);
	});

	it('a crash rejects pending calls with "worker-crashed" and the next call gets a fresh worker', async () => {
		const c = client();
		const pending = c.run((api) => api.hang());
		await new Promise((resolve) => setTimeout(resolve, 10));
		workers[0]!.crash('Out of memory');
		const error = await rejection(pending);
		expect(error.code).toBe('worker-crashed');
		expect(error.message).toBe(
			'The test worker stopped unexpectedly (Out of memory). Your data is safe; try again.'
		);
		expect(workers[0]!.terminated).toBe(true);
		expect(await c.run((api) => api.add(20, 22))).toBe(42);
		expect(workers).toHaveLength(2);
		c.terminate();
	});

	it('shuts an idle worker down after the idle timeout, and starts again on demand', async () => {
		const c = client({ idleTimeoutMs: 20 });
		await c.run((api) => api.add(1, 1));
		expect(c.running).toBe(true);
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(c.running).toBe(false);
		expect(workers[0]!.terminated).toBe(true);
		expect(await c.run((api) => api.add(2, 2))).toBe(4);
		expect(workers).toHaveLength(2);
		c.terminate();
	});

	it('warm starts the worker before any call; the first call uses it, an unused one shuts down when idle', async () => {
		const c = client({ idleTimeoutMs: 20 });
		c.warm();
		c.warm();
		expect(workers).toHaveLength(1);
		expect(c.running).toBe(true);
		expect(await c.run((api) => api.add(2, 2))).toBe(4);
		expect(workers).toHaveLength(1);
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(c.running).toBe(false);
		expect(workers[0]!.terminated).toBe(true);
	});

	it('warm leaves a worker that cannot start for the first call to report', async () => {
		const c = new WorkerClient<TestApi>(
			() => {
				throw new Error('blocked by CSP');
			},
			{ name: 'test worker' }
		);
		c.warm();
		expect(c.running).toBe(false);
		expect((await rejection(c.run((api) => api.add(1, 1)))).code).toBe('worker-crashed');
	});

	it('a new call cancels the idle timer, which starts again only when the last call settles', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const c = client({ idleTimeoutMs: 1_000 });
			await c.run((api) => api.add(1, 1));
			vi.advanceTimersByTime(900);
			const slow = c.run((api) => api.hang());
			const fast = c.run((api) => api.add(1, 2));
			vi.advanceTimersByTime(200);
			expect(await fast).toBe(3);
			// One call is still pending, so no amount of idle time shuts the worker down under it.
			vi.advanceTimersByTime(5_000);
			expect(c.running).toBe(true);
			c.terminate();
			expect((await rejection(slow)).code).toBe('aborted');
			expect(workers).toHaveLength(1);
		} finally {
			vi.useRealTimers();
		}
	});

	it('aborting one call fails the other calls on that worker instead of leaving them hanging', async () => {
		const c = client();
		const controller = new AbortController();
		const cancelled = c.run((api) => api.hang(), { signal: controller.signal });
		const bystander = c.run((api) => api.hang());
		await new Promise((resolve) => setTimeout(resolve, 10));
		controller.abort();
		expect((await rejection(cancelled)).code).toBe('aborted');
		const error = await rejection(bystander);
		expect(error.code).toBe('worker-crashed');
		expect(error.message).toBe(
			'The test worker stopped unexpectedly (another task on it was cancelled). Your data is safe; try again.'
		);
	});

	it('terminate() rejects pending calls as cancelled', async () => {
		const c = client();
		const pending = c.run((api) => api.hang());
		await new Promise((resolve) => setTimeout(resolve, 10));
		c.terminate();
		const error = await rejection(pending);
		expect(error.code).toBe('aborted');
		expect(workers[0]!.terminated).toBe(true);
	});

	it('a message that cannot be read counts as a crash', async () => {
		const c = client();
		const pending = c.run((api) => api.hang());
		await new Promise((resolve) => setTimeout(resolve, 10));
		workers[0]!.messageError();
		const error = await rejection(pending);
		expect(error.code).toBe('worker-crashed');
		expect(error.message).toContain('(a message could not be read)');
	});

	it('a worker that cannot be created rejects as crashed, and a later call tries again', async () => {
		let attempts = 0;
		const c = new WorkerClient<TestApi>(
			() => {
				if (++attempts === 1) throw new DOMException('Script origin mismatch', 'SecurityError');
				const worker = createFakeWorker(testApi);
				workers.push(worker);
				return worker;
			},
			{ name: 'test worker' }
		);
		const error = await rejection(c.run((api) => api.add(1, 1)));
		expect(error).toBeInstanceOf(BenchtopError);
		expect(error.code).toBe('worker-crashed');
		expect(error.message).toBe(
			'The test worker could not start (Script origin mismatch). Reload the page and try again.'
		);
		expect(await c.run((api) => api.add(1, 1))).toBe(2);
		expect(attempts).toBe(2);
		c.terminate();
	});

	it('a BenchtopError thrown in the worker arrives with its code, message and detail', async () => {
		const c = client();
		const error = await rejection(c.run((api) => api.fail()));
		expect(error).toBeInstanceOf(BenchtopError);
		expect(error.toJSON()).toEqual({
			code: 'bad-input',
			message: 'Row 3 has 2 fields, expected 4.',
			detail: 'line 3'
		});
		const plain = await rejection(c.run((api) => api.failPlain()));
		expect(plain.message).toBe('x is not a function');
		expect(plain.name).toBe('TypeError');
		c.terminate();
	});
});
