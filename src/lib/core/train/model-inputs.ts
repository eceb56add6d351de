// What a model will see, before training: the feature columns the recipe leaves, how many numbers a row
// becomes, and the classes of a class target. The architecture editor needs this for its shapes and
// parameter counts; it runs the recipe on at most 50,000 training rows, so it stays quick.
import { defaultRecipe } from '../prep/default-recipe.ts';
import { PREVIEW_ROW_LIMIT } from '../prep/preparation.ts';
import { fitRecipe } from '../prep/recipe/fit-recipe.ts';
import { applyRecipe } from '../prep/recipe/apply-recipe.ts';
import { columnValues, readLabels } from '../table/read-column.ts';
import { takeRows } from '../table/take-rows.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { parseRecipe } from '../prep/recipe/validate-recipe.ts';
import { parseSplitSpec, splitRows } from '../prep/split/index.ts';
import { defaultSplit, describeTargetTask, describeTask, type TrainingRequest } from './training-request.ts';
import type { TaskChoice } from '../models/infer-task.ts';
import type { Recipe } from '../prep/recipe/types.ts';
import type { Task } from '../models/types.ts';

export interface ModelInputs {
	features: string[];
	/** Classes of a class target, sorted as training sorts them; empty otherwise. */
	classes: string[];
	/** Numbers the model outputs per row: classes, or target columns. */
	outputSize: number;
	/** The recipe a run would use (the default one when the request has none). */
	recipe: Recipe;
	task: Task;
	/** Why this task, in words. */
	taskReason: string;
	/**
	 * Features with a single value on the training rows read (up to 50,000): they carry nothing a model can
	 * use. When this is every feature, the page says so before anyone trains.
	 */
	constantFeatures: string[];
	/** The other task the target can be read as (classes ↔ a measurement), each with what it means. */
	taskAlternatives: TaskChoice['alternatives'];
}

/** Whether every value of the column is the same (missing counts as a value of its own). */
function isConstant(table: PrepTable['table'], name: string): boolean {
	const values = columnValues(table, name);
	const key = (value: unknown) => (value instanceof Date ? value.getTime() : (value ?? null));
	const first = key(values[0]);
	for (let i = 1; i < values.length; i++) if (key(values[i]) !== first) return false;
	return true;
}

export function modelInputs(input: PrepTable, request: TrainingRequest): ModelInputs {
	const { task, reason: taskReason } = describeTask(input, request);
	const recipe =
		request.recipe === undefined ? defaultRecipe(input, request.targets).recipe : parseRecipe(request.recipe);
	const split = splitRows(
		input,
		parseSplitSpec(request.split ?? defaultSplit(task, request.targets[0], 0.2, 42))
	);
	const stride = Math.max(1, split.train.length / PREVIEW_ROW_LIMIT);
	const rows = Array.from(
		{ length: Math.min(split.train.length, PREVIEW_ROW_LIMIT) },
		(_, i) => split.train[Math.floor(i * stride)]!
	);
	const train = takeRows(input, rows);
	const prepared = applyRecipe(fitRecipe(recipe, train), train, 'train');
	const features = prepared.schema.map((c) => c.name).filter((name) => !request.targets.includes(name));
	const classes =
		task === 'classification'
			? [
					...new Set(readLabels(prepared.table, request.targets[0]!).filter((l): l is string => l !== null))
				].sort((a, b) =>
					Number.isFinite(Number(a)) && Number.isFinite(Number(b))
						? Number(a) - Number(b)
						: a.localeCompare(b)
				)
			: [];
	return {
		features,
		classes,
		outputSize: task === 'classification' ? classes.length : request.targets.length,
		recipe,
		task,
		taskReason,
		constantFeatures: features.filter((name) => isConstant(prepared.table, name)),
		taskAlternatives: request.targets.length
			? describeTargetTask(input, request.targets).alternatives.filter((a) => a.task !== task)
			: []
	};
}
