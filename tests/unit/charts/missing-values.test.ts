import { describe, expect, it } from 'vitest';
import { missingValuesSpec } from '../../../src/lib/core/charts/index.ts';
import { sampleProfile } from './fixtures.ts';
import { compileStrict, renderSvg } from './render.ts';

describe('missingValuesSpec', () => {
	it('puts the columns with most missing values first', async () => {
		const spec = missingValuesSpec(sampleProfile('penguins.csv'));
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		const values = (spec as { data: { values: { column: string; missing: number }[] } }).data.values;
		expect(values[0]).toMatchObject({ column: 'Sex', missing: 10 });
		expect(values.map((v) => v.column).slice(-2)).toEqual(['Species', 'Island']);
		const svg = await renderSvg(spec);
		expect(svg).toContain('5 of 7 columns have missing values');
	});

	it('says so when nothing is missing', () => {
		const spec = missingValuesSpec(sampleProfile('iris.csv'));
		expect(spec.title).toMatchObject({ subtitle: 'No column has missing values' });
		expect(compileStrict(spec).warnings).toEqual([]);
	});
});
