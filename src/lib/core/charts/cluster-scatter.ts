// Clusters in two dimensions: each row projected on the first two principal components, coloured by the
// cluster the model gave it. Axis titles say how much of the variance each component keeps, since a flat
// projection can hide a separation the model sees. Large splits are drawn from an even sample.
import type { TopLevelSpec } from 'vega-lite';
import { evenSample } from './evaluation-points.ts';
import { outputSubtitle } from './predicted-vs-actual.ts';
import { baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

export interface ClusterRows {
	clusters: ArrayLike<number>;
	/** Row-major n × 2. */
	projection: ArrayLike<number>;
	explainedVariance: readonly [number, number];
}

export function clusterScatterSpec(
	input: ClusterRows,
	options: ChartOptions & { maxPoints?: number; title?: string } = {}
): TopLevelSpec | null {
	const n = input.clusters.length;
	if (n === 0) return null;
	const values: { pc1: number; pc2: number; cluster: string }[] = [];
	for (const i of evenSample(n, options.maxPoints ?? 3000)) {
		const pc1 = input.projection[2 * i]!;
		const pc2 = input.projection[2 * i + 1]!;
		if (Number.isFinite(pc1) && Number.isFinite(pc2)) {
			values.push({ pc1, pc2, cluster: `Cluster ${input.clusters[i]! + 1}` });
		}
	}
	const clusterCount = new Set(Array.from(input.clusters)).size;
	const names = [...new Set(values.map((v) => v.cluster))].sort((a, b) =>
		a.localeCompare(b, 'en', { numeric: true })
	);
	const share = (x: number) => `${(x * 100).toFixed(0)}% of the variance`;
	return {
		...baseSpec(options),
		...CONTAINER_WIDTH,
		height: 300,
		// Short lines: vega does not wrap titles, and the chart must read on a phone.
		title: {
			text: options.title ?? 'Clusters',
			subtitle: [
				'On the first two principal components',
				`${clusterCount} clusters · ${outputSubtitle(values.length, n)}`
			]
		},
		data: { values },
		mark: { type: 'point', filled: true, size: 22, opacity: 0.7, tooltip: true },
		encoding: {
			x: {
				field: 'pc1',
				type: 'quantitative',
				title: `PC1 (${share(input.explainedVariance[0])})`,
				scale: { zero: false }
			},
			y: {
				field: 'pc2',
				type: 'quantitative',
				title: `PC2 (${share(input.explainedVariance[1])})`,
				scale: { zero: false }
			},
			color: { field: 'cluster', type: 'nominal', title: null, scale: { domain: names } },
			shape: { field: 'cluster', type: 'nominal', scale: { domain: names }, legend: null },
			tooltip: [
				{ field: 'cluster', type: 'nominal', title: 'Cluster' },
				{ field: 'pc1', type: 'quantitative', title: 'PC1', format: '.3f' },
				{ field: 'pc2', type: 'quantitative', title: 'PC2', format: '.3f' }
			]
		}
	} as TopLevelSpec;
}
