import { describe, expect, it } from 'vitest';
import { histogramSpec } from '../../../src/lib/core/charts/index.ts';
import { column, sampleProfile } from './fixtures.ts';
import { compileStrict, renderSvg } from './render.ts';

const cars = sampleProfile('cars.csv');

describe('histogramSpec', () => {
	it('draws the profile bins of a numeric column', async () => {
		const spec = histogramSpec(column(cars, 'Horsepower'))!;
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		const data = (spec as { data: { values: { count: number }[] } }).data.values;
		expect(data.reduce((s, b) => s + b.count, 0)).toBe(400);
		expect(spec).toMatchObject({ width: 'container', background: 'transparent' });
		const svg = await renderSvg(spec);
		expect(svg).toContain('Distribution of Horsepower');
		expect(svg).toContain('400 values, 6 missing');
	});

	it('uses a time axis for dates and names one integer per bin', async () => {
		const year = histogramSpec(column(cars, 'Year'))!;
		expect(year).toMatchObject({ encoding: { x: { type: 'temporal' } } });
		expect(compileStrict(year).warnings).toEqual([]);
		await renderSvg(year);
		const cylinders = histogramSpec(column(cars, 'Cylinders'))!;
		const ranges = (cylinders as { data: { values: { range: string }[] } }).data.values.map((v) => v.range);
		expect(ranges).toEqual(['3', '4', '5', '6', '7', '8']);
	});

	it('passes the theme colours through and gives nothing for a category', () => {
		const colors = { text: 'rgb(1, 2, 3)', grid: 'rgb(4, 5, 6)', accent: 'rgb(7, 8, 9)' };
		const spec = histogramSpec(column(cars, 'Weight_in_lbs'), { colors })!;
		expect(spec.config).toMatchObject({
			bar: { color: colors.accent },
			axis: { labelColor: colors.text, gridColor: colors.grid }
		});
		expect(histogramSpec(column(cars, 'Origin'))).toBeNull();
	});
});
