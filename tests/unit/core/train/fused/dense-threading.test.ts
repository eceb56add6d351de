// The engine factory splits a batch across threads only where a batch carries enough work to pay for the
// hand-over, and an engine kept on one thread records why.
import { afterEach, describe, expect, it } from 'vitest';
import {
	createDenseEngine,
	MIN_THREADED_BATCH_FLOPS,
	releaseDenseEngine,
	setDenseThreading,
	threadingRecord
} from '../../../../../src/lib/core/train/fused/dense-threading.ts';
import { denseTrainingFlops } from '../../../../../src/lib/core/train/fused/engine-chooser.ts';
import { ThreadedDenseEngine } from '../../../../../src/lib/core/train/fused/threaded-dense-engine.ts';
import { spawnNodeDenseThread } from '../../../../../src/cli/dense-threads.ts';
import type { DenseNetworkSpec } from '../../../../../src/lib/core/train/fused/dense-engine.ts';

const IRIS: DenseNetworkSpec = {
	sizes: [4, 64, 32, 3],
	activations: ['relu', 'relu', 'softmax'],
	loss: 'cross-entropy'
};
const WIDE: DenseNetworkSpec = {
	sizes: [32, 256, 256, 1],
	activations: ['relu', 'relu', 'linear'],
	loss: 'mse'
};
const ADAM = { kind: 'adam', rate: 0.001 } as const;

afterEach(() => setDenseThreading({ threads: 1, reason: 'threads were not set up where this run trains' }));

describe('denseTrainingFlops', () => {
	it('counts six flops per weight per row', () => {
		// 4·64 + 64·32 + 32·3 = 256 + 2048 + 96 = 2400 weights.
		expect(denseTrainingFlops(IRIS.sizes, 32)).toBe(6 * 2400 * 32);
	});
});

describe('createDenseEngine', () => {
	it('keeps an iris-sized batch on one thread and says why', async () => {
		setDenseThreading({ threads: 2, reason: 'isolated', spawn: spawnNodeDenseThread });
		expect(denseTrainingFlops(IRIS.sizes, 32)).toBeLessThan(MIN_THREADED_BATCH_FLOPS);
		const engine = await createDenseEngine(IRIS, ADAM, 32);
		expect(engine).not.toBeInstanceOf(ThreadedDenseEngine);
		expect(threadingRecord(engine)).toEqual({
			threads: 1,
			threadsReason:
				'the worker could run 2 threads, but a batch is about 0.46 MFLOP, under the 8 MFLOP where more than one pays'
		});
		releaseDenseEngine(engine);
	});

	it('splits a wide network across the threads', async () => {
		setDenseThreading({ threads: 2, reason: 'isolated', spawn: spawnNodeDenseThread });
		const engine = await createDenseEngine(WIDE, ADAM, 256);
		expect(engine).toBeInstanceOf(ThreadedDenseEngine);
		expect(threadingRecord(engine)).toEqual({ threads: 2, threadsReason: 'isolated' });
		releaseDenseEngine(engine);
	});

	it('falls back to one thread, saying why, when a helper thread cannot start', async () => {
		setDenseThreading({
			threads: 2,
			reason: 'isolated',
			spawn: () => Promise.reject(new Error('no worker file'))
		});
		const engine = await createDenseEngine(WIDE, ADAM, 256);
		expect(engine).not.toBeInstanceOf(ThreadedDenseEngine);
		expect(threadingRecord(engine)).toEqual({
			threads: 1,
			threadsReason: "the engine's helper threads did not start (no worker file), so one thread"
		});
		releaseDenseEngine(engine);
	});

	it('runs one thread with the worker reason where threads are not set up', async () => {
		const engine = await createDenseEngine(WIDE, ADAM, 256);
		expect(threadingRecord(engine)).toEqual({
			threads: 1,
			threadsReason: 'threads were not set up where this run trains'
		});
	});
});
