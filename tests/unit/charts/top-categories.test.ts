import { describe, expect, it } from 'vitest';
import { topCategoriesSpec } from '../../../src/lib/core/charts/index.ts';
import { column, sampleProfile } from './fixtures.ts';
import { compileStrict, renderSvg } from './render.ts';

const cars = sampleProfile('cars.csv');

describe('topCategoriesSpec', () => {
	it('draws the most frequent origins, largest first', async () => {
		const spec = topCategoriesSpec(column(cars, 'Origin'))!;
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		const values = (spec as { data: { values: { value: string; share: number }[] } }).data.values;
		expect(values.map((v) => v.value)).toEqual(['USA', 'Japan', 'Europe']);
		expect(values[0]!.share).toBeCloseTo(254 / 406, 12);
		const svg = await renderSvg(spec);
		expect(svg).toContain('Most frequent values of Origin');
		expect(svg).toContain('All 3 distinct values');
	});

	it('says how many values the top list leaves out', () => {
		const spec = topCategoriesSpec(column(cars, 'Name'))!;
		expect(spec.title).toMatchObject({ subtitle: 'Top 10 of 311 distinct values' });
		expect(compileStrict(spec).warnings).toEqual([]);
	});

	it('gives nothing for a numeric column', () => {
		expect(topCategoriesSpec(column(cars, 'Horsepower'))).toBeNull();
	});
});
