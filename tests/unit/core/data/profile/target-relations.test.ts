import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { profileTable, type TargetRelation } from '../../../../../src/lib/core/data/profile/index.ts';
import { loadSample } from './load-sample.ts';

const byFeature = (relations: TargetRelation[] | undefined, name: string) =>
	relations!.find((r) => r.feature === name)!;

describe('target relations', () => {
	it('relates iris measurements to the species by η, with class counts per bin', () => {
		const { table, schema } = loadSample('iris.csv');
		const profile = profileTable(table, schema, { target: 'species' });
		expect(profile.target).toEqual({
			name: 'species',
			kind: 'categorical',
			classes: [
				{ value: 'setosa', count: 50 },
				{ value: 'versicolor', count: 50 },
				{ value: 'virginica', count: 50 }
			],
			classCount: 3
		});
		// numpy: sqrt(between-group / total sum of squares).
		const want = {
			sepal_length: 0.7865784962344735,
			sepal_width: 0.6330741244722723,
			petal_length: 0.9702431236846608,
			petal_width: 0.9637857283137228
		};
		expect(profile.targetRelations!.map((r) => r.feature)).toEqual(Object.keys(want));
		for (const [name, eta] of Object.entries(want)) {
			const r = byFeature(profile.targetRelations, name);
			expect(r.measure).toBe('eta');
			expect(r.value).toBeCloseTo(eta, 12);
			expect(r.rows).toBe(150);
			expect(r.chart.kind).toBe('binned-classes');
			if (r.chart.kind !== 'binned-classes') continue;
			expect(r.chart.classes).toEqual(['setosa', 'versicolor', 'virginica']);
			expect(r.chart.bins.flatMap((b) => b.counts).reduce((a, b) => a + b, 0)).toBe(150);
		}
	});

	it('relates cars features to miles per gallon: r for numbers, η for the origin, text left out', () => {
		const { table, schema } = loadSample('cars.csv');
		const profile = profileTable(table, schema, { target: 'Miles_per_Gallon' });
		expect(profile.target).toMatchObject({ kind: 'numeric', classes: null });
		const features = profile.targetRelations!.map((r) => r.feature);
		expect(features).not.toContain('Name');
		expect(features).not.toContain('Miles_per_Gallon');
		const hp = byFeature(profile.targetRelations, 'Horsepower');
		expect(hp).toMatchObject({ measure: 'pearson', rows: 392 });
		expect(hp.value).toBeCloseTo(-0.7784267838977756, 12);
		expect(hp.strength).toBeCloseTo(0.7784267838977756, 12);
		expect(hp.chart.kind).toBe('binned-mean');
		const origin = byFeature(profile.targetRelations, 'Origin');
		expect(origin).toMatchObject({ measure: 'eta', rows: 398 });
		expect(origin.value).toBeCloseTo(0.576944078013912, 12);
		if (origin.chart.kind !== 'group-summary') throw new Error('expected a group summary');
		expect(origin.chart.groups.map((g) => [g.value, g.count])).toEqual([
			['USA', 249],
			['Japan', 79],
			['Europe', 70]
		]);
		expect(origin.chart.groups[1]).toMatchObject({ min: 18, median: 31.6, max: 46.6 });
	});

	it("relates the penguins' island to the species by Cramér's V", () => {
		const { table, schema } = loadSample('penguins.csv');
		const profile = profileTable(table, schema, { target: 'Species' });
		const island = byFeature(profile.targetRelations, 'Island');
		expect(island.measure).toBe('cramers-v');
		expect(island.value).toBeCloseTo(0.6598431008795325, 12);
		if (island.chart.kind !== 'group-classes') throw new Error('expected class counts per level');
		expect(island.chart.groups.find((g) => g.value === 'Biscoe')!.counts).toEqual([44, 124, 0]);
		expect(island.chart.classes).toEqual(['Adelie', 'Gentoo', 'Chinstrap']);
	});

	it('takes a small-range integer target as classes, and can be told otherwise', () => {
		const { table, schema } = loadSample('digits.csv');
		const profile = profileTable(table, schema, { target: 'digit' });
		expect(profile.target!.kind).toBe('categorical');
		expect(profile.target!.classCount).toBe(10);
		expect(profile.target!.classes!.reduce((s, c) => s + c.count, 0)).toBe(1797);
		const numeric = profileTable(table, schema, { target: 'digit', targetKind: 'numeric' });
		expect(numeric.targetRelations![0]!.measure).toBe('pearson');
	});

	it('caps chart levels and classes at topK, lumping the rest into (other)', () => {
		const n = 400;
		const level = Array.from({ length: n }, (_, i) => `L${i % 40}`);
		const cls = Array.from({ length: n }, (_, i) => `C${i % 15}`);
		const t = aq.table({ level, cls });
		const profile = profileTable(
			t,
			[
				{ name: 'level', type: 'category' },
				{ name: 'cls', type: 'category' }
			],
			{ target: 'cls', topK: 5 }
		);
		const r = profile.targetRelations![0]!;
		if (r.chart.kind !== 'group-classes') throw new Error('expected class counts per level');
		expect(r.chart.classes).toHaveLength(6);
		expect(r.chart.classes[5]).toBe('(other)');
		expect(r.chart.groups).toHaveLength(6);
		// Every row is still counted somewhere.
		expect(r.chart.groups.flatMap((g) => g.counts).reduce((a, b) => a + b, 0)).toBe(n);
		// i mod 40 determines i mod 15 only partly: V is the same as the uncapped table's.
		expect(r.value).toBeGreaterThan(0.5);
		expect(profile.target!.classes).toHaveLength(15);
	});

	it('gives a perfect association 1 and none 0', () => {
		const t = aq.table({
			a: ['x', 'x', 'y', 'y'],
			b: ['p', 'p', 'q', 'q'],
			c: ['p', 'q', 'p', 'q'],
			y: [1, 1, 5, 5]
		});
		const schema = [
			{ name: 'a', type: 'category' as const },
			{ name: 'b', type: 'category' as const },
			{ name: 'c', type: 'category' as const },
			{ name: 'y', type: 'number' as const }
		];
		const categorical = profileTable(t, schema, { target: 'b' });
		expect(byFeature(categorical.targetRelations, 'a').value).toBeCloseTo(1, 12);
		expect(byFeature(categorical.targetRelations, 'c').value).toBeCloseTo(0, 12);
		expect(byFeature(categorical.targetRelations, 'y').value).toBeCloseTo(1, 12);
		const numeric = profileTable(t, schema, { target: 'y' });
		expect(byFeature(numeric.targetRelations, 'a').value).toBeCloseTo(1, 12);
		expect(byFeature(numeric.targetRelations, 'c').value).toBeCloseTo(0, 12);
	});
});
