import { describe, expect, it } from 'vitest';
import {
	materializePreparation,
	prepareSplits,
	previewPreparation
} from '../../../../src/lib/core/prep/preparation.ts';
import { parseFittedRecipe, type Recipe } from '../../../../src/lib/core/prep/recipe/index.ts';
import { loadSample } from '../data/profile/load-sample.ts';

const penguins = () => loadSample('penguins.csv');

const RECIPE: Recipe = {
	version: 1,
	steps: [
		{
			op: 'filter',
			params: { conditions: [{ column: 'Sex', operator: 'in', value: ['MALE', 'FEMALE'] }] },
			enabled: true
		},
		{
			op: 'impute',
			params: { columns: ['Beak Length (mm)', 'Body Mass (g)'], strategy: 'median' },
			enabled: true
		},
		{ op: 'scale', params: { columns: ['Beak Length (mm)', 'Body Mass (g)'] }, enabled: true },
		{ op: 'drop', params: { columns: ['Flipper Length (mm)'] }, enabled: false },
		{ op: 'encode', params: { columns: ['Island'] }, enabled: true }
	]
};
const SPLIT = { method: 'stratified', column: 'Species', seed: 7 };

describe('previewPreparation', () => {
	it('reports the split, the class balance and what each step does to the training rows', () => {
		const preview = previewPreparation(penguins(), { recipe: RECIPE, split: SPLIT, target: 'Species' });
		expect(preview.split.counts).toEqual({ train: 240, validation: 52, test: 52 });
		expect(preview.previewRows).toBe(240);
		expect(preview.balance?.classes).toEqual(['Adelie', 'Gentoo', 'Chinstrap']);
		const trainCounts = preview.balance!.splits[0]!.counts;
		expect(trainCounts.reduce((a, b) => a + b, 0)).toBe(240);

		const [filter, impute, scale, drop, encode] = preview.preview.steps;
		expect(filter!.status).toBe('ok');
		expect(filter!.rowsAfter).toBeLessThan(filter!.rowsBefore);
		expect(impute!.changed).toEqual(['Beak Length (mm)', 'Body Mass (g)']);
		expect(impute!.after.every((c) => c.missing === 0)).toBe(true);
		expect(scale!.after[0]!.mean).toBeCloseTo(0, 12);
		expect(drop!.status).toBe('disabled');
		expect(encode!.added).toEqual(['Island=Biscoe', 'Island=Dream', 'Island=Torgersen']);
		expect(encode!.removed).toEqual(['Island']);
		expect(preview.preview.fitted?.steps.map((s) => s.op)).toEqual(['filter', 'impute', 'scale', 'encode']);
	});

	it('stops at a failing step with its message and leaves the later steps unrun', () => {
		const recipe: Recipe = {
			version: 1,
			steps: [
				{ op: 'drop', params: { columns: ['Island'] }, enabled: true },
				{ op: 'encode', params: { columns: ['Island'] }, enabled: true },
				{ op: 'scale', params: { columns: ['Body Mass (g)'] }, enabled: true }
			]
		};
		const { preview } = previewPreparation(penguins(), { recipe, split: {}, target: null });
		expect(preview.steps.map((s) => s.status)).toEqual(['ok', 'failed', 'not-run']);
		expect(preview.steps[1]!.message).toMatch(
			/Step 2 \(Encode categories\): Column “Island” is not in the table at this step/
		);
		expect(preview.fitted).toBeNull();
	});

	it('says which split setting is wrong', () => {
		expect(() =>
			previewPreparation(penguins(), {
				recipe: RECIPE,
				split: { train: 0.9, validation: 0.2, test: 0.1 },
				target: null
			})
		).toThrow(/fraction/i);
	});
});

describe('prepareSplits', () => {
	it('fits on the training rows and applies the same fitted recipe to validation and test', () => {
		const prepared = prepareSplits(penguins(), RECIPE, SPLIT);
		const trainMass = prepared.train.table.array('Body Mass (g)') as number[];
		const mean = trainMass.reduce((a, b) => a + b, 0) / trainMass.length;
		expect(mean).toBeCloseTo(0, 10);
		// Validation rows are scaled with the training mean and spread, so theirs is not exactly zero.
		expect(prepared.validation.schema).toEqual(prepared.train.schema);
		expect(prepared.test.table.numRows()).toBeLessThanOrEqual(52);
		// The fitted recipe survives JSON and validation, as it will inside a model file.
		const reread = parseFittedRecipe(JSON.parse(JSON.stringify(prepared.fitted)));
		expect(reread).toEqual(prepared.fitted);
	});
});

describe('materializePreparation', () => {
	it('runs every row through the recipe fitted on the training split and records the split', () => {
		const input = penguins();
		const { output, split, fitted } = materializePreparation(input, {
			recipe: RECIPE,
			split: SPLIT,
			target: 'Species'
		});
		expect(split.counts.train).toBe(240);
		expect(fitted.fittedRows).toBe(240);
		// The filter removes the rows whose Sex is missing or "." from the whole table.
		expect(output.table.numRows()).toBe(333);
		expect(output.schema.map((c) => c.name)).toContain('Island=Dream');
		expect(output.schema.map((c) => c.name)).not.toContain('Island');
	});
});
