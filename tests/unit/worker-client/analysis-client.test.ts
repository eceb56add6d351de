// The fold pool's sizing and scheduling: how many workers a backend gets, and lanes that never run more
// tasks at once than there are workers, keep results in fold order and stop handing out work on a failure.
import { describe, expect, it } from 'vitest';
import { foldWorkerCount, runInLanes } from '../../../src/lib/worker-client/analysis-client.ts';

describe('foldWorkerCount', () => {
	it('gives CPU and WASM min(k, cores − 1, 4) workers, at least one', () => {
		expect(foldWorkerCount(5, 'wasm', 16)).toBe(4);
		expect(foldWorkerCount(3, 'cpu', 16)).toBe(3);
		expect(foldWorkerCount(5, 'cpu', 3)).toBe(2);
		expect(foldWorkerCount(5, 'wasm', 1)).toBe(1);
		expect(foldWorkerCount(5, 'auto', undefined)).toBe(1);
	});

	it('gives a GPU backend one worker', () => {
		expect(foldWorkerCount(5, 'webgl', 16)).toBe(1);
		expect(foldWorkerCount(5, 'webgpu', 16)).toBe(1);
	});
});

describe('runInLanes', () => {
	const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

	it('runs at most `workers` tasks at once and returns results in task order', async () => {
		let running = 0;
		let most = 0;
		const lanes = new Set<number>();
		const results = await runInLanes(7, 3, async (index, lane) => {
			lanes.add(lane);
			most = Math.max(most, ++running);
			// Uneven durations, so tasks finish out of order.
			for (let i = 0; i < (index % 3) + 1; i++) await tick();
			running--;
			return index * 10;
		});
		expect(results).toEqual([0, 10, 20, 30, 40, 50, 60]);
		expect(most).toBe(3);
		expect([...lanes].sort()).toEqual([0, 1, 2]);
	});

	it('rejects with the first failure and starts no further task', async () => {
		const started: number[] = [];
		const run = runInLanes(6, 2, async (index) => {
			started.push(index);
			await tick();
			if (index === 1) throw new Error('fold 2 failed');
			return index;
		});
		await expect(run).rejects.toThrow('fold 2 failed');
		await tick();
		await tick();
		expect(started.length).toBeLessThan(6);
	});
});
