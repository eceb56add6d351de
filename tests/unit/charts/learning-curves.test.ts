import { describe, expect, it } from 'vitest';
import { learningCurvesSpec } from '../../../src/lib/core/charts/index.ts';
import { compileStrict, renderSvg } from './render.ts';

const HISTORY = [
	{ epoch: 1, loss: 1.1, metric: 0.4, valLoss: 1.0, valMetric: 0.45 },
	{ epoch: 2, loss: 0.7, metric: 0.7, valLoss: 0.75, valMetric: 0.7 },
	{ epoch: 3, loss: 0.5, metric: 0.85, valLoss: 0.6, valMetric: 0.8 },
	{ epoch: 4, loss: 0.4, metric: 0.9, valLoss: 0.65, valMetric: 0.78 }
];

describe('learningCurvesSpec', () => {
	it('draws loss and accuracy for training and validation, with the kept epoch marked', async () => {
		const spec = learningCurvesSpec(HISTORY, { metricLabel: 'Accuracy', bestEpoch: 3 })!;
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		const charts = (spec as { vconcat: { title: string; data: { values: { split: string }[] } }[] }).vconcat;
		expect(charts.map((c) => c.title)).toEqual(['Loss', 'Accuracy']);
		expect(charts[0]!.data.values.filter((p) => p.split === 'validation')).toHaveLength(4);
		const svg = await renderSvg(spec);
		expect(svg).toContain('Accuracy');
		expect(svg).toContain('validation');
	});

	it('leaves out non-finite losses and a missing metric, and draws nothing before an epoch ends', () => {
		const spec = learningCurvesSpec(
			[
				{ epoch: 1, loss: 2.5 },
				{ epoch: 2, loss: Number.NaN }
			],
			{ metricLabel: 'R²' }
		)!;
		const charts = (spec as { vconcat: { data: { values: unknown[] } }[] }).vconcat;
		expect(charts).toHaveLength(1);
		expect(charts[0]!.data.values).toEqual([{ epoch: 1, value: 2.5, split: 'training' }]);
		expect(learningCurvesSpec([], { metricLabel: 'R²' })).toBeNull();
	});
});
