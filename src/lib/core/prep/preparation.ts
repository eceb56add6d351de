// Preparation as the studio and the CLI run it: split the rows (seeded), fit the recipe on the training
// rows only, and apply the fitted recipe to each split. Nothing here looks at validation or test rows
// while fitting, which is the whole point.
import type { ColumnSchema } from '../table/column-types.ts';
import { applyRecipe } from './recipe/apply-recipe.ts';
import { fitRecipe } from './recipe/fit-recipe.ts';
import { takeRows } from '../table/take-rows.ts';
import type { FittedRecipe, Recipe } from './recipe/types.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { previewRecipe, type RecipePreview } from './preview/preview-recipe.ts';
import { parseSplitSpec, splitBalance, splitRows, type SplitRecord, type TableSplit } from './split/index.ts';

/** What the Prepare page edits for one data set version. */
export interface PreparationDraft {
	recipe: Recipe;
	/** Split settings as entered; validated by parseSplitSpec. */
	split: unknown;
	target: string | null;
}

/** Class counts per split for the balance chart; classes most common first, missing as "(missing)". */
export interface ClassBalance {
	target: string;
	classes: string[];
	splits: { split: string; counts: number[] }[];
}

export interface PreparationPreview {
	split: SplitRecord;
	/** Training rows the step preview ran on: all of them, or an evenly spread sample of a large split. */
	previewRows: number;
	balance: ClassBalance | null;
	preview: RecipePreview;
}

export interface PreparedSplits {
	fitted: FittedRecipe;
	split: TableSplit;
	train: PrepTable;
	validation: PrepTable;
	test: PrepTable;
}

/** The step preview reruns on every edit: past this many training rows it looks at an evenly spread
 * sample, so editing stays quick on a million rows. Saving and training always use every row. */
export const PREVIEW_ROW_LIMIT = 50_000;

/** More classes than this make a balance chart unreadable; the counts still show in the split record. */
const MAX_BALANCE_CLASSES = 20;

function isClassColumn(schema: ColumnSchema[], target: string | null): target is string {
	const type = schema.find((c) => c.name === target)?.type;
	return type === 'category' || type === 'boolean' || type === 'text' || type === 'integer';
}

function classBalance(input: PrepTable, split: TableSplit, target: string): ClassBalance | null {
	const { rows } = splitBalance(input, split, target);
	const classes = [...new Set(rows.map((r) => r.label ?? '(missing)'))];
	if (classes.length > MAX_BALANCE_CLASSES) return null;
	const splits = (['train', 'validation', 'test'] as const).map((name) => ({
		split: name,
		counts: rows.filter((r) => r.split === name).map((r) => r.count)
	}));
	return { target, classes, splits };
}

/** At most `limit` of `rows`, spread evenly and kept in order (deterministic: no seed needed). */
function evenlySpread(rows: Uint32Array, limit: number): Uint32Array {
	if (rows.length <= limit) return rows;
	const out = new Uint32Array(limit);
	const stride = rows.length / limit;
	for (let i = 0; i < limit; i++) out[i] = rows[Math.floor(i * stride)]!;
	return out;
}

export function previewPreparation(input: PrepTable, draft: PreparationDraft): PreparationPreview {
	const split = splitRows(input, parseSplitSpec(draft.split));
	const rows = evenlySpread(split.train, PREVIEW_ROW_LIMIT);
	return {
		split: split.record,
		previewRows: rows.length,
		balance: isClassColumn(input.schema, draft.target) ? classBalance(input, split, draft.target) : null,
		preview: previewRecipe(draft.recipe, takeRows(input, rows))
	};
}

/** Splits, fits on the training rows, and returns each split prepared. `rows` is a split made already
 * (a tuning search's cross-validation fold), used instead of cutting one by the spec. */
export function prepareSplits(
	input: PrepTable,
	recipe: Recipe,
	splitSpec: unknown,
	rows?: TableSplit
): PreparedSplits {
	const split = rows ?? splitRows(input, parseSplitSpec(splitSpec));
	const rawTrain = takeRows(input, split.train);
	let train = rawTrain;
	const fitted = fitRecipe(recipe, rawTrain, { afterStep: (_, output) => (train = output) });
	return {
		fitted,
		split,
		train,
		validation: applyRecipe(fitted, takeRows(input, split.validation), 'evaluate'),
		test: applyRecipe(fitted, takeRows(input, split.test), 'evaluate')
	};
}

/** The whole table through a recipe fitted on its training split: the rows of a new data set version. */
export function materializePreparation(
	input: PrepTable,
	draft: PreparationDraft
): { output: PrepTable; fitted: FittedRecipe; split: SplitRecord } {
	const split = splitRows(input, parseSplitSpec(draft.split));
	const fitted = fitRecipe(draft.recipe, takeRows(input, split.train));
	return { output: applyRecipe(fitted, input, 'train'), fitted, split: split.record };
}
