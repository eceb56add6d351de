// Two interleaving half circles, as scikit-learn's make_moons: the classic data a straight line cannot
// separate.
import { addNoise, assemble, classLabel, linspace, noiseParam, rowsParam } from './columns.ts';
import { defineGenerator } from './define-generator.ts';

export const moons = defineGenerator({
	id: 'moons',
	name: 'Moons',
	description: 'Two interleaving half circles, one per class: no straight line separates them.',
	task: 'classification',
	params: [rowsParam(), noiseParam(0.1, 2, 'Standard deviation of Gaussian noise added to each coordinate.')],
	columnCount: () => 3,
	build(p, random) {
		// The outer moon gets the smaller half when n_samples is odd, as in scikit-learn.
		const outer = Math.floor(p.n_samples / 2);
		const inner = p.n_samples - outer;
		const x1 = new Float64Array(p.n_samples);
		const x2 = new Float64Array(p.n_samples);
		const labels = new Array<string>(p.n_samples);
		linspace(0, Math.PI, outer).forEach((angle, i) => {
			x1[i] = Math.cos(angle);
			x2[i] = Math.sin(angle);
			labels[i] = classLabel(0);
		});
		linspace(0, Math.PI, inner).forEach((angle, i) => {
			x1[outer + i] = 1 - Math.cos(angle);
			x2[outer + i] = 1 - Math.sin(angle) - 0.5;
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
