import { describe, expect, it } from 'vitest';
import { sparklineSpec } from '../../../src/lib/core/charts/index.ts';
import { column, sampleProfile } from './fixtures.ts';
import { compileStrict, renderSvg } from './render.ts';

const cars = sampleProfile('cars.csv');

describe('sparklineSpec', () => {
	it('draws a tiny histogram with no axes for a numeric column', async () => {
		const spec = sparklineSpec(column(cars, 'Acceleration'))!;
		expect(spec).toMatchSnapshot();
		expect(spec).toMatchObject({ width: 80, height: 24, padding: 0 });
		expect(compileStrict(spec).warnings).toEqual([]);
		const svg = await renderSvg(spec);
		expect(svg).toMatch(/^<svg[^>]*width="80" height="24"/);
		expect(svg).not.toContain('class="mark-text role-axis-label"');
	});

	it('draws the top values of a category, and takes a size', async () => {
		const spec = sparklineSpec(column(cars, 'Origin'), { width: 120, height: 30 })!;
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		expect(await renderSvg(spec)).toMatch(/width="120" height="30"/);
	});

	it('draws dates too, and nothing for a column with no values', () => {
		expect(compileStrict(sparklineSpec(column(cars, 'Year'))!).warnings).toEqual([]);
		const empty = { ...column(cars, 'Origin'), top: [], count: 0 };
		expect(sparklineSpec(empty)).toBeNull();
	});
});
