// The training loop's batches run by the fused WASM dense engine instead of TF.js ops, where the network
// and the settings are ones the engine computes exactly as TF.js does (dense-engine.test.ts checks each
// optimizer and loss batch for batch). The TF.js model stays the run's model: its weights are brought up to
// date whenever the loop reads them (epoch ends, checkpoints, the end of the run).
import * as tf from '@tensorflow/tfjs';
import { dropoutMultipliers, SeededDropout } from '../../models/seeded-dropout.ts';
import type { NetworkTask, TrainingArrays } from '../training-data.ts';
import type { TrainSettings } from '../types.ts';
import { NUMBER_SETTINGS } from '../settings.ts';
import { defaultLoss, type TrainLoss } from '../loss-choice.ts';
import type { OptimizerState } from '../optimizer-state.ts';
import { engineToOptimizerState, optimizerStateToEngine } from '../optimizer-layout.ts';
import {
	DenseEngine,
	denseEngineSupported,
	type DenseActivation,
	type DenseNetworkSpec,
	type DenseOptimizer
} from './dense-engine.ts';
import { createDenseEngine, releaseDenseEngine, threadingRecord } from './dense-threading.ts';

/** Which engine stepped a run's batches, and why: kept with the run. */
export interface TrainingEngine {
	name: 'dense-wasm' | 'tfjs';
	reason: string;
	/** The engine's threads (dense-wasm only), and why that many: dense-threading.ts. */
	threads?: number;
	threadsReason?: string;
}

const ACTIVATIONS = new Set<string>(['linear', 'relu', 'sigmoid', 'tanh', 'softmax']);

interface LayerConfig {
	units?: number;
	activation?: string;
	useBias?: boolean;
	kernelRegularizer?: { className?: string; config?: { l1?: number; l2?: number } } | null;
	activityRegularizer?: unknown;
	kernelConstraint?: unknown;
	biasConstraint?: unknown;
	biasRegularizer?: unknown;
}

/**
 * The engine's description of `model`, or why the engine cannot train it (TF.js then does). Only plain
 * stacks of Dense layers with the engine's activations, L1/L2 penalties on the kernels, and the optimizers,
 * losses and (unweighted) rows it reproduces.
 */
export function denseSpecFor(
	model: tf.LayersModel,
	task: NetworkTask,
	classWeighted: boolean,
	trainLoss: TrainLoss = { name: defaultLoss(task), delta: 1 }
): DenseNetworkSpec | string {
	if (classWeighted) return 'balanced class weights are trained by TF.js';
	const layers = (model as tf.Sequential).layers;
	const sizes = [model.inputs[0]!.shape[1] as number];
	const activations: DenseActivation[] = [];
	const l2: number[] = [];
	const l1: number[] = [];
	const dropout: number[] = [];
	if (model.inputs[0]!.shape.length !== 2) return 'the input is not a flat row';
	for (const layer of layers) {
		if (layer.getClassName() === 'InputLayer') continue;
		if (layer instanceof SeededDropout && activations.length > 0 && dropout[activations.length - 1] === 0) {
			// Its masks are drawn from the layer's own seeded stream, as the TF.js step draws them.
			dropout[activations.length - 1] = layer.rate;
			continue;
		}
		if (layer.getClassName() !== 'Dense') return `${layer.getClassName()} layers are trained by TF.js`;
		const config = layer.getConfig() as LayerConfig;
		const activation = config.activation ?? 'linear';
		if (!ACTIVATIONS.has(activation)) return `the ${activation} activation is trained by TF.js`;
		if (config.useBias === false) return 'a layer without bias is trained by TF.js';
		if (
			config.activityRegularizer ||
			config.biasRegularizer ||
			config.kernelConstraint ||
			config.biasConstraint
		)
			return 'regularisers other than L1/L2 on the kernel are trained by TF.js';
		const regularizer = config.kernelRegularizer;
		if (regularizer && regularizer.className !== 'L1L2')
			return `the ${regularizer.className ?? 'unnamed'} regulariser is trained by TF.js`;
		sizes.push(config.units!);
		activations.push(activation as DenseActivation);
		l2.push(regularizer?.config?.l2 ?? 0);
		l1.push(regularizer?.config?.l1 ?? 0);
		dropout.push(0);
	}
	const loss = trainLoss.name;
	const last = activations[activations.length - 1];
	if (loss === 'cross-entropy' && last !== 'softmax')
		return 'a classifier without softmax is trained by TF.js';
	if (loss === 'binary-cross-entropy' && last !== 'sigmoid')
		return 'binary cross-entropy without a sigmoid output is trained by TF.js';
	if (loss !== 'cross-entropy' && last === 'softmax')
		return `a softmax output trained on ${loss} is trained by TF.js`;
	if (activations.slice(0, -1).includes('softmax')) return 'softmax inside the network is trained by TF.js';
	if (activations.length < 1 || activations.length > 16) return 'the engine takes 1 to 16 layers';
	if (dropout[dropout.length - 1]! > 0) return 'dropout after the output is trained by TF.js';
	if (!denseEngineSupported()) return 'this browser runs no WASM SIMD';
	return { sizes, activations, l2, l1, dropout, loss, huberDelta: trainLoss.delta };
}

function engineOptimizer(settings: TrainSettings): DenseOptimizer {
	switch (settings.optimizer) {
		case 'adam':
			return { kind: 'adam', rate: settings.learningRate };
		case 'adamw':
			return {
				kind: 'adam',
				rate: settings.learningRate,
				weightDecay: settings.weightDecay ?? NUMBER_SETTINGS.weightDecay.default
			};
		case 'sgd':
			return { kind: 'sgd', rate: settings.learningRate, momentum: settings.momentum };
		case 'rmsprop':
			return { kind: 'rmsprop', rate: settings.learningRate };
	}
}

/** Runs the loop's batches in the engine; batchSums' values come back as TF.js's step gives them. */
export class DenseStepper {
	private order: Int32Array = new Int32Array(0);
	/** The model's seeded dropout layers, by the index of the dense layer each follows. */
	private readonly dropouts: { after: number; layer: SeededDropout }[];

	private constructor(
		private readonly engine: DenseEngine,
		private readonly model: tf.LayersModel,
		private readonly task: NetworkTask,
		private readonly data: TrainingArrays
	) {
		this.dropouts = [];
		let dense = -1;
		for (const layer of model.layers) {
			if (layer.getClassName() === 'Dense') dense++;
			else if (layer instanceof SeededDropout && layer.rate > 0) this.dropouts.push({ after: dense, layer });
		}
	}

	static async create(
		spec: DenseNetworkSpec,
		model: tf.LayersModel,
		task: NetworkTask,
		data: TrainingArrays,
		settings: TrainSettings,
		batchSize: number
	): Promise<DenseStepper> {
		const engine = await createDenseEngine(spec, engineOptimizer(settings), batchSize);
		const stepper = new DenseStepper(engine, model, task, data);
		await stepper.loadModel();
		return stepper;
	}

	/** How many threads step the batches, and why: for the run record. */
	get threading(): { threads: number; threadsReason: string } {
		return threadingRecord(this.engine);
	}

	/** Lets the engine's helper threads go when the run (or the trial) is over. */
	release(): void {
		releaseDenseEngine(this.engine);
	}

	/** Which build of the engine's module runs the batches (relaxed SIMD or plain SIMD128). */
	get build(): string {
		return this.engine.build;
	}

	/** Takes the model's weights (at the start, and after a resume put a checkpoint's in). */
	async loadModel(): Promise<void> {
		const values = await Promise.all(this.model.getWeights().map((w) => w.data() as Promise<Float32Array>));
		const layers = [];
		for (let i = 0; i < values.length; i += 2) layers.push({ kernel: values[i]!, bias: values[i + 1]! });
		this.engine.setWeights(layers);
	}

	/** Puts the engine's weights into the model, before the loop reads the model. */
	syncModel(): void {
		const shapes = this.model.getWeights().map((w) => w.shape);
		const tensors = this.engine
			.getWeights()
			.flatMap(({ kernel, bias }) => [kernel, bias])
			.map((values, i) => tf.tensor(values, shapes[i]!, 'float32'));
		this.model.setWeights(tensors);
		tf.dispose(tensors);
	}

	/** The engine's optimizer state in TF.js's layout (optimizer-layout.ts), to save or to go on in TF.js. */
	readOptimizerState(settings: TrainSettings): OptimizerState {
		const names = this.model.trainableWeights.map((w) => w.name);
		return engineToOptimizerState(this.engine.readOptimizerState(), settings, names);
	}

	/** Puts a saved optimizer state (from either engine) into the engine, before the first step. */
	writeOptimizerState(state: OptimizerState, settings: TrainSettings): void {
		this.engine.writeOptimizerState(optimizerStateToEngine(state, settings, this.engine.spec.sizes));
	}

	startEpoch(order: Int32Array): void {
		this.order = order;
	}

	/** Trains rows order[begin .. begin + size); the batch's mean loss, then the metric's sums. */
	step(begin: number, size: number): Float64Array {
		const o = this.data.outputSize;
		const target = this.engine.fillBatch(this.data, this.order, begin, size);
		for (const { after, layer } of this.dropouts) {
			const width = this.engine.spec.sizes[after + 1]!;
			this.engine
				.maskBuffer(after, size)
				.set(dropoutMultipliers([size, width], layer.rate, layer.nextMaskSeed()));
		}
		const loss = this.engine.trainBuffered(size);
		// The outputs the loss was computed from (before this step's update), as TF.js's sums use.
		const predicted = this.engine.outputBuffer(size);
		if (this.task === 'classification') {
			let correct = 0;
			for (let i = 0; i < size; i++) {
				// One sigmoid output (binary cross-entropy): right on the target's side of ½, as batchSums has it.
				const right =
					o === 1
						? predicted[i]! > 0.5 === target[i]! > 0.5
						: argMax(predicted, i * o, o) === argMax(target, i * o, o);
				if (right) correct++;
			}
			return Float64Array.of(loss, correct);
		}
		const sums = new Float64Array(1 + o);
		sums[0] = loss;
		for (let i = 0; i < size * o; i++) {
			const e = predicted[i]! - target[i]!;
			sums[1 + (i % o)]! += e * e;
		}
		return sums;
	}
}

function argMax(values: Float32Array, start: number, count: number): number {
	let best = 0;
	for (let j = 1; j < count; j++) if (values[start + j]! > values[start + best]!) best = j;
	return best;
}
