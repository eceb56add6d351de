// The baselines the Evaluate page compares a model against: a classifier that always answers the training
// set's majority class with its class frequencies as probabilities (scikit-learn's
// DummyClassifier(strategy='prior')), and a regressor that always answers the training mean
// (DummyRegressor(strategy='mean')). A model that cannot beat these has learned nothing useful.
import { BenchtopError } from '../errors.ts';
import { requireClassCount, requireLabels, requireSamples, type Labels } from './inputs.ts';
import { targetOutputs, type Targets } from './regression.ts';

export interface ClassificationBaseline {
	/** Index of the most frequent training class; ties go to the lower index, as in scikit-learn. */
	majorityClass: number;
	/** Training frequency of each class, in class-list order (0 for a class absent from training). */
	prior: Float64Array;
	/** The majority class for every test row. */
	predictions: Int32Array;
	/** Row-major n × k: every test row holds the prior. */
	proba: Float64Array;
}

export interface RegressionBaseline {
	/** Training mean of each output. */
	means: number[];
	/** One array per output, every test row holding that output's mean. */
	predictions: Float64Array[];
}

export function classificationBaseline(
	yTrain: Labels,
	yTest: Labels,
	classes: readonly string[]
): ClassificationBaseline {
	const k = classes.length;
	requireClassCount(k, 'Classification baseline');
	requireSamples(yTrain.length, 'Classification baseline (training labels)');
	requireLabels(yTrain, k, 'Classification baseline (training labels)');
	const prior = new Float64Array(k);
	for (let i = 0; i < yTrain.length; i++) prior[yTrain[i]!]!++;
	let majorityClass = 0;
	for (let c = 1; c < k; c++) if (prior[c]! > prior[majorityClass]!) majorityClass = c;
	for (let c = 0; c < k; c++) prior[c]! /= yTrain.length;
	const n = yTest.length;
	const proba = new Float64Array(n * k);
	for (let i = 0; i < n; i++) proba.set(prior, i * k);
	return { majorityClass, prior, predictions: new Int32Array(n).fill(majorityClass), proba };
}

export function regressionBaseline(yTrain: Targets, yTest: Targets): RegressionBaseline {
	const trains = targetOutputs(yTrain);
	const tests = targetOutputs(yTest);
	if (trains.length !== tests.length) {
		throw new BenchtopError(
			'bad-input',
			`Regression baseline: ${trains.length} training outputs but ${tests.length} test outputs.`
		);
	}
	const means = trains.map((column, o) => {
		requireSamples(column.length, `Regression baseline (training output ${o + 1})`);
		let sum = 0;
		for (let i = 0; i < column.length; i++) sum += column[i]!;
		return sum / column.length;
	});
	const predictions = means.map((m, o) => new Float64Array(tests[o]!.length).fill(m));
	return { means, predictions };
}
