// Continuing a binary cross-entropy run: the two-class softmax head it was saved as unfolds back into one
// sigmoid logit (z₁ − z₀) and its optimizer state likewise, bit for bit, and N epochs, folded, saved and
// unfolded, then M more equal N + M in one go — on TF.js ops and on the fused WASM engine, and across the
// two. The live decision boundary of a BCE run draws both classes' probabilities.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork } from '../../../../src/lib/core/models/build-network.ts';
import type { NetworkSpec } from '../../../../src/lib/core/models/types.ts';
import { generateSyntheticTable } from '../../../../src/lib/core/prep/synthetic/index.ts';
import type { BoundaryFrame, BoundaryPlane } from '../../../../src/lib/core/train/boundary-probe.ts';
import { gridFeatures, gridTable } from '../../../../src/lib/core/train/boundary-probe.ts';
import { bothClasses } from '../../../../src/lib/core/train/live-boundary.ts';
import type { OptimizerState } from '../../../../src/lib/core/train/optimizer-state.ts';
import { runTraining } from '../../../../src/lib/core/train/run-training.ts';
import { parseTrainSettings, type TrainSettingsInput } from '../../../../src/lib/core/train/settings.ts';
import {
	foldSigmoidHead,
	foldSigmoidState,
	sigmoidTargets,
	unfoldSigmoidState,
	unfoldSigmoidWeights
} from '../../../../src/lib/core/train/sigmoid-head.ts';
import { readWeights, type TrainCheckpoint } from '../../../../src/lib/core/train/train-checkpoint.ts';
import { trainNetwork } from '../../../../src/lib/core/train/train-loop.ts';
import { ENGINE_PAIRS, OPTIMIZERS, type Engine } from './resume-cases.ts';
import { prepareSample, WINE } from './prepare-sample.ts';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const spec: NetworkSpec = {
	family: 'mlp',
	task: 'classification',
	layers: [
		{ type: 'dense', units: 16, activation: 'relu', l2: 0.001 },
		{ type: 'dropout', rate: 0.1 },
		{ type: 'dense', units: 8, activation: 'tanh' }
	]
};

function largestGap(a: readonly Float32Array[], b: readonly Float32Array[]): number {
	expect(a.map((w) => w.length)).toEqual(b.map((w) => w.length));
	let gap = 0;
	a.forEach((values, i) => values.forEach((v, j) => (gap = Math.max(gap, Math.abs(v - b[i]![j]!)))));
	return gap;
}

describe('folding and unfolding the sigmoid head', () => {
	it('fold then unfold gives the sigmoid network’s weights back bit for bit', async () => {
		const sigmoid = buildNetwork(spec, { inputSize: 3, outputSize: 1 }, 7, 'sigmoid');
		const moved = sigmoid.getWeights();
		sigmoid.setWeights([...moved.slice(0, -1), tf.tensor1d([-0.37])]);
		const folded = foldSigmoidHead(sigmoid, spec, 3);
		const back = unfoldSigmoidWeights(await readWeights(folded));
		expect(back).toEqual(await readWeights(sigmoid));
		expect(back.at(-1)).toEqual(Float32Array.of(-0.37));
		sigmoid.dispose();
		folded.dispose();
	});

	it('unfolds any two-class softmax head into the sigmoid of z₁ − z₀, with its probabilities', async () => {
		const softmax = buildNetwork(spec, { inputSize: 3, outputSize: 2 }, 11);
		// Both output columns nonzero, so the difference is really taken.
		const w = softmax.getWeights();
		softmax.setWeights([...w.slice(0, -1), tf.tensor1d([0.4, -0.25])]);
		const sigmoid = buildNetwork(spec, { inputSize: 3, outputSize: 1 }, 1, 'sigmoid');
		const unfolded = unfoldSigmoidWeights(await readWeights(softmax));
		sigmoid.setWeights(unfolded.map((values, i) => tf.tensor(values, sigmoid.getWeights()[i]!.shape)));
		expect(unfolded.at(-1)![0]).toBeCloseTo(-0.65, 6);
		const x = tf.tensor2d([0.5, -1, 2, -0.3, 0.8, 0.1, 3, 3, -3, 0, 0, 0], [4, 3]);
		const both = (await (softmax.predict(x) as tf.Tensor).data()) as Float32Array;
		const p = (await (sigmoid.predict(x) as tf.Tensor).data()) as Float32Array;
		for (let i = 0; i < 4; i++) expect(p[i]).toBeCloseTo(both[2 * i + 1]!, 6);
		x.dispose();
		softmax.dispose();
		sigmoid.dispose();
	});

	it('refuses to unfold a head that is not two classes', () => {
		const three = [new Float32Array(12), new Float32Array(3)];
		expect(() => unfoldSigmoidWeights(three)).toThrow(/saved output layer has 3 outputs/);
	});

	it('folds the optimizer state as the weights, and unfolds it bit for bit', () => {
		// Adam on a 2 → 3 → 1 network: m for kernel, bias, kernel, bias, then v for the same four.
		const values = (n: number, at: number) => Float32Array.from({ length: n }, (_, i) => at + i * 0.125);
		const shapes = [[2, 3], [3], [3, 1], [1]];
		const state: OptimizerState = {
			name: 'Adam',
			iterations: 40,
			variables: ['m', 'v'].flatMap((slot, g) =>
				shapes.map((shape, i) => ({
					name: `w${i}/${slot}`,
					shape,
					values: values(
						shape.reduce((a, b) => a * b, 1),
						g * 10 + i
					)
				}))
			)
		};
		const folded = foldSigmoidState(state, 4);
		expect(folded.variables.map((v) => v.shape)).toEqual([
			[2, 3],
			[3],
			[3, 2],
			[2],
			[2, 3],
			[3],
			[3, 2],
			[2]
		]);
		// The output kernel's m: a zero first column, the sigmoid's values in the second.
		expect(Array.from(folded.variables[2]!.values)).toEqual([0, 2, 0, 2.125, 0, 2.25]);
		expect(Array.from(folded.variables[7]!.values)).toEqual([0, 13]);
		expect(unfoldSigmoidState(structuredClone(folded), 4)).toEqual(state);
		expect(() => foldSigmoidState(state, 3)).toThrow(
			/8 variables, which do not divide into groups of the network's 3/
		);
	});
});

// Wine's first two cultivars against the third: a two-class target with 13 scaled measurements.
const { train, validation } = prepareSample('wine.csv', 'cultivar', 'classification', [
	{ op: 'scale', params: { columns: WINE } }
]);

/** Wine as two classes: the third cultivar against the others, one-hot as the studio keeps it. */
function twoClasses(data: typeof train): typeof train {
	const third = data.classes.length - 1;
	const y = new Float32Array(data.n * 2);
	const labels = new Int32Array(data.n);
	for (let i = 0; i < data.n; i++) {
		labels[i] = data.labels![i] === third ? 1 : 0;
		y[2 * i + labels[i]!] = 1;
	}
	return { ...data, y, labels, outputSize: 2, classes: ['others', 'third'] };
}

const train2 = sigmoidTargets(twoClasses(train));
const validation2 = sigmoidTargets(twoClasses(validation));

async function trainFor(
	epochs: number,
	settingsInput: TrainSettingsInput,
	engine: Engine,
	resumeFrom?: TrainCheckpoint
) {
	const model = buildNetwork(spec, { inputSize: train2.featureCount, outputSize: 1 }, 7, 'sigmoid');
	const settings = parseTrainSettings({
		...settingsInput,
		loss: 'binary-cross-entropy',
		epochs,
		batchSize: 16,
		earlyStopping: { enabled: false },
		seed: 5
	});
	const result = await trainNetwork({
		model,
		task: 'classification',
		data: train2,
		validation: validation2,
		settings,
		engine,
		...(resumeFrom ? { resumeFrom } : {})
	});
	return { model, result };
}

describe('continuing a binary cross-entropy run from its folded version', () => {
	for (const [engineA, engineB] of ENGINE_PAIRS) {
		for (const [label, settings] of OPTIMIZERS) {
			it(`${label}: 4 epochs (${engineA}), folded and saved, unfolded, 3 more (${engineB}) equal 7 in one go`, async () => {
				const tensorsBefore = tf.memory().numTensors;
				const straight = await trainFor(7, settings, engineA);
				const straightWeights = await readWeights(straight.model);
				straight.model.dispose();

				const first = await trainFor(4, settings, engineA);
				expect(first.result.engine?.name).toBe(engineA === 'auto' ? 'dense-wasm' : 'tfjs');
				// What the saved version holds: the softmax head and the state in its shapes, structured-cloned.
				const folded = foldSigmoidHead(first.model, spec, train2.featureCount);
				const weightCount = first.model.trainableWeights.length;
				const saved = structuredClone({
					weights: await readWeights(folded),
					optimizer: foldSigmoidState(first.result.optimizer!, weightCount)
				});
				first.model.dispose();
				folded.dispose();
				expect(saved.weights.at(-1)).toHaveLength(2);

				const continued = await trainFor(7, settings, engineB, {
					epoch: 4,
					weights: unfoldSigmoidWeights(saved.weights),
					history: first.result.history,
					optimizer: unfoldSigmoidState(saved.optimizer, weightCount)
				});
				const continuedWeights = await readWeights(continued.model);
				continued.model.dispose();
				expect(tf.memory().numTensors).toBe(tensorsBefore);
				expect(continued.result.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7]);
				expect(largestGap(continuedWeights, straightWeights)).toBeLessThan(1e-5);
				expect(continued.result.history.at(-1)!.loss).toBeCloseTo(straight.result.history.at(-1)!.loss, 5);
			}, 30_000);
		}
	}

	it('without the saved state the same epochs land elsewhere (the check can fail)', async () => {
		const settings = OPTIMIZERS[0]![1];
		const straight = await trainFor(7, settings, 'auto');
		const first = await trainFor(4, settings, 'auto');
		const restarted = await trainFor(7, settings, 'auto', {
			epoch: 4,
			weights: await readWeights(first.model),
			history: first.result.history
		});
		const gap = largestGap(await readWeights(restarted.model), await readWeights(straight.model));
		[straight, first, restarted].forEach((r) => r.model.dispose());
		expect(gap).toBeGreaterThan(1e-3);
	}, 30_000);
});

describe('the live boundary of a binary cross-entropy run', () => {
	it('draws both classes’ probabilities, the last frame the folded model’s own answer', async () => {
		const moons = generateSyntheticTable('moons', { n_samples: 300, noise: 0.1 }, 7);
		const input = { table: moons.table, schema: moons.schema };
		let plane: BoundaryPlane | undefined;
		const frames: BoundaryFrame[] = [];
		let unavailable: string | undefined;
		const outcome = await runTraining(
			input,
			{
				targets: ['class'],
				family: 'mlp',
				settings: { epochs: 20, seed: 5, loss: 'binary-cross-entropy' }
			},
			{
				dataset: { id: 'd', hash: 'h', name: 'moons' },
				backend: { name: 'cpu', reason: 'test' },
				versions: {},
				boundary: {
					request: { columns: ['x1', 'x2'], size: 16, every: 5 },
					onPlane: (p) => (plane = p),
					onFrame: (f) => frames.push({ epoch: f.epoch, outputs: Float32Array.from(f.outputs) }),
					onUnavailable: (reason) => (unavailable = reason)
				}
			}
		);
		expect(unavailable).toBeUndefined();
		expect(plane!.classes).toHaveLength(2);
		expect(frames.length).toBeGreaterThanOrEqual(4);
		for (const f of frames) expect(f.outputs).toHaveLength(16 * 16 * 2);
		const last = frames.at(-1)!;
		expect(last.epoch).toBe(outcome.run.bestEpoch);
		const x = tf.tensor2d(
			gridFeatures(
				(outcome.run as unknown as { fitted: Parameters<typeof gridFeatures>[0] }).fitted,
				gridTable(input.schema, ['x1', 'x2'], plane!.xs, plane!.ys),
				['x1', 'x2']
			),
			[256, 2]
		);
		const direct = (await (outcome.model!.predict(x) as tf.Tensor).data()) as Float32Array;
		x.dispose();
		outcome.model?.dispose();
		for (let i = 0; i < 512; i++) expect(last.outputs[i]!).toBeCloseTo(direct[i]!, 5);
		// The picture is not one colour: some cells lean to each class.
		const leaning = Array.from({ length: 256 }, (_, c) => last.outputs[2 * c + 1]! > 0.5);
		expect(leaning.some(Boolean) && !leaning.every(Boolean)).toBe(true);
	}, 60_000);

	it('widens one sigmoid output per cell to [1 − p, p]', () => {
		expect(Array.from(bothClasses(Float32Array.of(0.25, 1, 0)))).toEqual([0.75, 0.25, 0, 1, 1, 0]);
	});
});
