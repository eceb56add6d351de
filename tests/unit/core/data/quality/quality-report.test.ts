import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import type { ColumnSchema } from '../../../../../src/lib/core/table/column-types.ts';
import { profileTable } from '../../../../../src/lib/core/data/profile/index.ts';
import { qualityReport, type QualityFinding } from '../../../../../src/lib/core/data/quality/index.ts';
import { loadSample } from '../profile/load-sample.ts';

const kinds = (findings: QualityFinding[]) => findings.map((f) => f.id);

/** 400 rows: an id, a constant, a copy of the target, 10 duplicated rows, a 60-level category. */
function synthetic() {
	const rows = 400;
	const id: number[] = [];
	const constant: string[] = [];
	const x: (number | null)[] = [];
	const sparse: (number | null)[] = [];
	const city: string[] = [];
	const label: string[] = [];
	const leak: string[] = [];
	for (let i = 0; i < rows; i++) {
		// The last 10 rows repeat rows 0..9 exactly, ids included.
		const j = i < 390 ? i : i - 390;
		id.push(j);
		constant.push('same');
		x.push(j % 7 === 0 ? null : (j * 37) % 101);
		sparse.push(j % 2 === 0 ? null : j);
		city.push(`city-${j % 60}`);
		label.push(j % 3 === 0 ? 'yes' : 'no');
		leak.push(j % 3 === 0 ? 'Y' : 'N');
	}
	const columns = { id, constant, x, sparse, city, label, leak };
	const schema: ColumnSchema[] = [
		{ name: 'id', type: 'integer' },
		{ name: 'constant', type: 'category' },
		{ name: 'x', type: 'number' },
		{ name: 'sparse', type: 'number' },
		{ name: 'city', type: 'category' },
		{ name: 'label', type: 'category' },
		{ name: 'leak', type: 'category' }
	];
	return { table: aq.table(columns), schema };
}

describe('qualityReport', () => {
	it('finds the missing miles per gallon and horsepower in the cars sample', () => {
		const { table, schema } = loadSample('cars.csv');
		const findings = qualityReport(profileTable(table, schema, { target: 'Miles_per_Gallon' }));
		const mpg = findings.find((f) => f.id === 'missing-heavy:Miles_per_Gallon')!;
		// The target: rows without it are dropped, never imputed.
		expect(mpg).toMatchObject({
			severity: 'warning',
			message: 'Miles_per_Gallon is missing in 8 of 406 rows (2%).',
			fix: {
				op: 'filter',
				params: { match: 'all', conditions: [{ column: 'Miles_per_Gallon', operator: 'is-present' }] }
			}
		});
		const hp = findings.find((f) => f.id === 'missing-heavy:Horsepower')!;
		expect(hp).toMatchObject({
			severity: 'info',
			message: 'Horsepower is missing in 6 of 406 rows (1.5%).',
			fix: { op: 'impute', params: { columns: ['Horsepower'], strategy: 'median' } }
		});
		expect(hp.why).toMatch(/\.$/);
		// Name is free text with 311 values in 406 rows: not an identifier (77% < 95%).
		expect(kinds(findings)).not.toContain('id-like:Name');
		expect(findings.map((f) => f.kind)).not.toContain('leakage-suspect');
	});

	it('finds the missing penguin measurements and sexes, imputing categories by the most frequent value', () => {
		const { table, schema } = loadSample('penguins.csv');
		const findings = qualityReport(profileTable(table, schema, { target: 'Species' }));
		expect(kinds(findings)).toEqual([
			'missing-heavy:Beak Length (mm)',
			'missing-heavy:Beak Depth (mm)',
			'missing-heavy:Flipper Length (mm)',
			'missing-heavy:Body Mass (g)',
			'missing-heavy:Sex'
		]);
		expect(findings[4]).toMatchObject({
			severity: 'info',
			message: 'Sex is missing in 10 of 344 rows (2.9%).',
			fix: { op: 'impute', params: { columns: ['Sex'], strategy: 'most-frequent' } }
		});
	});

	it('finds the id, the constant, the leak, the duplicates, the many cities and the sparse column', () => {
		const { table, schema } = synthetic();
		const findings = qualityReport(profileTable(table, schema, { target: 'label' }));
		expect(kinds(findings)).toEqual([
			'leakage-suspect:leak',
			'missing-heavy:sparse',
			'missing-heavy:x',
			'id-like:id',
			'constant:constant',
			'high-cardinality:city',
			'duplicate-rows'
		]);
		const byId = new Map(findings.map((f) => [f.id, f]));
		expect(byId.get('leakage-suspect:leak')).toMatchObject({
			severity: 'problem',
			message: "leak alone almost determines label: Cramér's V 1 over 400 rows.",
			fix: { op: 'drop', params: { columns: ['leak'] }, label: 'Drop column leak' }
		});
		// 200 of 400 missing (50% > 40%): drop the column rather than invent half of it.
		expect(byId.get('missing-heavy:sparse')).toMatchObject({ severity: 'problem', fix: { op: 'drop' } });
		// j % 7 === 0 for 56 of 390 j and 2 of the 10 repeats: 58 of 400 (14.5% > 5%).
		expect(byId.get('missing-heavy:x')).toMatchObject({
			severity: 'warning',
			message: 'x is missing in 58 of 400 rows (14.5%).'
		});
		expect(byId.get('id-like:id')).toMatchObject({
			severity: 'warning',
			message: 'id has 390 distinct values in 400 rows (97.5%): it looks like an identifier.',
			fix: { op: 'drop', params: { columns: ['id'] } }
		});
		expect(byId.get('constant:constant')!.message).toBe('constant has the same value, same, in every row.');
		expect(byId.get('duplicate-rows')).toMatchObject({
			severity: 'info',
			message: '10 of 400 rows (2.5%) repeat an earlier row exactly.',
			fix: { op: 'dedupe', params: {} }
		});
		expect(byId.get('high-cardinality:city')!.message).toBe(
			'city has 60 different categories (more than 50).'
		);
		for (const f of findings) expect(f.why.length).toBeGreaterThan(20);
	});

	it('reports class imbalance below one fifth, as a problem below one twentieth', () => {
		const { table, schema } = loadSample('seattle-weather.csv');
		const findings = qualityReport(profileTable(table, schema, { target: 'weather' }));
		expect(findings[0]).toMatchObject({
			id: 'class-imbalance:weather',
			severity: 'problem',
			message: 'The smallest class of weather, snow, has 26 rows: 4.1% of the largest, rain, with 641.'
		});
		// Also from a profile made without a target, given the target here.
		const plain = qualityReport(profileTable(table, schema), { target: 'weather' });
		expect(kinds(plain)).toContain('class-imbalance:weather');
		const balanced = loadSample('iris.csv');
		const iris = qualityReport(profileTable(balanced.table, balanced.schema, { target: 'species' }));
		expect(iris.map((f) => f.kind)).not.toContain('class-imbalance');
	});

	it('flags outliers past 1.5 × IQR above 1%, with a clip fix except on the target', () => {
		const { table, schema } = loadSample('iris.csv');
		const findings = qualityReport(profileTable(table, schema));
		expect(findings.find((f) => f.kind === 'outliers')).toMatchObject({
			id: 'outliers',
			severity: 'info',
			columns: ['sepal_width'],
			message: '4 values of sepal_width (2.7%) lie outside 2.05 … 4.05, 1.5 × IQR beyond the quartiles.',
			fix: { op: 'clip', params: { columns: ['sepal_width'], lower: 0.01, upper: 0.99 } }
		});
		const asTarget = qualityReport(profileTable(table, schema), { target: 'sepal_width' });
		const targetOutliers = asTarget.find((f) => f.kind === 'outliers')!;
		expect(targetOutliers.fix).toBeUndefined();
		expect(targetOutliers.why).toContain('the target is never clipped');
	});

	it('sums up outliers of a wide table in one finding, the worst columns named first', () => {
		const rows = 200;
		const columns: Record<string, number[]> = {};
		// 30 columns with a long right tail: 1 in 10 values far out, column c29 the worst (more far out).
		for (let c = 0; c < 30; c++) {
			columns[`c${c}`] = Array.from({ length: rows }, (_, i) =>
				i % (c === 29 ? 5 : 10) === 0 ? 1000 + i : (i * 7 + c) % 50
			);
		}
		const table = aq.table(columns);
		const schema: ColumnSchema[] = Object.keys(columns).map((name) => ({ name, type: 'integer' }));
		const findings = qualityReport(profileTable(table, schema), { target: 'c0' });
		const outliers = findings.filter((f) => f.kind === 'outliers');
		expect(outliers).toHaveLength(1);
		expect(outliers[0]!.columns).toHaveLength(30);
		expect(outliers[0]!.message).toBe(
			'30 columns have long tails (over 1% of values beyond 1.5 × IQR past the quartiles): c29 (20%), c0 (10%), c1 (10%) and 27 more.'
		);
		expect(outliers[0]!.fix!.params.columns).toHaveLength(29);
		expect(outliers[0]!.fix!.params.columns).not.toContain('c0');
	});

	it('never proposes to impute, clip, transform or drop the target, whatever it is', () => {
		const { table, schema } = synthetic();
		for (const { name } of schema) {
			for (const finding of qualityReport(profileTable(table, schema), { target: name })) {
				if (!finding.fix || finding.fix.op === 'filter' || finding.fix.op === 'dedupe') continue;
				expect(finding.fix.params.columns, `${finding.id} with target ${name}`).not.toContain(name);
			}
		}
	});

	it('flags a numeric copy of a numeric target, but not a many-level category that fits by chance', () => {
		const rows = 300;
		const y = Array.from({ length: rows }, (_, i) => Math.sin(i) * 10);
		const copy = y.map((v) => v * 2 + 1);
		const name = Array.from({ length: rows }, (_, i) => `n${i % 150}`);
		const profile = profileTable(
			aq.table({ y, copy, name }),
			[
				{ name: 'y', type: 'number' },
				{ name: 'copy', type: 'number' },
				{ name: 'name', type: 'category' }
			],
			{ target: 'y' }
		);
		const findings = qualityReport(profile);
		expect(kinds(findings)).toContain('leakage-suspect:copy');
		expect(kinds(findings)).not.toContain('leakage-suspect:name');
	});

	it('drops a column that is all missing and says so', () => {
		const profile = profileTable(aq.table({ a: [null, null, null], b: [1, 2, 3] }), [
			{ name: 'a', type: 'number' },
			{ name: 'b', type: 'number' }
		]);
		expect(qualityReport(profile)).toEqual([
			expect.objectContaining({
				id: 'missing-heavy:a',
				severity: 'problem',
				message: 'a has no values at all (3 rows missing).'
			})
		]);
	});

	it('reports nothing for a clean table', () => {
		const profile = profileTable(aq.table({ a: [1, 2, 3, 4], b: ['x', 'y', 'x', 'y'] }), [
			{ name: 'a', type: 'number' },
			{ name: 'b', type: 'category' }
		]);
		expect(qualityReport(profile)).toEqual([]);
	});
});
