import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { histogramSpec } from '../../../src/lib/core/charts/index.ts';
import { baseSpec } from '../../../src/lib/core/charts/theme.ts';
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
		// Whole-number ticks: a wide chart of six codes was labelled 0.0, 0.5, 1.0…
		expect(cylinders).toMatchObject({ encoding: { x: { axis: { tickMinStep: 1 } } } });
		const labels = [
			...(await renderSvg({ ...cylinders, width: 900 } as TopLevelSpec)).matchAll(
				/<text[^>]*>([^<]*)<\/text>/g
			)
		].map((m) => m[1]);
		expect(labels.filter((label) => /^\d+\.\d$/.test(label!))).toEqual([]);
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

	it('writes four-digit axis labels without a separator (a year is 1955), longer ones with', async () => {
		const labels = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
		const weight = labels(await renderSvg(histogramSpec(column(cars, 'Weight_in_lbs'))!));
		expect(weight).toContain('2000');
		expect(weight.some((label) => /^\d,\d{3}$/.test(label!))).toBe(false);
		const people = {
			...baseSpec(),
			data: {
				values: [
					{ year: 1955, pop: 8_000 },
					{ year: 2005, pop: 1_300_000_000 }
				]
			},
			mark: 'point',
			encoding: {
				x: { field: 'year', type: 'quantitative', scale: { zero: false } },
				y: { field: 'pop', type: 'quantitative' }
			}
		} as TopLevelSpec;
		const axes = labels(await renderSvg(people));
		expect(axes).toContain('1960');
		expect(axes).toContain('1,000,000,000');
	});
});
