// A circle inside a circle, as scikit-learn's make_circles: separable only by distance from the centre.
import { addNoise, assemble, classLabel, linspace, noiseParam, rowsParam } from './columns.ts';
import { defineGenerator } from './define-generator.ts';

export const circles = defineGenerator({
	id: 'circles',
	name: 'Circles',
	description:
		'A small circle inside a large one, one per class: the classes differ only in distance from the centre.',
	task: 'classification',
	params: [
		rowsParam(),
		noiseParam(0.05, 2, 'Standard deviation of Gaussian noise added to each coordinate.'),
		{
			key: 'factor',
			label: 'Inner radius (factor)',
			short: 'factor',
			kind: 'number',
			min: 0,
			max: 0.99,
			step: 0.01,
			default: 0.5,
			help: 'Radius of the inner circle; the outer circle has radius 1.'
		}
	],
	columnCount: () => 3,
	build(p, random) {
		const outer = Math.floor(p.n_samples / 2);
		const inner = p.n_samples - outer;
		const x1 = new Float64Array(p.n_samples);
		const x2 = new Float64Array(p.n_samples);
		const labels = new Array<string>(p.n_samples);
		// Without the end point, as scikit-learn: 0 and 2π are the same place on a circle.
		linspace(0, 2 * Math.PI, outer, false).forEach((angle, i) => {
			x1[i] = Math.cos(angle);
			x2[i] = Math.sin(angle);
			labels[i] = classLabel(0);
		});
		linspace(0, 2 * Math.PI, inner, false).forEach((angle, i) => {
			x1[outer + i] = p.factor * Math.cos(angle);
			x2[outer + i] = p.factor * Math.sin(angle);
			labels[outer + i] = classLabel(1);
		});
		addNoise([x1, x2], p.noise, random);
		return assemble({
			features: [x1, x2],
			target: { name: 'class', values: labels, type: 'category' },
			shuffle: random
		});
	}
});
