// Interleaved spiral arms, one per class: the standard test that a model can bend its boundary a lot.
// scikit-learn has no make_spirals; this follows the usual construction (radius grows with the angle).
import { addNoise, assemble, classLabel, classSizes, noiseParam, rowsParam } from './columns.ts';
import { defineGenerator } from './define-generator.ts';

/** Each arm winds one and a half times round the centre. */
const TURNS = 1.5;

export const spirals = defineGenerator({
	id: 'spirals',
	name: 'Spirals',
	description: 'Two or three spiral arms wound round each other, one per class: hard for simple models.',
	task: 'classification',
	params: [
		rowsParam(),
		{ key: 'classes', label: 'Arms', short: 'arms', kind: 'int', min: 2, max: 3, step: 1, default: 2 },
		noiseParam(
			0.05,
			1,
			'Standard deviation of Gaussian noise added to each coordinate; the arms reach radius 1.'
		)
	],
	columnCount: () => 3,
	build(p, random) {
		const x1 = new Float64Array(p.n_samples);
		const x2 = new Float64Array(p.n_samples);
		const labels = new Array<string>(p.n_samples);
		let row = 0;
		classSizes(p.n_samples, p.classes).forEach((size, k) => {
			for (let i = 0; i < size; i++, row++) {
				// t runs from near the centre out to radius 1; the arms are spaced evenly round the circle.
				const t = (i + 1) / size;
				const angle = 2 * Math.PI * (TURNS * t + k / p.classes);
				x1[row] = t * Math.cos(angle);
				x2[row] = t * Math.sin(angle);
				labels[row] = classLabel(k);
			}
		});
		addNoise([x1, x2], p.noise, random);
		return assemble({
			features: [x1, x2],
			target: { name: 'class', values: labels, type: 'category' },
			shuffle: random
		});
	}
});
