// Scoring a trained model on prepared rows, shared by a run (runTraining) and a cross-validation fold: the
// rows as k-means points, a network's outputs read asynchronously (a WebGPU device must never be read
// synchronously), and the metricsSummary of those outputs.
import * as tf from '@tensorflow/tfjs';
import { BenchtopError } from '../errors.ts';
import type { Points } from '../evaluate/clustering.ts';
import { metricsSummary } from '../evaluate/summary.ts';
import { readNumbers } from '../prep/recipe/table-ops.ts';
import type { PrepTable } from '../prep/recipe/types.ts';
import type { NetworkTask, TrainingArrays } from './training-data.ts';

/** The feature columns as row-major points; a missing value is refused with the step that fixes it. */
export function pointsOf(prepared: PrepTable, features: string[]): Points {
	const n = prepared.table.numRows();
	const data = new Float64Array(n * features.length);
	features.forEach((name, j) => {
		const values = readNumbers(prepared.table, name);
		for (let i = 0; i < n; i++) {
			const x = values[i]!;
			if (x !== x) {
				throw new BenchtopError(
					'bad-input',
					`${name} has missing values after the recipe: add an Impute step.`
				);
			}
			data[i * features.length + j] = x;
		}
	});
	return { data, width: features.length };
}

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
