import { describe, expect, it } from 'vitest';
import { clusterScatterSpec } from '../../../src/lib/core/charts/index.ts';
import { seeded } from './evaluation-fixtures.ts';
import { compileStrict, renderSvg } from './render.ts';

function clusterRows(n: number, k: number) {
	const random = seeded(11);
	const clusters = new Int32Array(n);
	const projection = new Float64Array(2 * n);
	for (let i = 0; i < n; i++) {
		clusters[i] = i % k;
		projection[2 * i] = 3 * (i % k) + random();
		projection[2 * i + 1] = random() - (i % k);
	}
	return { clusters, projection, explainedVariance: [0.73, 0.229] as [number, number] };
}

type Scatter = { data: { values: { pc1: number; pc2: number; cluster: string }[] } };

describe('clusterScatterSpec', () => {
	it('draws the rows on two principal components coloured by cluster, with the variance each keeps', async () => {
		const rows = clusterRows(30, 3);
		const spec = clusterScatterSpec(rows)!;
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		const values = (spec as unknown as Scatter).data.values;
		expect(values[4]).toEqual({ pc1: rows.projection[8], pc2: rows.projection[9], cluster: 'Cluster 2' });
		const svg = await renderSvg(spec);
		expect(svg).toContain('PC1 (73% of the variance)');
		expect(svg).toContain('Cluster 3');
	});

	it('samples a large split to a few thousand points and gives nothing without rows', () => {
		const spec = clusterScatterSpec(clusterRows(100_000, 4))!;
		expect((spec as unknown as Scatter).data.values).toHaveLength(3000);
		expect(JSON.stringify(spec)).toContain('4 clusters · 3,000 of 100,000 rows, evenly sampled');
		expect(clusterScatterSpec(clusterRows(0, 2))).toBeNull();
	});
});
