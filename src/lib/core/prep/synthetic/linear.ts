// A linear regression problem, as scikit-learn's make_regression: standard normal features, a few of
// them informative, the target a weighted sum plus bias and noise. The weights are returned as truth.
import { addNoise, assemble, noiseParam, rowsParam } from './columns.ts';
import { defineGenerator } from './define-generator.ts';
import { requireParams } from './params.ts';

export const linear = defineGenerator({
	id: 'linear',
	name: 'Linear regression',
	description:
		'A target that is a weighted sum of some of the features plus noise: where linear models shine.',
	task: 'regression',
	params: [
		rowsParam(),
		{
			key: 'n_features',
			label: 'Features',
			short: 'features',
			kind: 'int',
			min: 1,
			max: 50,
			step: 1,
			default: 5
		},
		{
			key: 'n_informative',
			label: 'Informative features',
			short: 'informative',
			kind: 'int',
			min: 0,
			max: 50,
			step: 1,
			default: 3,
			help: 'How many features the target depends on; the rest are noise a model should learn to ignore.'
		},
		noiseParam(10, 1000, 'Standard deviation of Gaussian noise added to the target; weights are up to 100.'),
		{ key: 'bias', label: 'Bias', short: 'bias', kind: 'number', min: -1000, max: 1000, step: 1, default: 0 }
	],
	columnCount: (p) => p.n_features + 1,
	check(p) {
		requireParams(
			p.n_informative <= p.n_features,
			`Informative features (${p.n_informative}) cannot be more than features (${p.n_features}).`
		);
	},
	build(p, random) {
		const features = Array.from({ length: p.n_features }, () => new Float64Array(p.n_samples));
		for (let i = 0; i < p.n_samples; i++) {
			for (const column of features) column[i] = random.normal();
		}
		// Weights in [0, 100) as scikit-learn draws them; which columns carry them is shuffled too.
		const coefficients = Array.from({ length: p.n_features }, (_, j) =>
			j < p.n_informative ? 100 * random.next() : 0
		);
		random.shuffle(coefficients);
		const y = new Float64Array(p.n_samples).fill(p.bias);
		features.forEach((column, j) => {
			const weight = coefficients[j]!;
			if (weight !== 0) for (let i = 0; i < p.n_samples; i++) y[i] = y[i]! + weight * column[i]!;
		});
		addNoise([y], p.noise, random);
		// Rows are independent draws already; shuffling them would change nothing.
		return assemble({
			features,
			target: { name: 'y', values: y, type: 'number' },
			truth: { coefficients, bias: p.bias },
			shuffle: null
		});
	}
});
