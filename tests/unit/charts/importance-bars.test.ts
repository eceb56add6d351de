import { describe, expect, it } from 'vitest';
import { importanceBarsSpec } from '../../../src/lib/core/charts/index.ts';
import type { PermutationImportance } from '../../../src/lib/core/evaluate/permutation-importance.ts';
import { compileStrict, renderSvg } from './render.ts';

const RESULT: PermutationImportance = {
	metric: 'accuracy',
	baseline: 0.9667,
	rows: 30,
	repeats: 5,
	seed: 42,
	columns: [
		{ column: 'petal_width', drops: [0.4, 0.5, 0.45, 0.5, 0.4], mean: 0.45, std: 0.0447 },
		{ column: 'petal_length', drops: [0.2, 0.3, 0.25, 0.2, 0.3], mean: 0.25, std: 0.0447 },
		{ column: 'sepal_length', drops: [0, 0.0333, 0, 0, 0], mean: 0.0067, std: 0.0133 },
		{ column: 'sepal_width', drops: [0, -0.0333, 0, 0, 0], mean: -0.0067, std: 0.0133 }
	]
};

describe('importanceBarsSpec', () => {
	it('draws a bar and a whisker per column, most important first', async () => {
		const spec = importanceBarsSpec(RESULT)!;
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		const values = (spec as { data: { values: { column: string; low: number; high: number }[] } }).data
			.values;
		expect(values.map((v) => v.column)).toEqual([
			'petal_width',
			'petal_length',
			'sepal_length',
			'sepal_width'
		]);
		expect(values[0]!.low).toBeCloseTo(0.4053, 10);
		expect(values[0]!.high).toBeCloseTo(0.4947, 10);
		const svg = await renderSvg(spec);
		expect(svg).toContain('sepal_width');
		expect(svg).toContain('Drop in accuracy');
		expect([...svg.matchAll(/aria-roledescription="bar"/g)]).toHaveLength(4);
	});

	it('names R² for regression and draws nothing without columns', () => {
		const spec = importanceBarsSpec({ ...RESULT, metric: 'r2', repeats: 1 })!;
		expect((spec as { title: { subtitle: string } }).title.subtitle).toBe(
			'Drop in R² when a column is shuffled (1 shuffle, 30 test rows)'
		);
		expect(importanceBarsSpec({ ...RESULT, columns: [] })).toBeNull();
	});
});
