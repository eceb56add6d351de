// The figures an epoch reports: loss and accuracy (classification) or R² (regression), for the training
// rows as they went by during the epoch (as Keras reports them) and for the validation rows at its end.
// Batches hand back small sums as one tensor, read asynchronously, so a GPU is never waited on in a loop.
import * as tf from '@tensorflow/tfjs';
import { regularizationPenalty, sampleLosses } from './batch-loss.ts';
import { classScores, type ClassScores } from './class-scores.ts';
import type { TrainLoss } from './loss-choice.ts';
import type { NetworkTask, TrainingArrays } from './training-data.ts';

/** Rows per forward pass when evaluating: bounds memory on large validation sets. */
const EVALUATION_CHUNK = 4096;

/** [loss, correct rows] for classification, [loss, squared error per output…] for regression. A one-column
 * classifier (a sigmoid trained on binary cross-entropy) is right where it is on the target's side of ½. */
export function batchSums(
	task: NetworkTask,
	loss: tf.Scalar,
	yTrue: tf.Tensor,
	yPred: tf.Tensor
): tf.Tensor1D {
	return tf.tidy(() => {
		const sigmoid = yPred.shape[yPred.rank - 1] === 1;
		const second =
			task !== 'classification'
				? tf.sum(tf.square(tf.sub(yPred, yTrue)), 0).reshape([-1])
				: sigmoid
					? tf.sum(tf.cast(tf.equal(tf.greater(yPred, 0.5), tf.greater(yTrue, 0.5)), 'float32')).reshape([1])
					: tf.sum(tf.cast(tf.equal(tf.argMax(yPred, -1), tf.argMax(yTrue, -1)), 'float32')).reshape([1]);
		return tf.concat([loss.reshape([1]), second]) as tf.Tensor1D;
	});
}

/** Adds up what the batches of one epoch report, and turns it into the epoch's loss and metric. */
export class EpochSums {
	private rows = 0;
	private lossSum = 0;
	private readonly sums: Float64Array;

	constructor(
		private readonly task: NetworkTask,
		private readonly totalSquares: Float64Array
	) {
		this.sums = new Float64Array(task === 'classification' ? 1 : totalSquares.length);
	}

	/** `values` as batchSums gives them, with the batch's mean loss; `rows` is the batch size. */
	add(values: ArrayLike<number>, rows: number): void {
		this.lossSum += values[0]! * rows;
		for (let i = 0; i < this.sums.length; i++) this.sums[i]! += values[i + 1]!;
		this.rows += rows;
	}

	get loss(): number {
		return this.lossSum / this.rows;
	}

	get metric(): number | undefined {
		return metricFromSums(this.task, this.sums, this.rows, this.totalSquares);
	}
}

/** Accuracy, or R² averaged over the outputs (scikit-learn's 'uniform_average'); undefined when every
 * target is constant, where R² has no meaning. `sums` are batchSums' values after the loss. */
function metricFromSums(
	task: NetworkTask,
	sums: ArrayLike<number>,
	rows: number,
	totalSquares: Float64Array
): number | undefined {
	if (task === 'classification') return sums[0]! / rows;
	let sum = 0;
	let outputs = 0;
	totalSquares.forEach((total, j) => {
		if (total <= 0) return;
		sum += 1 - sums[j]! / total;
		outputs++;
	});
	return outputs > 0 ? sum / outputs : undefined;
}

/** Per output, the sum of squares around its mean: R²'s denominator. Empty for classification. */
export function totalSumsOfSquares(task: NetworkTask, data: TrainingArrays): Float64Array {
	if (task === 'classification') return new Float64Array(0);
	const m = data.outputSize;
	const mean = new Float64Array(m);
	for (let i = 0; i < data.n; i++) for (let j = 0; j < m; j++) mean[j]! += data.y[i * m + j]!;
	for (let j = 0; j < m; j++) mean[j]! /= data.n;
	const total = new Float64Array(m);
	for (let i = 0; i < data.n; i++) {
		for (let j = 0; j < m; j++) total[j]! += (data.y[i * m + j]! - mean[j]!) ** 2;
	}
	return total;
}

export interface DeviceArrays {
	x: tf.Tensor;
	y: tf.Tensor;
	n: number;
}

/** Per class, [rows predicted right, rows predicted as it, rows that are it] (class-scores.ts), flattened
 * class by class. A one-column classifier's classes are "below ½" and "above ½". */
function classSums(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor1D {
	return tf.tidy(() => {
		const columns = yPred.shape[yPred.rank - 1]!;
		const [predicted, actual] =
			columns === 1
				? [yPred, yTrue].map((t) => {
						const above = tf.cast(tf.greater(t, 0.5), 'float32');
						return tf.concat([tf.sub(1, above), above], -1);
					})
				: [tf.oneHot(tf.argMax(yPred, -1), columns).toFloat(), yTrue];
		const right = tf.sum(tf.mul(predicted!, actual!), 0);
		return tf.stack([right, tf.sum(predicted!, 0), tf.sum(actual!, 0)], 1).reshape([-1]) as tf.Tensor1D;
	});
}

/**
 * Loss (with the L2 penalty, as Keras's val_loss has it) and metric of the model, in inference mode;
 * with `scores`, a classifier's macro F1 too (for a search that selects on it).
 */
export async function evaluateModel(
	model: tf.LayersModel,
	task: NetworkTask,
	data: DeviceArrays,
	totalSquares: Float64Array,
	loss?: TrainLoss,
	scores = false
): Promise<{ loss: number; metric?: number; scores?: ClassScores }> {
	const counting = scores && task === 'classification';
	let total: tf.Tensor1D | null = null;
	// Kept across chunks in an object: the tidy below adds to it.
	const counts: { sums: tf.Tensor | null } = { sums: null };
	for (let start = 0; start < data.n; start += EVALUATION_CHUNK) {
		const size = Math.min(EVALUATION_CHUNK, data.n - start);
		const chunk = tf.tidy(() => {
			const x = data.x.slice(start, size);
			const y = data.y.slice(start, size);
			const predicted = model.apply(x, { training: false }) as tf.Tensor;
			// Summed here and divided at the end, so chunks of different sizes weigh by their rows.
			const sums = batchSums(task, tf.sum(sampleLosses(task, y, predicted, loss)), y, predicted);
			if (counting) {
				const classes = classSums(y, predicted);
				const before = counts.sums;
				counts.sums = tf.keep(before ? tf.add(before, classes) : classes);
				before?.dispose();
			}
			return total ? tf.add(total, sums) : sums;
		}) as tf.Tensor1D;
		total?.dispose();
		total = chunk;
	}
	const penalty = tf.tidy(() => regularizationPenalty(model) ?? tf.scalar(0));
	const [values, penaltyValue, countValues] = await Promise.all([
		total!.data(),
		penalty.data(),
		counts.sums ? counts.sums.data() : Promise.resolve(null)
	]);
	total!.dispose();
	penalty.dispose();
	counts.sums?.dispose();
	const classes = countValues ? countValues.length / 3 : 0;
	const perClass = (offset: number) =>
		Array.from({ length: classes }, (_, c) => countValues![c * 3 + offset]!);
	const scored = countValues
		? classScores({ correct: perClass(0), predicted: perClass(1), actual: perClass(2) })
		: undefined;
	return {
		loss: values[0]! / data.n + penaltyValue[0]!,
		metric: metricFromSums(task, values.subarray(1), data.n, totalSquares),
		...(scored ? { scores: scored } : {})
	};
}
