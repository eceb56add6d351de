// The quality report's fixes are recipe steps: each one it proposes for the sample data sets must be a
// valid step that fits and applies, so the one-click "Add to recipe" never adds a broken step.
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import type { ColumnSchema } from '../../../../src/lib/core/table/column-types.ts';
import { profileTable } from '../../../../src/lib/core/data/profile/index.ts';
import { qualityReport } from '../../../../src/lib/core/data/quality/index.ts';
import { fitRecipe, parseRecipe } from '../../../../src/lib/core/prep/recipe/index.ts';
import { loadSample } from '../data/profile/load-sample.ts';

const SAMPLES: [string, string][] = [
	['penguins.csv', 'Species'],
	['cars.csv', 'Miles_per_Gallon'],
	['seattle-weather.csv', 'weather'],
	['diabetes.csv', 'progression'],
	['wine.csv', 'cultivar']
];

describe('quality fixes', () => {
	for (const [file, target] of SAMPLES) {
		it(`are valid steps that fit on ${file}`, () => {
			const input = loadSample(file);
			const schema = input.schema.some((c) => c.name === target) ? target : undefined;
			const findings = qualityReport(profileTable(input.table, input.schema, { target: schema }));
			const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : []));
			for (const fix of fixes) {
				const recipe = parseRecipe({ version: 1, steps: [{ op: fix.op, params: fix.params }] });
				const fitted = fitRecipe(recipe, input);
				expect(fitted.steps).toHaveLength(1);
			}
			// Every sample but wine has missing values, outliers or duplicates to fix.
			if (file !== 'wine.csv') expect(fixes.length).toBeGreaterThan(0);
		});
	}

	it('cover every kind of fix, on a table with every kind of problem', () => {
		const rows = 400;
		const id = Array.from({ length: rows }, (_, i) => (i < 390 ? i : i - 390));
		const input = {
			table: aq.table({
				id,
				constant: id.map(() => 'same'),
				x: id.map((j) => (j % 7 === 0 ? null : j % 40 === 5 ? 1e6 : (j * 37) % 101)),
				city: id.map((j) => `city-${j % 60}`),
				label: id.map((j) => (j % 3 === 0 ? 'yes' : j === 4 ? null : 'no'))
			}),
			schema: [
				{ name: 'id', type: 'integer' },
				{ name: 'constant', type: 'category' },
				{ name: 'x', type: 'number' },
				{ name: 'city', type: 'category' },
				{ name: 'label', type: 'category' }
			] satisfies ColumnSchema[]
		};
		const fixes = qualityReport(profileTable(input.table, input.schema, { target: 'label' })).flatMap((f) =>
			f.fix ? [f.fix] : []
		);
		expect(new Set(fixes.map((f) => f.op)), JSON.stringify(fixes.map((f) => f.op))).toEqual(
			new Set(['drop', 'dedupe', 'impute', 'filter', 'encode', 'clip'])
		);
		const recipe = parseRecipe({ version: 1, steps: fixes.map(({ op, params }) => ({ op, params })) });
		expect(fitRecipe(recipe, input).steps).toHaveLength(fixes.length);
	});
});
