// The recipe a newcomer gets when they bring none: what most tabular models need and nothing more. It
// decides only which steps and columns from the column types and the shape of the data; every statistic
// is still learned when the recipe is fitted, on the training split.
//
// The scale step is chosen last, from the columns the steps before it put out (the recipe's output schema,
// not the input's): a date's year, a bin number, an impute indicator, a formula or an ordinal code reaches
// the model on the same footing as the original numbers. A year of 1970–2015 left unscaled is what made
// the Cars sample's first epoch lose 21,966 and its R² come out negative.
import { numbersRows } from '../data/row-numbering.ts';
import type { ColumnSchema } from '../table/column-types.ts';
import { summarizeColumn } from './preview/summarize-columns.ts';
import { fitRecipe } from './recipe/fit-recipe.ts';
import { columnValues } from '../table/read-column.ts';
import { isNumericType } from '../table/column-kinds.ts';
import { takeRows } from '../table/take-rows.ts';
import { RECIPE_VERSION, type Recipe, type RecipeStep } from './recipe/types.ts';
import { type PrepTable } from '../table/prep-table.ts';
import { DEFAULT_DATE_PARTS } from './steps/date-parts/parts.ts';

/** A column whose every value differs is an identifier only when there are enough rows to tell. */
const ID_MIN_ROWS = 20;
/** The output schema is read off a fit on at most this many rows (spread over the table): the column
 * names and types do not depend on how many rows there are, only the statistics do. */
const SCHEMA_SAMPLE_ROWS = 2000;

export interface DefaultRecipeOptions {
	/** Steps the person added (a bin, a formula, an ordinal code…): they run after the cleaning steps and
	 * before scaling, so the numbers they make are scaled too. */
	extraSteps?: RecipeStep[];
	/** False when the person turned scaling off on purpose; numbers then reach the model as they are. */
	scale?: boolean;
}

export interface DefaultRecipe {
	recipe: Recipe;
	/** One line per decision, for the person to read next to the recipe. */
	reasons: string[];
	/** Why each step is there, one line per step of `recipe.steps`, in order (an added step: its own). */
	stepReasons: string[];
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
	if (seen.size < ID_MIN_ROWS) return false;
	return column.type !== 'integer' || isDenseRange(seen as Set<number>);
}

/** Whole numbers that all differ name the rows only when they number them (numbersRows). */
function isDenseRange(values: Set<number>): boolean {
	let min = Infinity;
	let max = -Infinity;
	for (const value of values) {
		if (value < min) min = value;
		if (value > max) max = value;
	}
	return numbersRows(min, max, values.size);
}

/** Up to one column per eight rows (at least 20, at most 100): a category such as gapminder's 62 countries
 * keeps its own columns when there are rows enough to learn each, instead of folding most into “other”. */
function oneHotLevels(input: PrepTable): number {
	return Math.min(100, Math.max(20, Math.floor(input.table.numRows() / 8)));
}

/** Rows spread evenly over the table (all of them when it is small). */
function schemaSample(input: PrepTable): PrepTable {
	const n = input.table.numRows();
	if (n <= SCHEMA_SAMPLE_ROWS) return input;
	const stride = n / SCHEMA_SAMPLE_ROWS;
	return takeRows(
		input,
		Int32Array.from({ length: SCHEMA_SAMPLE_ROWS }, (_, i) => Math.floor(i * stride))
	);
}

/** The numeric columns, other than the targets, that the steps put out, in table order. */
export function numericOutputColumns(
	input: PrepTable,
	steps: RecipeStep[],
	targets: readonly string[]
): string[] {
	const fitted = fitRecipe({ version: RECIPE_VERSION, steps }, schemaSample(input));
	return fitted.outputSchema
		.filter((c) => isNumericType(c.type) && !targets.includes(c.name))
		.map((c) => c.name);
}

export function defaultRecipe(
	input: PrepTable,
	targets: string[],
	options: DefaultRecipeOptions = {}
): DefaultRecipe {
	const steps: RecipeStep[] = [];
	const stepReasons: string[] = [];
	const add = (recipeStep: RecipeStep, reason: string) => {
		steps.push(recipeStep);
		stepReasons.push(reason);
	};
	const features = input.schema.filter((c) => !targets.includes(c.name));

	const ids = features.filter((c) => isIdLike(input, c)).map((c) => c.name);
	const text = features.filter((c) => c.type === 'text' && !ids.includes(c.name)).map((c) => c.name);
	if (ids.length + text.length > 0) {
		const why: string[] = [];
		if (ids.length)
			why.push(`Drop ${ids.join(', ')}: a different value in every row is an identifier, not a pattern.`);
		if (text.length) why.push(`Drop ${text.join(', ')}: free text needs its own treatment.`);
		add(step('drop', { columns: [...ids, ...text] }), why.join(' '));
	}
	const kept = features.filter((c) => !ids.includes(c.name) && !text.includes(c.name));

	const targetsWithGaps = targets.filter((name) => summarizeColumn(input, name).missing > 0);
	if (targetsWithGaps.length) {
		add(
			step('filter', {
				match: 'all',
				conditions: targetsWithGaps.map((column) => ({ column, operator: 'is-present' }))
			}),
			`Keep rows where ${targetsWithGaps.join(', ')} is present: a row without an answer teaches nothing.`
		);
	}

	const dates = kept.filter((c) => c.type === 'date').map((c) => c.name);
	const numbers = kept.filter((c) => isNumericType(c.type)).map((c) => c.name);
	const categories = kept.filter((c) => c.type === 'category' || c.type === 'boolean').map((c) => c.name);

	// Every feature gets a fill value, even without gaps in this data: new rows may have them.
	if (numbers.length)
		add(
			step('impute', { columns: numbers, strategy: 'median' }),
			'Fill missing numbers with the median: a model cannot read a gap, and new rows may have them.'
		);
	if (categories.length)
		add(
			step('impute', { columns: categories, strategy: 'most-frequent' }),
			'Fill missing categories with the most frequent value: a model cannot read a gap, and new rows may have them.'
		);
	if (dates.length) {
		const parts = [...DEFAULT_DATE_PARTS];
		add(
			step('date-parts', { columns: dates, parts }),
			`Split ${dates.join(', ')} into the year and the month and weekday on circles (a sine and a cosine each): models read numbers, not dates, and on a circle December sits next to January and Sunday next to Monday, instead of 11 and 6 steps away.`
		);
		add(
			step('impute', {
				columns: dates.flatMap((d) => parts.map((part) => `${d}_${part}`)),
				strategy: 'median'
			}),
			'Fill the parts of a missing date with the median.'
		);
	}
	for (const extra of options.extraSteps ?? []) add(extra, 'Added by you.');

	const scaled = options.scale === false ? [] : numericOutputColumns(input, steps, targets);
	if (scaled.length) {
		add(
			step('scale', { columns: scaled, method: 'standard' }),
			`Scale every number the steps above put out (${scaled.join(', ')}) to mean 0 and spread 1, so no column dominates by its units and a network starts where it learns well.`
		);
	}
	if (categories.length)
		add(
			step('encode', { columns: categories, method: 'one-hot', maxLevels: oneHotLevels(input) }),
			'One-hot encode categories (the 20 most frequent kept apart, the rest together): a 0/1 column per level, already on a network’s scale.'
		);
	const reasons = [...stepReasons.filter((r) => r !== 'Added by you.')];
	if (options.scale === false) reasons.push('Numbers are left unscaled, as you chose.');
	return { recipe: { version: RECIPE_VERSION, steps }, reasons, stepReasons };
}
