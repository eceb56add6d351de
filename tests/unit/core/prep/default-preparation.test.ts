import { describe, expect, it } from 'vitest';
import {
	defaultPreparation,
	defaultSplitSpec,
	explainDefaultStep,
	isDefaultRecipe,
	retargetPreparation,
	retargetSplit
} from '../../../../src/lib/core/prep/default-preparation.ts';
import { defaultRecipe } from '../../../../src/lib/core/prep/default-recipe.ts';
import { parseSplitSpec } from '../../../../src/lib/core/prep/split/index.ts';
import { loadSample } from '../data/profile/load-sample.ts';

const penguins = () => loadSample('penguins.csv');

describe('defaultPreparation', () => {
	it('starts from the default recipe for the target, every step with a reason', () => {
		const input = penguins();
		const draft = defaultPreparation(input, 'Species');
		const plain = defaultRecipe(input, ['Species']).recipe;
		expect(draft.target).toBe('Species');
		expect(draft.recipe.steps.map((s) => s.op)).toEqual(plain.steps.map((s) => s.op));
		expect(draft.recipe.steps.length).toBeGreaterThan(0);
		for (const step of draft.recipe.steps) expect(step.reason?.length).toBeGreaterThan(20);
		// The target is never a column a default step touches.
		for (const step of draft.recipe.steps) expect(JSON.stringify(step.params)).not.toContain('"Species"');
	});

	it('writes the split out in full, stratified by a class target, and parseSplitSpec accepts it as is', () => {
		const input = penguins();
		const split = defaultPreparation(input, 'Species').split;
		expect(split).toEqual({
			method: 'stratified',
			train: 0.7,
			validation: 0.15,
			test: 0.15,
			seed: 42,
			column: 'Species'
		});
		expect(parseSplitSpec(split)).toMatchObject(split as object);
	});

	it('splits at random for a number target and for clustering', () => {
		const schema = penguins().schema;
		expect(defaultSplitSpec(schema, 'Body Mass (g)')).toEqual({
			method: 'random',
			train: 0.7,
			validation: 0.15,
			test: 0.15,
			seed: 42
		});
		expect(defaultSplitSpec(schema, null)).toMatchObject({ method: 'random' });
	});
});

describe('retargetSplit', () => {
	const schema = penguins().schema;
	const stratified = {
		method: 'stratified',
		train: 0.6,
		validation: 0.2,
		test: 0.2,
		seed: 3,
		column: 'Species'
	};

	it('moves a stratified split to the new class target, keeping fractions and seed', () => {
		expect(retargetSplit(stratified, schema, 'Species', 'Island')).toEqual({
			...stratified,
			column: 'Island'
		});
	});

	it('turns it random when the new target is not a class column', () => {
		expect(retargetSplit(stratified, schema, 'Species', 'Body Mass (g)')).toEqual({
			method: 'random',
			train: 0.6,
			validation: 0.2,
			test: 0.2,
			seed: 3
		});
	});

	it('turns the untouched default split of a number target into the default for a class target', () => {
		const random = defaultSplitSpec(schema, 'Body Mass (g)');
		expect(retargetSplit(random, schema, 'Body Mass (g)', 'Species')).toEqual(
			defaultSplitSpec(schema, 'Species')
		);
		const chosen = { ...random, seed: 9 };
		expect(retargetSplit(chosen, schema, 'Body Mass (g)', 'Species')).toBe(chosen);
	});

	it('leaves a split the person set on another column alone', () => {
		const grouped = { method: 'group', column: 'Island' };
		expect(retargetSplit(grouped, schema, 'Species', 'Sex')).toBe(grouped);
	});
});

describe('isDefaultRecipe', () => {
	it('tells the untouched default (reasons aside) from an edited one', () => {
		const input = penguins();
		const draft = defaultPreparation(input, 'Species');
		expect(isDefaultRecipe(draft.recipe, input, 'Species')).toBe(true);
		expect(isDefaultRecipe(draft.recipe, input, 'Island')).toBe(false);
		const edited = { ...draft.recipe, steps: draft.recipe.steps.slice(1) };
		expect(isDefaultRecipe(edited, input, 'Species')).toBe(false);
	});
});

describe('explainDefaultStep', () => {
	it('tells identifiers from free text when it explains a drop', () => {
		const schema = [
			{ name: 'id', type: 'integer' as const },
			{ name: 'note', type: 'text' as const }
		];
		const reason = explainDefaultStep(
			{ op: 'drop', params: { columns: ['id', 'note'] }, enabled: true },
			schema
		);
		expect(reason).toContain('id: a different value in every row is an identifier');
		expect(reason).toContain('note: free text');
	});

	it("falls back to the step's own summary for steps the default recipe does not write", () => {
		const reason = explainDefaultStep({ op: 'clip', params: { columns: ['a'] }, enabled: true }, []);
		expect(reason.length).toBeGreaterThan(10);
		expect(reason).not.toContain('default recipe');
	});
});

describe('retargetPreparation', () => {
	it('rebuilds an untouched default recipe for the new target and moves the split with it', () => {
		const input = penguins();
		const next = retargetPreparation(input, defaultPreparation(input, 'Species'), 'Island');
		expect(next.target).toBe('Island');
		expect(next.split).toMatchObject({ method: 'stratified', column: 'Island' });
		expect(isDefaultRecipe(next.recipe, input, 'Island')).toBe(true);
		expect(JSON.stringify(next.recipe.steps.map((s) => s.params))).not.toContain('"Island"');
	});

	it('keeps a recipe the person edited', () => {
		const input = penguins();
		const draft = defaultPreparation(input, 'Species');
		const edited = { ...draft, recipe: { ...draft.recipe, steps: draft.recipe.steps.slice(0, 1) } };
		expect(retargetPreparation(input, edited, null).recipe).toBe(edited.recipe);
	});
});
