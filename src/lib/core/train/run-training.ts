// One training run from a table to a run record, the same in the train worker and the CLI: pick the task,
// split the rows (seeded), fit the recipe on the training rows, settle the spec, and hand the rows to
// the family's fitter (fitters.ts), which trains and scores on validation and test. Inputs are declarative (JSON), so a run can be repeated exactly.
import { BenchtopError } from '../errors.ts';
import { defaultFamily, requireFamily } from '../models/families.ts';
import { imageShapeOf } from '../models/infer-task.ts';
import { parseModelSpec } from '../models/spec-schema.ts';
import type { ModelSpec } from '../models/types.ts';
import { defaultRecipe } from '../prep/default-recipe.ts';
import { prepareSplits } from '../prep/preparation.ts';
import { prepareContinued, requireParentFeatures } from './continue-from.ts';
import { parseRecipe } from '../prep/recipe/validate-recipe.ts';
import type { Recipe } from '../prep/recipe/types.ts';
import type { TableSplit } from '../prep/split/index.ts';
import { requireColumns } from '../table/require-columns.ts';
import type { PrepTable } from '../table/prep-table.ts';
import type { RunBase, TrainingContext, TrainingOutcome } from './fitter.ts';
import { fitterFor } from './fitters.ts';
import { parseTrainSettings } from './settings.ts';
import { sizePatience } from './sized-patience.ts';
import { requireTrainableTarget } from './target-values.ts';
import { defaultSplit, resolveTask, type TrainingRequest } from './training-request.ts';

export { defaultSplit, resolveTask, type TrainingRequest } from './training-request.ts';
export type { TrainingContext, TrainingOutcome } from './fitter.ts';

/** `rows`: a split made already (a tuning search's cross-validation fold); cut by `request.split` when absent. */
export async function runTraining(
	input: PrepTable,
	request: TrainingRequest,
	context: TrainingContext,
	rows?: TableSplit
): Promise<TrainingOutcome> {
	const started = performance.now();
	const parsedSettings = parseTrainSettings(request.settings);
	const targets = request.targets;
	requireColumns(input, targets);
	const task = resolveTask(input, request);
	if (task !== 'clustering' && targets.length === 0)
		throw new BenchtopError('bad-input', `A ${task} model needs a target column.`);
	if (task === 'regression' || task === 'multi-output')
		for (const name of targets) requireTrainableTarget(input.table, name);
	const recipe: Recipe =
		request.recipe === undefined ? defaultRecipe(input, targets).recipe : parseRecipe(request.recipe);
	const splitSpec = request.split ?? defaultSplit(task, targets[0], 0.2, parsedSettings.seed);
	// A saved model trained further reads its rows through its own fitted recipe unless asked to refit it.
	const prepared = context.init
		? prepareContinued(input, context.init, splitSpec)
		: prepareSplits(input, recipe, splitSpec, rows);
	const settings = sizePatience(parsedSettings, request.settings, prepared.train.table.numRows());
	const features = prepared.train.schema.map((c) => c.name).filter((name) => !targets.includes(name));
	if (context.init) requireParentFeatures(context.init, features);
	const imageShape = imageShapeOf(features);
	const dataShape = {
		featureCount: features.length,
		imageShape,
		rowCount: prepared.train.table.numRows(),
		suggestedK: request.k ?? null
	};
	const family =
		request.family && request.family !== 'auto' ? request.family : defaultFamily(task, dataShape);
	const spec: ModelSpec =
		request.spec === undefined
			? requireFamily(family).defaultSpec(task, dataShape)
			: parseModelSpec(request.spec);
	if (spec.task !== task) {
		throw new BenchtopError(
			'bad-input',
			`The model is set up for ${spec.task}, but the target calls for ${task}.`
		);
	}

	const base: RunBase = {
		experimentId: context.dataset.id,
		datasetId: context.dataset.id,
		datasetHash: context.dataset.hash,
		createdAt: new Date().toISOString(),
		task,
		targets,
		features,
		split: prepared.split.record,
		recipe,
		fitted: prepared.fitted,
		spec,
		settings,
		seed: settings.seed,
		backend: context.backend,
		versions: context.versions,
		rows: {
			train: prepared.train.table.numRows(),
			validation: prepared.validation.table.numRows(),
			test: prepared.test.table.numRows()
		}
	};

	return fitterFor(spec)({ splits: prepared, features, base, started, input }, spec, settings, context);
}
