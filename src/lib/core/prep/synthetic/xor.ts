// The XOR pattern: four quadrants, diagonal ones sharing a class. No single line, and no single feature,
// tells the classes apart.
import { addNoise, assemble, classLabel, noiseParam, rowsParam } from './columns.ts';
import { defineGenerator } from './define-generator.ts';

/** Quadrant signs in turn; alternate quadrants change class, so every four rows hold two of each. */
const QUADRANTS = [
	[1, 1, 0],
	[1, -1, 1],
	[-1, -1, 0],
	[-1, 1, 1]
] as const;

export const xor = defineGenerator({
	id: 'xor',
	name: 'XOR',
	description: 'Points in four quadrants; opposite quadrants share a class, so neither feature alone helps.',
	task: 'classification',
	params: [rowsParam(), noiseParam(0.1, 2, 'Standard deviation of Gaussian noise added to each coordinate.')],
	columnCount: () => 3,
	build(p, random) {
		const x1 = new Float64Array(p.n_samples);
		const x2 = new Float64Array(p.n_samples);
		const labels = new Array<string>(p.n_samples);
		for (let i = 0; i < p.n_samples; i++) {
			const [sign1, sign2, label] = QUADRANTS[i % 4]!;
			// 1 - next() is in (0, 1], so no point sits on an axis where its class would be ambiguous.
			x1[i] = sign1 * (1 - random.next());
			x2[i] = sign2 * (1 - random.next());
			labels[i] = classLabel(label);
		}
		addNoise([x1, x2], p.noise, random);
		return assemble({
			features: [x1, x2],
			target: { name: 'class', values: labels, type: 'category' },
			shuffle: random
		});
	}
});
