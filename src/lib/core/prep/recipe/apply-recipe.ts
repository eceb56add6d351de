// Applying a fitted recipe is pure: the same fitted recipe and table give the same output in the worker,
// the page and Node. When predicting, steps that remove rows are skipped so every input row gets an answer.
import { BenchtopError, toBenchtopError } from '../../errors.ts';
import { findStep } from '../steps/index.ts';
import { RecipeStepError } from './fit-recipe.ts';
import type { ApplyPurpose, FittedRecipe } from './types.ts';
import type { PrepTable } from '../../table/prep-table.ts';

export function applyRecipe(
	fitted: FittedRecipe,
	input: PrepTable,
	purpose: ApplyPurpose = 'evaluate'
): PrepTable {
	let table = input;
	fitted.steps.forEach((step, index) => {
		const definition = findStep(step.op);
		if (!definition) {
			throw new RecipeStepError(
				index,
				step.op,
				new BenchtopError('bad-input', `“${step.op}” is not a recipe step Benchtop knows.`)
			);
		}
		if (purpose === 'predict' && definition.removesRows) return;
		try {
			table = definition.apply(step.params, step.state, table, purpose);
		} catch (error) {
			throw new RecipeStepError(index, definition.label, toBenchtopError(error));
		}
	});
	return table;
}
