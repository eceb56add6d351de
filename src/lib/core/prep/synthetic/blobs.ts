// Gaussian blobs, as scikit-learn's make_blobs: cluster centres drawn in a box, points scattered round
// each with the same spread.
import { assemble, classSizes, rowsParam } from './columns.ts';
import { defineGenerator } from './define-generator.ts';
import { requireParams } from './params.ts';

/** scikit-learn's default center_box. */
const CENTER_BOX = [-10, 10] as const;

export const blobs = defineGenerator({
	id: 'blobs',
	name: 'Blobs',
	description:
		'Round clusters of points around random centres: the simplest clustering and classification data.',
	task: 'classification',
	params: [
		rowsParam(),
		{
			key: 'centers',
			label: 'Clusters',
			short: 'clusters',
			kind: 'int',
			min: 1,
			max: 20,
			step: 1,
			default: 3
		},
		{
			key: 'n_features',
			label: 'Features',
			short: 'features',
			kind: 'int',
			min: 1,
			max: 50,
			step: 1,
			default: 2
		},
		{
			key: 'cluster_std',
			label: 'Cluster spread (std)',
			short: 'std',
			kind: 'number',
			min: 0,
			max: 20,
			step: 0.1,
			default: 1,
			help: 'Standard deviation of each cluster; centres lie in a box from −10 to 10.'
		}
	],
	columnCount: (p) => p.n_features + 1,
	check(p) {
		requireParams(
			p.n_samples >= p.centers,
			`Blobs needs at least one row per cluster (${p.centers} clusters).`
		);
	},
	build(p, random) {
		const centers = Array.from({ length: p.centers }, () =>
			Array.from({ length: p.n_features }, () => random.uniform(CENTER_BOX[0], CENTER_BOX[1]))
		);
		const features = Array.from({ length: p.n_features }, () => new Float64Array(p.n_samples));
		const labels = new Array<string>(p.n_samples);
		let row = 0;
		classSizes(p.n_samples, p.centers).forEach((size, k) => {
			const center = centers[k]!;
			for (let i = 0; i < size; i++, row++) {
				for (let j = 0; j < p.n_features; j++) features[j]![row] = random.normal(center[j], p.cluster_std);
				labels[row] = `c${k}`;
			}
		});
		return assemble({
			features,
			target: { name: 'cluster', values: labels, type: 'category' },
			truth: { centers },
			shuffle: random
		});
	}
});
