// The shapes a recipe takes: as written (steps with their parameters), and as fitted (each step with what
// it learned from the training split). Both are plain JSON, so they travel into workers, files, share
// links and exported bundles unchanged.
import type { ColumnSchema } from '../../table/column-types.ts';

export const RECIPE_VERSION = 1;

export interface RecipeStep {
	op: string;
	params: Record<string, unknown>;
	/** A disabled step stays in the recipe, is shown, and is skipped by fit and apply. */
	enabled: boolean;
	/** Why the step is there, for the person (the default recipe's reasoning, a quality finding); fit and
	 * apply ignore it, and parseRecipe drops it. */
	reason?: string;
}

export interface Recipe {
	version: typeof RECIPE_VERSION;
	steps: RecipeStep[];
}

export interface FittedStep {
	op: string;
	/** The parameters after validation, defaults filled in. */
	params: Record<string, unknown>;
	/** What fit learned (means, vocabularies, bin edges…); JSON. */
	state: unknown;
}

export interface FittedRecipe {
	version: typeof RECIPE_VERSION;
	/** Enabled steps only, in order. */
	steps: FittedStep[];
	/** The columns the recipe was fitted on, before its first step. */
	inputSchema: ColumnSchema[];
	outputSchema: ColumnSchema[];
	/** Rows of the training table it was fitted on. */
	fittedRows: number;
}

/** What apply is for. Steps that remove rows (filter, dedupe) run for training and evaluation tables but
 * never when predicting, so a prediction comes back for every input row. */
export type ApplyPurpose = 'train' | 'evaluate' | 'predict';

export function emptyRecipe(): Recipe {
	return { version: RECIPE_VERSION, steps: [] };
}
