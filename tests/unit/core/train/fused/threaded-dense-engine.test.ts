// The threaded dense engine (worker_threads helpers on a shared memory) against the one-thread engine: from
// the same weights, on the same batches, the loss curve and the final weights agree to float rounding.
// Every loss and optimizer the engine has (Huber, binary cross-entropy, AdamW and L1 included).
// Tolerance: each batch's loss within 1e-5 relative, final weights within 2e-5 absolute after 12 steps
// (the threads sum their slices' gradients in another order, about 1e-7 relative per step; Adam and
// RMSprop divide by the gradients' running size, which carries that difference into the weights).
import { afterEach, describe, expect, it } from 'vitest';
import { createRandom } from '../../../../../src/lib/core/random/seeded-random.ts';
import {
	DenseEngine,
	type DenseActivation,
	type DenseLoss,
	type DenseOptimizer
} from '../../../../../src/lib/core/train/fused/dense-engine.ts';
import { sliceOf } from '../../../../../src/lib/core/train/fused/dense-thread.ts';
import {
	threadedModuleUnavailable,
	ThreadedDenseEngine
} from '../../../../../src/lib/core/train/fused/threaded-dense-engine.ts';
import { spawnNodeDenseThread } from '../../../../../src/cli/dense-threads.ts';

interface Case {
	name: string;
	sizes: number[];
	activations: DenseActivation[];
	loss: DenseLoss;
	optimizer: DenseOptimizer;
	l2?: number[];
	l1?: number[];
	huberDelta?: number;
	dropout?: number[];
}

const CASES: Case[] = [
	{
		name: 'MSE, Adam, ReLU',
		sizes: [8, 16, 16, 1],
		activations: ['relu', 'relu', 'linear'],
		loss: 'mse',
		optimizer: { kind: 'adam', rate: 0.01 }
	},
	{
		name: 'cross-entropy, momentum SGD, tanh, L2',
		sizes: [6, 12, 3],
		activations: ['tanh', 'softmax'],
		loss: 'cross-entropy',
		optimizer: { kind: 'sgd', rate: 0.1, momentum: 0.9 },
		l2: [0.01, 0.001]
	},
	{
		name: 'MSE (2 outputs), RMSprop, sigmoid, dropout',
		sizes: [5, 10, 2],
		activations: ['sigmoid', 'linear'],
		loss: 'mse',
		optimizer: { kind: 'rmsprop', rate: 0.01 },
		dropout: [0.3, 0]
	},
	{
		name: 'Huber, AdamW, L1',
		sizes: [6, 12, 1],
		activations: ['relu', 'linear'],
		loss: 'huber',
		huberDelta: 0.5,
		optimizer: { kind: 'adam', rate: 0.01, weightDecay: 0.01 },
		l1: [0.001, 0]
	},
	{
		name: 'binary cross-entropy (2 outputs), Adam',
		sizes: [5, 8, 2],
		activations: ['tanh', 'sigmoid'],
		loss: 'binary-cross-entropy',
		optimizer: { kind: 'adam', rate: 0.01 }
	},
	{
		name: 'linear regression, plain SGD',
		sizes: [4, 1],
		activations: ['linear'],
		loss: 'mse',
		optimizer: { kind: 'sgd', rate: 0.05 }
	}
];

const ROWS = 37; // not a multiple of 4 or of the thread count: slices of unequal sizes
const STEPS = 12;
let open: ThreadedDenseEngine[] = [];
afterEach(() => {
	for (const engine of open) engine.dispose();
	open = [];
});

function batches(c: Case, seed: number) {
	const random = createRandom(seed);
	const inputs = c.sizes[0]!;
	const outputs = c.sizes[c.sizes.length - 1]!;
	return Array.from({ length: STEPS }, () => {
		const x = Float32Array.from({ length: ROWS * inputs }, () => random.normal());
		const y = new Float32Array(ROWS * outputs);
		for (let i = 0; i < ROWS; i++) {
			const signal = x[i * inputs]! - 0.5 * x[i * inputs + 1]!;
			if (c.loss === 'cross-entropy') y[i * outputs + (signal > 0.4 ? 2 : signal > -0.4 ? 1 : 0)] = 1;
			else if (c.loss === 'binary-cross-entropy')
				for (let o = 0; o < outputs; o++) y[i * outputs + o] = signal + 0.3 * o > 0 ? 1 : 0;
			else for (let o = 0; o < outputs; o++) y[i * outputs + o] = signal * (o + 1);
		}
		const masks = (c.dropout ?? []).map((rate, l) =>
			Float32Array.from({ length: ROWS * c.sizes[l + 1]! }, () =>
				random.uniform(0, 1) < rate ? 0 : 1 / (1 - rate)
			)
		);
		return { x, y, masks };
	});
}

async function train(engine: DenseEngine, c: Case, seed: number) {
	const random = createRandom(seed + 1);
	engine.setWeights(
		c.activations.map((_, l) => ({
			kernel: Float32Array.from({ length: c.sizes[l]! * c.sizes[l + 1]! }, () => 0.4 * random.normal()),
			bias: Float32Array.from({ length: c.sizes[l + 1]! }, () => 0.1 * random.normal())
		}))
	);
	const losses: number[] = [];
	const outputs: Float32Array[] = [];
	for (const { x, y, masks } of batches(c, seed)) {
		masks.forEach((mask, l) => {
			if ((c.dropout?.[l] ?? 0) > 0) engine.maskBuffer(l, ROWS).set(mask);
		});
		losses.push(engine.trainBatch(x, y, ROWS));
		outputs.push(engine.outputBuffer(ROWS).slice());
	}
	return { losses, outputs, weights: engine.getWeights() };
}

// Each case starts worker threads through tsx: seconds on a busy machine.
describe('ThreadedDenseEngine', { timeout: 30_000 }, () => {
	for (const c of CASES) {
		for (const threads of [2, 3]) {
			it(`${c.name}: ${threads} threads match one thread`, async () => {
				const spec = {
					sizes: c.sizes,
					activations: c.activations,
					loss: c.loss,
					l2: c.l2,
					l1: c.l1,
					huberDelta: c.huberDelta,
					dropout: c.dropout
				};
				const one = await DenseEngine.create(spec, c.optimizer, ROWS, 'simd128');
				const many = await ThreadedDenseEngine.createThreaded(
					spec,
					c.optimizer,
					ROWS,
					threads,
					spawnNodeDenseThread,
					'simd128'
				);
				open.push(many);
				expect(many.threads).toBe(threads);
				const a = await train(one, c, 7);
				const b = await train(many, c, 7);
				a.losses.forEach((loss, i) => {
					expect(Math.abs(b.losses[i]! - loss)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(loss)));
				});
				// The whole batch's outputs land in the main net's buffer, the helpers' rows included.
				a.outputs.forEach((out, i) => {
					out.forEach((v, j) => expect(Math.abs(b.outputs[i]![j]! - v)).toBeLessThanOrEqual(1e-4));
				});
				a.weights.forEach(({ kernel, bias }, l) => {
					kernel.forEach((v, j) => expect(Math.abs(b.weights[l]!.kernel[j]! - v)).toBeLessThanOrEqual(2e-5));
					bias.forEach((v, j) => expect(Math.abs(b.weights[l]!.bias[j]! - v)).toBeLessThanOrEqual(2e-5));
				});
				// and training moved the weights (the comparison is not of two untouched copies)
				expect(a.losses[STEPS - 1]).not.toBe(a.losses[0]);
			});
		}
	}

	it('refuses a thread count outside 2..64 and trains nothing after dispose', async () => {
		const spec = { sizes: [3, 1], activations: ['linear'] as DenseActivation[], loss: 'mse' as const };
		const optimizer = { kind: 'sgd', rate: 0.1 } as const;
		await expect(
			ThreadedDenseEngine.createThreaded(spec, optimizer, 8, 1, spawnNodeDenseThread)
		).rejects.toThrow('2 to 64 threads, not 1');
		const engine = await ThreadedDenseEngine.createThreaded(spec, optimizer, 8, 2, spawnNodeDenseThread);
		engine.dispose();
		expect(() => engine.trainBuffered(4)).toThrow('disposed');
	});
});

describe('sliceOf', () => {
	it('covers every row once, in runs of whole 4-row blocks', () => {
		for (const [rows, threads] of [
			[37, 2],
			[37, 3],
			[256, 2],
			[5, 4],
			[1, 3]
		] as const) {
			const slices = Array.from({ length: threads }, (_, i) => sliceOf(i, threads, rows));
			expect(slices.reduce((sum, s) => sum + s.rows, 0)).toBe(rows);
			slices.forEach((s, i) => {
				if (i > 0 && s.rows > 0) expect(s.start).toBe(slices[i - 1]!.start + slices[i - 1]!.rows);
				if (s.start + s.rows < rows) expect(s.rows % 4).toBe(0);
			});
		}
		expect(sliceOf(1, 2, 256)).toEqual({ start: 128, rows: 128 });
		expect(sliceOf(2, 4, 5)).toEqual({ start: 5, rows: 0 });
	});
});

describe('threadedModuleUnavailable', () => {
	it('finds that Node runs the threaded module', () => {
		expect(threadedModuleUnavailable()).toBeUndefined();
	});
});
