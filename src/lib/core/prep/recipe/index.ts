export * from './types.ts';
export * from './step-definition.ts';
export { parseRecipe, parseFittedRecipe, parseStepParams, validateStepParams } from './validate-recipe.ts';
export { fitRecipe, RecipeStepError, type FitTrace } from './fit-recipe.ts';
export { applyRecipe } from './apply-recipe.ts';
