// The k-scan chart: inertia and silhouette by k, the suggested k marked, unscored silhouettes left out.
import { describe, expect, it } from 'vitest';
import { kScanSpec } from '../../../src/lib/core/charts/index.ts';
import { compileStrict, renderSvg } from './render.ts';

const POINTS = [
	{ k: 1, inertia: 600, silhouette: null },
	{ k: 2, inertia: 220, silhouette: 0.58 },
	{ k: 3, inertia: 139.8, silhouette: 0.46 },
	{ k: 4, inertia: 114.1, silhouette: 0.39 },
	{ k: 5, inertia: 90.9, silhouette: 0.35 }
];

type Panel = { title: string; data: { values: { k: number; value: number }[] }; layer: unknown[] };

describe('kScanSpec', () => {
	it('draws inertia and silhouette by k, with the suggested k marked on both', async () => {
		const spec = kScanSpec(POINTS, 2)!;
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		const charts = (spec as { vconcat: Panel[] }).vconcat;
		expect(charts.map((c) => c.title)).toEqual([
			'Inertia (look for the elbow)',
			'Silhouette (higher is better)'
		]);
		expect(charts[0]!.data.values.map((v) => v.k)).toEqual([1, 2, 3, 4, 5]);
		// k = 1 has no silhouette: it is left out rather than drawn as 0.
		expect(charts[1]!.data.values).toEqual([
			{ k: 2, value: 0.58 },
			{ k: 3, value: 0.46 },
			{ k: 4, value: 0.39 },
			{ k: 5, value: 0.35 }
		]);
		// The line, the rule at the suggested k, and the ring around its point.
		expect(charts.every((c) => c.layer.length === 3)).toBe(true);
		expect(charts.map((c) => c.layer[2])).toMatchObject([
			{ transform: [{ filter: { field: 'k', equal: 2 } }] },
			{ transform: [{ filter: { field: 'k', equal: 2 } }] }
		]);
		// Both charts share the k axis, k = 1 included, so they line up though the silhouette has no k = 1.
		const xs = charts.map(
			(c) => (c.layer[0] as { encoding: { x: { scale: { domain: number[] } } } }).encoding.x
		);
		expect(xs.map((x) => x.scale.domain)).toEqual([
			[0.5, 5.5],
			[0.5, 5.5]
		]);
		const svg = await renderSvg(spec);
		expect(svg).toContain('Inertia');
		expect(svg).toContain('Silhouette');
	});

	it('has no silhouette chart or marker when none was scored, and no chart for no scan', () => {
		const spec = kScanSpec([{ k: 1, inertia: 600, silhouette: null }], null)!;
		const charts = (spec as { vconcat: Panel[] }).vconcat;
		expect(charts).toHaveLength(1);
		expect(charts[0]!.layer).toHaveLength(1);
		expect(compileStrict(spec).warnings).toEqual([]);
		expect(kScanSpec([], null)).toBeNull();
	});
});
