// Friedman #1, as scikit-learn's make_friedman1: ten uniform features of which only five matter, mixed
// through a sine, a square and two linear terms. A standard test of non-linear regression.
import { addNoise, assemble, noiseParam, rowsParam } from './columns.ts';
import { defineGenerator } from './define-generator.ts';

const FEATURES = 10;

export const friedman1 = defineGenerator({
	id: 'friedman1',
	name: 'Friedman #1',
	description:
		'y = 10 sin(π x1 x2) + 20 (x3 − 0.5)² + 10 x4 + 5 x5 + noise, with x6 to x10 irrelevant: non-linear regression.',
	task: 'regression',
	params: [rowsParam(), noiseParam(1, 10, 'Standard deviation of Gaussian noise added to the target.')],
	columnCount: () => FEATURES + 1,
	build(p, random) {
		const x = Array.from({ length: FEATURES }, () => new Float64Array(p.n_samples));
		for (let i = 0; i < p.n_samples; i++) {
			for (const column of x) column[i] = random.next();
		}
		const [x1, x2, x3, x4, x5] = x as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
		const y = new Float64Array(p.n_samples);
		for (let i = 0; i < p.n_samples; i++) {
			y[i] = 10 * Math.sin(Math.PI * x1[i]! * x2[i]!) + 20 * (x3[i]! - 0.5) ** 2 + 10 * x4[i]! + 5 * x5[i]!;
		}
		addNoise([y], p.noise, random);
		return assemble({ features: x, target: { name: 'y', values: y, type: 'number' }, shuffle: null });
	}
});
