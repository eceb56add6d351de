// The TF.js optimizer a run's settings name. Every one is TF.js's own with its defaults, but AdamW, which
// TF.js lacks (adamw.ts).
import * as tf from '@tensorflow/tfjs';
import { AdamWOptimizer } from './adamw.ts';
import { NUMBER_SETTINGS } from './settings.ts';
import type { TrainSettings } from './types.ts';

export function createOptimizer(
	settings: Pick<TrainSettings, 'optimizer' | 'learningRate' | 'momentum' | 'weightDecay'>
): tf.Optimizer {
	const rate = settings.learningRate;
	switch (settings.optimizer) {
		case 'adam':
			return tf.train.adam(rate);
		case 'adamw':
			return new AdamWOptimizer(rate, settings.weightDecay ?? NUMBER_SETTINGS.weightDecay.default);
		case 'sgd':
			return settings.momentum > 0 ? tf.train.momentum(rate, settings.momentum) : tf.train.sgd(rate);
		case 'rmsprop':
			return tf.train.rmsprop(rate);
	}
}
