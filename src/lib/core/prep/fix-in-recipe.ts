// Whether a finding's fix is already done by a step of the recipe, so the report says so instead of
// offering to add the same step twice (the default recipe already fills gaps and drops identifiers).
import type { Recipe } from './recipe/types.ts';
import type { QualityFix } from '../data/quality/types.ts';

function columnsOf(params: Record<string, unknown>): string[] | null {
	const columns = params.columns;
	return Array.isArray(columns) ? columns.filter((c): c is string => typeof c === 'string') : null;
}

/** An enabled step with the fix's op, the same settings, and (for column steps) at least its columns. */
export function fixInRecipe(fix: QualityFix, recipe: Recipe): boolean {
	const wanted = columnsOf(fix.params);
	return recipe.steps.some((step) => {
		if (!step.enabled || step.op !== fix.op) return false;
		const sameSettings = Object.entries(fix.params).every(
			([key, value]) => key === 'columns' || JSON.stringify(step.params[key]) === JSON.stringify(value)
		);
		if (!sameSettings) return false;
		if (!wanted) return true;
		const has = columnsOf(step.params) ?? [];
		return wanted.every((c) => has.includes(c));
	});
}
