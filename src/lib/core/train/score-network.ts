// Scoring a trained network on prepared rows, shared by a run (runTraining) and a cross-validation fold: its
// outputs read asynchronously (a WebGPU device must never be read synchronously) and their metricsSummary.
import * as tf from '@tensorflow/tfjs';
import { metricsSummary } from '../metrics/summary.ts';
import type { NetworkTask, TrainingArrays } from './training-data.ts';

/** The model's outputs for every row, row-major. */
export async function predictArrays(model: tf.LayersModel, data: TrainingArrays): Promise<Float32Array> {
	const input = tf.tensor2d(data.x, [data.n, data.featureCount]);
	const output = model.predict(input) as tf.Tensor;
	try {
		return (await output.data()) as Float32Array;
	} finally {
		tf.dispose([input, output]);
	}
}

/** A row-major n × width array as one column per output. */
export function outputColumns(values: ArrayLike<number>, n: number, width: number): Float64Array[] {
	return Array.from({ length: width }, (_, j) =>
		Float64Array.from({ length: n }, (_, i) => values[i * width + j]!)
	);
}

/** The metricsSummary of the model on `data`; undefined when there are no rows. */
export async function scoreNetwork(
	model: tf.LayersModel,
	task: NetworkTask,
	data: TrainingArrays,
	targets: readonly string[]
) {
	if (data.n === 0) return undefined;
	const output = await predictArrays(model, data);
	return task === 'classification'
		? metricsSummary({ task, classes: data.classes, yTrue: data.labels!, proba: output })
		: metricsSummary({
				task,
				targets,
				yTrue: outputColumns(data.y, data.n, data.outputSize),
				yPred: outputColumns(output, data.n, data.outputSize)
			});
}
