// The recipe a newcomer gets when they bring none: what most tabular models need and nothing more. It
// decides only which steps and columns from the column types and the shape of the data; every statistic
// is still learned when the recipe is fitted, on the training split.
import type { ColumnSchema } from '../data/column-types.ts';
import { summarizeColumn } from './preview/summarize-columns.ts';
import { columnValues, isNumericType } from './recipe/table-ops.ts';
import { RECIPE_VERSION, type PrepTable, type Recipe, type RecipeStep } from './recipe/types.ts';

/** A column whose every value differs is an identifier only when there are enough rows to tell. */
const ID_MIN_ROWS = 20;

export interface DefaultRecipe {
	recipe: Recipe;
	/** One line per decision, for the person to read next to the recipe. */
	reasons: string[];
}

function step(op: string, params: Record<string, unknown>): RecipeStep {
	return { op, params, enabled: true };
}

/** Every present value different: stops at the first repeat, so ordinary columns cost next to nothing. */
function isIdLike(input: PrepTable, column: ColumnSchema): boolean {
	if (column.type !== 'integer' && column.type !== 'category' && column.type !== 'text') return false;
	const values = columnValues(input.table, column.name);
	const seen = new Set<unknown>();
	for (let i = 0; i < values.length; i++) {
		const value = values[i];
		if (value === null || value === undefined) continue;
		if (seen.has(value)) return false;
		seen.add(value);
	}
	return seen.size >= ID_MIN_ROWS;
}

export function defaultRecipe(input: PrepTable, targets: string[]): DefaultRecipe {
	const steps: RecipeStep[] = [];
	const reasons: string[] = [];
	const features = input.schema.filter((c) => !targets.includes(c.name));

	const ids = features.filter((c) => isIdLike(input, c)).map((c) => c.name);
	const text = features.filter((c) => c.type === 'text' && !ids.includes(c.name)).map((c) => c.name);
	if (ids.length + text.length > 0) {
		steps.push(step('drop', { columns: [...ids, ...text] }));
		if (ids.length)
			reasons.push(`Drop ${ids.join(', ')}: a different value in every row is an identifier, not a pattern.`);
		if (text.length) reasons.push(`Drop ${text.join(', ')}: free text needs its own treatment.`);
	}
	const kept = features.filter((c) => !ids.includes(c.name) && !text.includes(c.name));

	const targetsWithGaps = targets.filter((name) => summarizeColumn(input, name).missing > 0);
	if (targetsWithGaps.length) {
		steps.push(
			step('filter', {
				match: 'all',
				conditions: targetsWithGaps.map((column) => ({ column, operator: 'is-present' }))
			})
		);
		reasons.push(
			`Keep rows where ${targetsWithGaps.join(', ')} is present: a row without an answer teaches nothing.`
		);
	}

	const dates = kept.filter((c) => c.type === 'date').map((c) => c.name);
	const numbers = kept.filter((c) => isNumericType(c.type)).map((c) => c.name);
	const categories = kept.filter((c) => c.type === 'category' || c.type === 'boolean').map((c) => c.name);

	// Every feature gets a fill value, even without gaps in this data: new rows may have them.
	if (numbers.length) steps.push(step('impute', { columns: numbers, strategy: 'median' }));
	if (categories.length) steps.push(step('impute', { columns: categories, strategy: 'most-frequent' }));
	if (numbers.length || categories.length) {
		reasons.push('Fill missing values: numbers with the median, categories with the most frequent value.');
	}
	if (dates.length) {
		steps.push(step('date-parts', { columns: dates, parts: ['year', 'month', 'weekday'] }));
		steps.push(
			step('impute', {
				columns: dates.flatMap((d) => [`${d}_year`, `${d}_month`, `${d}_weekday`]),
				strategy: 'median'
			})
		);
		reasons.push(`Split ${dates.join(', ')} into year, month and weekday: models read numbers, not dates.`);
	}
	if (numbers.length) {
		steps.push(step('scale', { columns: numbers, method: 'standard' }));
		reasons.push('Scale numbers to mean 0 and spread 1, so no column dominates by its units.');
	}
	if (categories.length) {
		steps.push(step('encode', { columns: categories, method: 'one-hot', maxLevels: 20 }));
		reasons.push('One-hot encode categories (the 20 most frequent kept apart, the rest together).');
	}
	return { recipe: { version: RECIPE_VERSION, steps }, reasons };
}
