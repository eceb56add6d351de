// What each step of a recipe does to the training split, for the Prepare page: the columns it added,
// removed or changed, with their statistics before and after, and the rows it removed. A failing step
// gets its message; the steps after it are not run, and the recipe stays as the person wrote it.
import { toBenchtopError } from '../../errors.ts';
import { fitRecipe, RecipeStepError } from '../recipe/fit-recipe.ts';
import type { ColumnSchema } from '../../table/column-types.ts';
import type { FittedRecipe, Recipe } from '../recipe/types.ts';
import type { PrepTable } from '../../table/prep-table.ts';
import { summarizeColumn, type ColumnSummary } from './summarize-columns.ts';

export type StepStatus = 'ok' | 'disabled' | 'failed' | 'not-run';

export interface StepPreview {
	index: number;
	status: StepStatus;
	/** Set when the step failed: what is wrong, in words. */
	message?: string;
	rowsBefore: number;
	rowsAfter: number;
	added: string[];
	removed: string[];
	changed: string[];
	/** Statistics of the removed and changed columns before the step. */
	before: ColumnSummary[];
	/** Statistics of the added and changed columns after it. */
	after: ColumnSummary[];
	/** The columns after this step (the ones a later step can use). */
	columns: ColumnSchema[];
	/** What fitting decided that the person should know. */
	notes: string[];
}

export interface RecipePreview {
	steps: StepPreview[];
	/** The fitted recipe when every enabled step ran. */
	fitted: FittedRecipe | null;
	/** Columns coming out of the last step that ran. */
	output: ColumnSummary[];
	outputRows: number;
}

function compare(before: PrepTable, after: PrepTable, index: number, notes: string[]): StepPreview {
	const beforeNames = new Set(before.schema.map((c) => c.name));
	const afterNames = new Set(after.schema.map((c) => c.name));
	const rowsBefore = before.table.numRows();
	const rowsAfter = after.table.numRows();
	const added = after.schema.filter((c) => !beforeNames.has(c.name)).map((c) => c.name);
	const removed = before.schema.filter((c) => !afterNames.has(c.name)).map((c) => c.name);
	// Untouched columns keep their very array (rebuildTable passes them through), so identity tells
	// what a step changed; a step that removes rows changes every column, which the row counts say.
	const changed =
		rowsBefore === rowsAfter
			? after.schema
					.filter(
						(c) => beforeNames.has(c.name) && before.table.column(c.name) !== after.table.column(c.name)
					)
					.map((c) => c.name)
			: [];
	return {
		index,
		status: 'ok',
		rowsBefore,
		rowsAfter,
		added,
		removed,
		changed,
		before: [...removed, ...changed].map((name) => summarizeColumn(before, name)),
		after: [...added, ...changed].map((name) => summarizeColumn(after, name)),
		columns: after.schema,
		notes
	};
}

function idle(index: number, status: StepStatus, current: PrepTable, message?: string): StepPreview {
	const rows = current.table.numRows();
	return {
		index,
		status,
		message,
		rowsBefore: rows,
		rowsAfter: rows,
		added: [],
		removed: [],
		changed: [],
		before: [],
		after: [],
		columns: current.schema,
		notes: []
	};
}

export function previewRecipe(recipe: Recipe, train: PrepTable): RecipePreview {
	const steps: StepPreview[] = [];
	let current = train;
	let fitted: FittedRecipe | null = null;
	try {
		fitted = fitRecipe(recipe, train, {
			afterStep(index, output, notes) {
				// Steps between the last one that ran and this one were disabled.
				while (steps.length < index) steps.push(idle(steps.length, 'disabled', current));
				steps.push(compare(current, output, index, notes));
				current = output;
			}
		});
	} catch (error) {
		const failure = error instanceof RecipeStepError ? error : null;
		const at = failure ? failure.step : steps.length;
		while (steps.length < at) steps.push(idle(steps.length, 'disabled', current));
		steps.push(idle(at, 'failed', current, toBenchtopError(error).message));
	}
	while (steps.length < recipe.steps.length) {
		const index = steps.length;
		const status = !recipe.steps[index]!.enabled ? 'disabled' : fitted ? 'ok' : 'not-run';
		steps.push(idle(index, status, current));
	}
	return {
		steps,
		fitted,
		output: current.schema.map((c) => summarizeColumn(current, c.name)),
		outputRows: current.table.numRows()
	};
}
