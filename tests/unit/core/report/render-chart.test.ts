import { describe, expect, it } from 'vitest';
import { learningCurvesSpec } from '../../../../src/lib/core/charts/index.ts';
import { renderChartSvg, withFixedWidth } from '../../../../src/lib/core/report/index.ts';

describe('renderChartSvg', () => {
	it('gives container-wide charts a fixed width without touching the spec passed in', () => {
		const spec = { width: 'container', vconcat: [{ width: 'container', mark: 'line' }, { width: 100 }] };
		expect(withFixedWidth(spec, 500)).toEqual({
			width: 500,
			vconcat: [{ width: 500, mark: 'line' }, { width: 100 }]
		});
		expect(spec.vconcat[0]!.width).toBe('container');
	});

	it('draws a vega-lite spec headless to a standalone SVG', async () => {
		const spec = learningCurvesSpec(
			[
				{ epoch: 1, loss: 1, valLoss: 1.2 },
				{ epoch: 2, loss: 0.5, valLoss: 0.7 }
			],
			{ metricLabel: 'Accuracy' }
		)!;
		const svg = await renderChartSvg(spec, 400);
		expect(svg).toMatch(/^<svg[^>]* width="(\d+)"/);
		const width = Number(/width="(\d+)"/.exec(svg)![1]);
		expect(width).toBeGreaterThanOrEqual(400);
		expect(width).toBeLessThan(520);
		expect(svg).toContain('Loss');
		expect(svg).toContain('validation');
	});
});
