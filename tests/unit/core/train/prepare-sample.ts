// Test helper: a sample table split (stratified for classes), a recipe fitted on the training rows, and the
// three splits as training arrays; plus a small seeded MLP built inline (buildNetwork lives elsewhere).
import * as tf from '@tensorflow/tfjs';
import { applyRecipe, fitRecipe, type RecipeStep } from '../../../../src/lib/core/prep/recipe/index.ts';
import { takeRows } from '../../../../src/lib/core/table/take-rows.ts';
import { splitRows } from '../../../../src/lib/core/prep/split/index.ts';
import {
	toTrainingArrays,
	type NetworkTask,
	type TrainingArrays
} from '../../../../src/lib/core/train/training-data.ts';
import { loadSample } from '../data/profile/load-sample.ts';

export interface PreparedSample {
	train: TrainingArrays;
	validation: TrainingArrays;
	test: TrainingArrays;
	features: string[];
}

export function prepareSample(
	file: string,
	target: string,
	task: NetworkTask,
	steps: Omit<RecipeStep, 'enabled'>[],
	seed = 42
): PreparedSample {
	const table = loadSample(file);
	const split = splitRows(
		table,
		task === 'classification' ? { method: 'stratified', column: target, seed } : { seed }
	);
	const trainTable = takeRows(table, split.train);
	const fitted = fitRecipe({ version: 1, steps: steps.map((s) => ({ ...s, enabled: true })) }, trainTable);
	const features = fitted.outputSchema.map((c) => c.name).filter((name) => name !== target);
	const prepare = (rows: Uint32Array, classes?: string[]) =>
		toTrainingArrays(applyRecipe(fitted, takeRows(table, rows), 'evaluate'), {
			features,
			targets: [target],
			task,
			classes
		});
	const train = prepare(split.train);
	return {
		train,
		validation: prepare(split.validation, train.classes),
		test: prepare(split.test, train.classes),
		features
	};
}

/** Dense layers with seeded Glorot weights (zero biases), softmax out for classes, linear for regression. */
export function buildMlp(
	inputs: number,
	outputs: number,
	task: NetworkTask,
	{ hidden = [16], seed = 1, l2 = 0 }: { hidden?: number[]; seed?: number; l2?: number } = {}
): tf.Sequential {
	const model = tf.sequential();
	const regularizer = l2 > 0 ? tf.regularizers.l2({ l2 }) : undefined;
	hidden.forEach((units, i) =>
		model.add(
			tf.layers.dense({
				units,
				activation: 'relu',
				kernelInitializer: tf.initializers.glorotUniform({ seed: seed + i }),
				kernelRegularizer: regularizer,
				...(i === 0 ? { inputShape: [inputs] } : {})
			})
		)
	);
	model.add(
		tf.layers.dense({
			units: outputs,
			activation: task === 'classification' ? 'softmax' : 'linear',
			kernelInitializer: tf.initializers.glorotUniform({ seed: seed + hidden.length }),
			...(hidden.length === 0 ? { inputShape: [inputs] } : {})
		})
	);
	return model;
}

/** Share of rows whose most probable class is the true one. */
export function accuracyOf(model: tf.LayersModel, data: TrainingArrays): number {
	return tf.tidy(() => {
		const predicted = (model.predict(tf.tensor2d(data.x, [data.n, data.featureCount])) as tf.Tensor).argMax(
			-1
		);
		const labels = predicted.dataSync();
		let right = 0;
		for (let i = 0; i < data.n; i++) if (labels[i] === data.labels![i]) right++;
		return right / data.n;
	});
}

/** R² of the model's predictions on one-target regression data. */
export function r2Of(model: tf.LayersModel, data: TrainingArrays): number {
	return tf.tidy(() => {
		const predicted = (
			model.predict(tf.tensor2d(data.x, [data.n, data.featureCount])) as tf.Tensor
		).dataSync();
		const mean = data.y.reduce((a, b) => a + b, 0) / data.n;
		let residual = 0;
		let total = 0;
		for (let i = 0; i < data.n; i++) {
			residual += (data.y[i]! - predicted[i]!) ** 2;
			total += (data.y[i]! - mean) ** 2;
		}
		return 1 - residual / total;
	});
}

/** wine.csv's 13 measurements (every column but the cultivar). */
export const WINE = [
	'alcohol',
	'malic_acid',
	'ash',
	'alcalinity_of_ash',
	'magnesium',
	'total_phenols',
	'flavanoids',
	'nonflavanoid_phenols',
	'proanthocyanins',
	'color_intensity',
	'hue',
	'od280_od315',
	'proline'
];

export const SCALE_ALL = (columns: string[]) => ({ op: 'scale', params: { columns } });
