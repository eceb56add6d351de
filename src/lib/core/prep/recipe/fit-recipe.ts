// Fitting walks the recipe over the training table: each enabled step learns from the table as the steps
// before it left it, then transforms it for the next. Only the table given here is ever looked at, which
// is what keeps statistics of validation and test rows out of the model.
import { BenchtopError, toBenchtopError } from '../../errors.ts';
import { findStep } from '../steps/index.ts';
import { parseStepParams } from './validate-recipe.ts';
import { RECIPE_VERSION, type FittedRecipe, type FittedStep, type Recipe } from './types.ts';
import { type PrepTable } from '../../table/prep-table.ts';

/** A failure inside a step: the message says which step, `step` is its index in the recipe. */
export class RecipeStepError extends BenchtopError {
	readonly step: number;
	constructor(step: number, label: string, cause: BenchtopError) {
		super(
			cause.code === 'internal' ? 'internal' : 'bad-input',
			`Step ${step + 1} (${label}): ${cause.message}`,
			cause.detail
		);
		this.step = step;
	}
}

export interface FitTrace {
	/** Called after each enabled step with the table it produced (the Prepare page's preview). */
	afterStep?(index: number, output: PrepTable, notes: string[]): void;
}

export function fitRecipe(recipe: Recipe, train: PrepTable, trace: FitTrace = {}): FittedRecipe {
	const steps: FittedStep[] = [];
	let table = train;
	recipe.steps.forEach((step, index) => {
		if (!step.enabled) return;
		const definition = findStep(step.op);
		if (!definition) {
			throw new RecipeStepError(
				index,
				step.op,
				new BenchtopError('bad-input', `“${step.op}” is not a recipe step Benchtop knows.`)
			);
		}
		try {
			const params = parseStepParams(definition, step.params);
			const state = definition.fit(params, table);
			table = definition.apply(params, state, table, 'train');
			steps.push({ op: step.op, params, state });
		} catch (error) {
			throw new RecipeStepError(index, definition.label, toBenchtopError(error));
		}
		if (table.table.numRows() === 0) {
			throw new RecipeStepError(
				index,
				definition.label,
				new BenchtopError('bad-input', 'No rows are left after this step; loosen it so some rows remain.')
			);
		}
		const fitted = steps[steps.length - 1]!;
		trace.afterStep?.(index, table, definition.notes?.(fitted.params, fitted.state) ?? []);
	});
	return {
		version: RECIPE_VERSION,
		steps,
		inputSchema: train.schema,
		outputSchema: table.schema,
		fittedRows: train.table.numRows()
	};
}
