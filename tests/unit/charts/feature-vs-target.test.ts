import { describe, expect, it } from 'vitest';
import { featureVsTargetSpec, relationSummary } from '../../../src/lib/core/charts/index.ts';
import type { TargetRelation } from '../../../src/lib/core/data/profile/index.ts';
import { sampleProfile } from './fixtures.ts';
import { compileStrict, renderSvg } from './render.ts';

const relation = (profile: ReturnType<typeof sampleProfile>, feature: string): TargetRelation => {
	const found = profile.targetRelations?.find((r) => r.feature === feature);
	if (!found) throw new Error(`no relation for ${feature}`);
	return found;
};

const cars = sampleProfile('cars.csv', { target: 'Miles_per_Gallon' });
const penguins = sampleProfile('penguins.csv', { target: 'Species' });

describe('featureVsTargetSpec', () => {
	it('shows the mean numeric target per bin of a numeric feature', async () => {
		const r = relation(cars, 'Horsepower');
		const spec = featureVsTargetSpec(r);
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		expect(relationSummary(r)).toBe('Correlation r = −0.78 over 392 rows');
		const svg = await renderSvg(spec);
		expect(svg).toContain('Miles_per_Gallon by Horsepower');
	});

	it('shows the numeric target as a box per level of a category', async () => {
		const spec = featureVsTargetSpec(relation(cars, 'Origin'));
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		expect((spec as { layer: { mark: { type: string } }[] }).layer.map((l) => l.mark.type)).toEqual([
			'rule',
			'bar',
			'tick'
		]);
		await renderSvg(spec);
	});

	it('uses a time axis for a date feature', async () => {
		const spec = featureVsTargetSpec(relation(cars, 'Year'));
		expect(spec).toMatchObject({ encoding: { x: { type: 'temporal' } } });
		expect(compileStrict(spec).warnings).toEqual([]);
		await renderSvg(spec);
	});

	it('stacks class shares per bin of a numeric feature for a categorical target', async () => {
		const spec = featureVsTargetSpec(relation(penguins, 'Flipper Length (mm)'));
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		expect(spec).toMatchObject({
			encoding: { color: { scale: { domain: ['Adelie', 'Gentoo', 'Chinstrap'] } } }
		});
		const values = (spec as { data: { values: { x0: number; share: number }[] } }).data.values;
		// Shares within a bin add up to one.
		const first = values.filter((v) => v.x0 === values[0]!.x0);
		expect(first.reduce((s, v) => s + v.share, 0)).toBeCloseTo(1, 12);
		await renderSvg(spec);
	});

	it('stacks class shares per level of a categorical feature', async () => {
		const spec = featureVsTargetSpec(relation(penguins, 'Island'));
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		const svg = await renderSvg(spec);
		expect(svg).toContain('Species by Island');
		expect(svg).toContain("Cramér's V = 0.66 over 344 rows");
	});
});
