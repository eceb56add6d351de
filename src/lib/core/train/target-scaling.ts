// Regression targets are trained on in standard units (mean 0, spread 1, from the training rows) and the
// scaling is then folded into the output layer's weights, so the saved model predicts in the target's
// own units. Without it, a target in the hundreds (linnerud's Weight) swamps the loss and the early
// epochs, and a default network learns little; with it, every target weighs the same in a multi-output
// loss. The history's losses are in standard units; R² does not depend on the units.
// `targetScaling: 'none'` (a setting, and a search field) trains on the target's own units instead, as
// scikit-learn's MLPRegressor does, and its history's losses are in those units: a target in the hundreds
// then takes many epochs to reach, which brakes a small learning rate hard (diabetes, 128 relu units at
// 2.8e-4, batch 16, 500 epochs, no early stopping: test R² 0.48-0.50 in the target's units against
// 0.38-0.40 standardised, 3 seeds each; scikit-learn's own MLPRegressor 0.48-0.49 and 0.33-0.46).
import * as tf from '@tensorflow/tfjs';
import type { TrainingArrays } from './training-data.ts';
import type { TrainSettings } from './types.ts';

/** Whether a run of this task with these settings trains on standardised targets. */
export function scalesTargets(task: string, settings: Pick<TrainSettings, 'targetScaling'>): boolean {
	return task !== 'classification' && settings.targetScaling !== 'none';
}

export interface TargetScale {
	mean: Float64Array;
	std: Float64Array;
}

/** Per output: the training rows' mean and population spread (1 for a constant target). */
export function fitTargetScale(data: TrainingArrays): TargetScale {
	const k = data.outputSize;
	const mean = new Float64Array(k);
	const std = new Float64Array(k);
	for (let j = 0; j < k; j++) {
		let sum = 0;
		for (let i = 0; i < data.n; i++) sum += data.y[i * k + j]!;
		mean[j] = data.n ? sum / data.n : 0;
		let squares = 0;
		for (let i = 0; i < data.n; i++) squares += (data.y[i * k + j]! - mean[j]!) ** 2;
		const spread = data.n ? Math.sqrt(squares / data.n) : 0;
		std[j] = spread > 0 ? spread : 1;
	}
	return { mean, std };
}

/** The same arrays with the targets in standard units. */
export function scaleTargets(data: TrainingArrays, scale: TargetScale): TrainingArrays {
	const k = data.outputSize;
	const y = Float32Array.from(
		data.y,
		(value, index) => (value - scale.mean[index % k]!) / scale.std[index % k]!
	);
	return { ...data, y };
}

/** Folds the scaling into the last (linear, dense) layer: kernel columns × std, bias × std + mean. */
export function foldTargetScale(model: tf.LayersModel, scale: TargetScale): void {
	const output = model.layers[model.layers.length - 1]!;
	const [kernel, bias] = output.getWeights();
	const std = tf.tensor1d(Float32Array.from(scale.std));
	const mean = tf.tensor1d(Float32Array.from(scale.mean));
	const scaled = tf.tidy(() => [tf.mul(kernel!, std), tf.add(tf.mul(bias!, std), mean)]);
	output.setWeights(scaled);
	for (const t of [std, mean, ...scaled]) t.dispose();
}
