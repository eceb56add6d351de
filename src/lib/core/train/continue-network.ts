// The network half of continuing a saved model (continue-from.ts): the parent's weights put back into a
// freshly built network of its spec, and the parent scored on the child's test rows so the two sets of
// metrics stand side by side on the same rows.
import type * as tf from '@tensorflow/tfjs';
import { buildNetwork } from '../models/build-network.ts';
import type { NetworkSpec } from '../models/types.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { continueCheckpoint, layersWeights, unfoldTargetScale, type ContinueFrom } from './continue-from.ts';
import { scoreNetwork } from './score-network.ts';
import { unfoldSigmoidState, unfoldSigmoidWeights } from './sigmoid-head.ts';
import type { TargetScale } from './target-scaling.ts';
import type { TrainCheckpoint } from './train-checkpoint.ts';
import { weightTensors } from './train-checkpoint.ts';
import { toTrainingArrays, type NetworkTask, type TrainingShape } from './training-data.ts';

/** The parent's weights as a network's artifact holds them; refused when the parent is not a network. */
async function parentWeights(init: ContinueFrom): Promise<Float32Array[]> {
	if (init.artifact.kind !== 'layers') {
		throw new Error(`A network cannot start from a ${init.artifact.kind} model's artifact.`);
	}
	return layersWeights(init.artifact);
}

/**
 * Where the continued network starts: the parent's weights (the target scaling taken back out for
 * regression; the two-class softmax head unfolded into one sigmoid output for a `sigmoid` run, which trains
 * on binary cross-entropy) and optimizer state at its kept epoch. `model` is only checked against them here.
 */
export async function continuedStart(
	model: tf.LayersModel,
	init: ContinueFrom,
	scale: TargetScale | null,
	sameData: boolean,
	sigmoid = false
): Promise<TrainCheckpoint> {
	const parent = await parentWeights(init);
	const saved = sigmoid ? unfoldSigmoidWeights(parent) : parent;
	// Refuses weights of another architecture with the loop's own message, before any training.
	const check = weightTensors(model, saved);
	check.forEach((t) => t.dispose());
	const start = continueCheckpoint(init, scale ? unfoldTargetScale(saved, scale) : saved, sameData);
	if (!sigmoid || !start.optimizer) return start;
	return { ...start, optimizer: unfoldSigmoidState(start.optimizer, model.trainableWeights.length) };
}

/** The parent, as saved, scored on `rows` (the test split through the parent's fitted recipe). */
export async function scoreParentNetwork(
	init: ContinueFrom,
	rows: PrepTable,
	shape: TrainingShape,
	seed: number
): Promise<Record<string, unknown> | undefined> {
	const data = toTrainingArrays(rows, shape);
	if (data.n === 0) return undefined;
	const saved = await parentWeights(init);
	const model = buildNetwork(
		init.run.spec as NetworkSpec,
		{ inputSize: data.featureCount, outputSize: data.outputSize },
		seed
	);
	try {
		const tensors = weightTensors(model, saved);
		model.setWeights(tensors);
		tensors.forEach((t) => t.dispose());
		const summary = await scoreNetwork(model, shape.task as NetworkTask, data, shape.targets);
		return summary && { ...summary, rows: data.n };
	} finally {
		model.dispose();
	}
}
