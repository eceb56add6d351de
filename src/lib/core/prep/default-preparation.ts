// The preparation a data set version starts with, before the person changes anything: the proposed target,
// a split with every value written out (so every page shows the same numbers Train uses), and the default
// recipe with the reason for each step. Pure: the pages and the CLI build the same draft from the same rows.
import type { ColumnSchema } from '../table/column-types.ts';
import { defaultRecipe } from './default-recipe.ts';
import type { PreparationDraft } from './preparation.ts';
import type { PrepTable } from '../table/prep-table.ts';
import type { Recipe, RecipeStep } from './recipe/types.ts';
import { findStep } from './steps/index.ts';

/** The split every new draft starts with: most rows to learn from, enough held out to judge. */
export const DEFAULT_SPLIT_FRACTIONS = { train: 0.7, validation: 0.15, test: 0.15 } as const;
export const DEFAULT_SPLIT_SEED = 42;

/** Classes worth stratifying by: every split then holds every class in the same share. */
function isStratifiable(schema: ColumnSchema[], target: string | null): target is string {
	const type = schema.find((c) => c.name === target)?.type;
	return type === 'category' || type === 'boolean';
}

/** The default split for `target`, every setting written out: stratified by a class target, else random. */
export function defaultSplitSpec(schema: ColumnSchema[], target: string | null): Record<string, unknown> {
	const base = { ...DEFAULT_SPLIT_FRACTIONS, seed: DEFAULT_SPLIT_SEED };
	return isStratifiable(schema, target)
		? { method: 'stratified', ...base, column: target }
		: { method: 'random', ...base };
}

/**
 * The split after the target changed: the untouched default split becomes the new target's default; a
 * split stratified by the old target follows the new one (or turns random when the new one is not a class
 * column), fractions and seed as the person set them; any other split stays as it is.
 */
export function retargetSplit(
	split: unknown,
	schema: ColumnSchema[],
	previous: string | null,
	target: string | null
): unknown {
	if (typeof split !== 'object' || split === null) return defaultSplitSpec(schema, target);
	// Still the default for the old target (say random, for a number): the default for the new one.
	if (JSON.stringify(split) === JSON.stringify(defaultSplitSpec(schema, previous))) {
		return defaultSplitSpec(schema, target);
	}
	const spec = split as Record<string, unknown>;
	if (spec.method !== 'stratified' || spec.column !== previous) return split;
	if (isStratifiable(schema, target)) return { ...spec, column: target };
	const rest = Object.fromEntries(Object.entries(spec).filter(([key]) => key !== 'column'));
	return { ...rest, method: 'random' };
}

function names(columns: unknown): string[] {
	return Array.isArray(columns) ? columns.filter((c): c is string => typeof c === 'string') : [];
}

function list(columns: string[]): string {
	return columns.length <= 4
		? columns.join(', ')
		: `${columns.slice(0, 3).join(', ')} and ${columns.length - 3} more`;
}

/** Why the default recipe holds this step, in a sentence the Prepare page shows under it. */
export function explainDefaultStep(step: RecipeStep, schema: ColumnSchema[]): string {
	const columns = names(step.params.columns);
	switch (step.op) {
		case 'drop': {
			const text = columns.filter((name) => schema.find((c) => c.name === name)?.type === 'text');
			const ids = columns.filter((name) => !text.includes(name));
			const parts = [];
			if (ids.length)
				parts.push(`${list(ids)}: a different value in every row is an identifier, not a pattern`);
			if (text.length) parts.push(`${list(text)}: free text needs its own treatment`);
			return `Dropped — ${parts.join('; ')}.`;
		}
		case 'filter':
			return 'A row without an answer teaches nothing, so rows missing the target are left out.';
		case 'impute':
			return step.params.strategy === 'most-frequent'
				? 'Categories get the most frequent value where one is missing: new rows may have gaps even if these have none.'
				: 'Numbers get the median of the training rows where one is missing: new rows may have gaps even if these have none.';
		case 'date-parts':
			return 'Models read numbers, not dates: each date becomes its year and its place in the year and week.';
		case 'scale':
			return 'Mean 0 and spread 1 on the training rows, so no column dominates by its units and the network trains steadily.';
		case 'encode':
			return 'Networks need numbers: one 0/1 column per category (the most frequent kept apart, the rest together).';
		default:
			return findStep(step.op)?.summary ?? `A step of the default recipe (${step.op}).`;
	}
}

/** The default recipe for `target`, each step carrying its reason. */
export function defaultRecipeWithReasons(input: PrepTable, target: string | null): Recipe {
	const { recipe } = defaultRecipe(input, target ? [target] : []);
	return {
		...recipe,
		steps: recipe.steps.map((step) => ({ ...step, reason: explainDefaultStep(step, input.schema) }))
	};
}

/** Whether `recipe` is still the default one for `target` (reasons aside): then a new target may rebuild it. */
export function isDefaultRecipe(recipe: Recipe, input: PrepTable, target: string | null): boolean {
	const strip = (steps: RecipeStep[]) =>
		JSON.stringify(steps.map(({ op, params, enabled }) => ({ op, params, enabled })));
	return strip(recipe.steps) === strip(defaultRecipe(input, target ? [target] : []).recipe.steps);
}

/** A fresh draft: the given target, the default split for it, the default recipe with its reasons. */
export function defaultPreparation(input: PrepTable, target: string | null): PreparationDraft {
	return {
		target,
		split: defaultSplitSpec(input.schema, target),
		recipe: defaultRecipeWithReasons(input, target)
	};
}

/**
 * The draft after the person picked another target (null: clustering). The split follows the target; the
 * recipe is rebuilt for it while it is still the untouched default, and kept as the person made it
 * otherwise (the page then offers "Reset to default").
 */
export function retargetPreparation(
	input: PrepTable,
	draft: PreparationDraft,
	target: string | null
): PreparationDraft {
	const untouched = isDefaultRecipe(draft.recipe, input, draft.target);
	return {
		target,
		split: retargetSplit(draft.split, input.schema, draft.target, target),
		recipe: untouched ? defaultRecipeWithReasons(input, target) : draft.recipe
	};
}
