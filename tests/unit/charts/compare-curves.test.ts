import { describe, expect, it } from 'vitest';
import { compareCurvesSpec } from '../../../src/lib/core/charts/compare-curves.ts';
import { compileStrict, renderSvg } from './render.ts';

const FAST = [
	{ epoch: 1, loss: 0.9, metric: 0.6, valLoss: 0.8, valMetric: 0.65 },
	{ epoch: 2, loss: 0.4, metric: 0.9, valLoss: 0.45, valMetric: 0.88 }
];
const SLOW = [
	{ epoch: 1, loss: 1.1, metric: 0.4, valLoss: 1.05, valMetric: 0.42 },
	{ epoch: 2, loss: 0.9, metric: 0.55, valLoss: 0.95, valMetric: 0.5 },
	{ epoch: 3, loss: 0.7, metric: 0.7, valLoss: Number.NaN, valMetric: 0.66 }
];

describe('compareCurvesSpec', () => {
	it('overlays each run’s loss and metric, one colour per run, validation solid and training dashed', async () => {
		const spec = compareCurvesSpec(
			[
				{ label: '1 · 20 epochs', history: FAST },
				{ label: '2 · 50 epochs', history: SLOW }
			],
			{ metricLabel: 'Accuracy' }
		)!;
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		const charts = (
			spec as { vconcat: { title: string; data: { values: { run: string; split: string }[] } }[] }
		).vconcat;
		expect(charts.map((c) => c.title)).toEqual(['Loss', 'Accuracy']);
		// 2 + 3 training points and 2 + 2 validation points: the NaN validation loss is left out.
		expect(charts[0]!.data.values).toHaveLength(9);
		expect(
			charts[0]!.data.values.filter((p) => p.run === '2 · 50 epochs' && p.split === 'validation')
		).toHaveLength(2);
		const svg = await renderSvg(spec);
		expect(svg).toContain('1 · 20 epochs');
		expect(svg).toContain('2 · 50 epochs');
	});

	it('draws nothing when no run has an epoch, and leaves out runs without history', () => {
		expect(compareCurvesSpec([{ label: 'k-means', history: [] }], { metricLabel: 'R²' })).toBeNull();
		const spec = compareCurvesSpec(
			[
				{ label: 'k-means', history: [] },
				{ label: 'net', history: [{ epoch: 1, loss: 2 }] }
			],
			{ metricLabel: 'R²' }
		)!;
		const charts = (spec as { vconcat: { encoding: { color: { scale: { domain: string[] } } } }[] }).vconcat;
		expect(charts).toHaveLength(1);
		expect(charts[0]!.encoding.color.scale.domain).toEqual(['net']);
	});
});
