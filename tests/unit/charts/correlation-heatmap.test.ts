import { describe, expect, it } from 'vitest';
import { correlationHeatmapSpec } from '../../../src/lib/core/charts/index.ts';
import { sampleProfile } from './fixtures.ts';
import { compileStrict, renderSvg } from './render.ts';

describe('correlationHeatmapSpec', () => {
	it('draws the iris correlations as a labelled grid on a fixed −1…1 scale', async () => {
		const spec = correlationHeatmapSpec(sampleProfile('iris.csv').correlations)!;
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		expect((spec as { data: { values: unknown[] } }).data.values).toHaveLength(16);
		const svg = await renderSvg(spec);
		expect(svg).toContain('0.96');
		expect(svg).toContain('-0.43');
	});

	it('drops the cell labels on a large grid and skips undefined correlations', () => {
		const digits = sampleProfile('digits.csv');
		const spec = correlationHeatmapSpec(digits.correlations)!;
		expect(compileStrict(spec).warnings).toEqual([]);
		expect((spec as { layer: unknown[] }).layer).toHaveLength(1);
		// Constant pixels have no correlation at all; the filter keeps them out of the grid.
		expect(spec).toMatchObject({ transform: [{ filter: 'datum.r !== null' }] });
	});

	it('gives nothing with fewer than two numeric columns', () => {
		expect(correlationHeatmapSpec({ columns: ['a'], matrix: [[1]] })).toBeNull();
	});
});
