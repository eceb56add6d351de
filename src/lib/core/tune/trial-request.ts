// One trial's values turned into what a normal training run is asked to do: the family and its layers,
// the training settings, and the recipe with the chosen scaler, encoder and impute strategy. Fields the
// space leaves out keep the base request's values (or the run's defaults), so every trial is a plain run.
import type { LayerSpec, NetworkSpec, Task } from '../models/types.ts';
import type { Recipe, RecipeStep } from '../prep/recipe/types.ts';
import type { TrainingRequest } from '../train/training-request.ts';
import type { TrainSettingsInput } from '../train/settings.ts';
import type { TrialParams } from './space.ts';

/** The MLP's hidden layers from the trial: `layers` dense layers of `units` each, a dropout after each. */
export function hiddenLayers(params: TrialParams): LayerSpec[] {
	const count = Number(params.layers ?? 2);
	const units = Number(params.units ?? 64);
	const activation = (params.activation ?? 'relu') as Extract<LayerSpec, { type: 'dense' }>['activation'];
	const l2 = params.l2 === undefined ? undefined : Number(params.l2);
	const dropout = Number(params.dropout ?? 0);
	const layers: LayerSpec[] = [];
	for (let i = 0; i < count; i++) {
		layers.push({ type: 'dense', units, activation, ...(l2 ? { l2 } : {}) });
		if (dropout > 0) layers.push({ type: 'dropout', rate: dropout });
	}
	return layers;
}

const ARCHITECTURE = ['layers', 'units', 'activation', 'dropout', 'l2'] as const;

/** What gradient steps use and a closed-form solution does not. */
const GRADIENT_SETTINGS = ['optimizer', 'learningRate', 'batchSize', 'epochs', 'patience'] as const;

/** A leaderboard's values column for a trial whose values the caller has written out (`params`): a failed
 * trial's reason instead, a pruned one's after them when it says why (the time budget stopped it). */
export function trialValuesText(trial: { status: string; message?: string }, params: string): string {
	if (trial.status === 'failed') return trial.message ?? '';
	return trial.message ? `${params} (${trial.message})` : params;
}

/** A leaderboard's score: four decimals, or three significant digits for a network that diverged (R²
 * −2,532,044.5277 widened the Search panel's table past its column). */
export function scoreText(score: number): string {
	return Math.abs(score) >= 1e4 ? score.toExponential(2) : score.toFixed(4);
}

/** The values that shape a trial's model, for tables and leaderboards: a linear model or a CNN has no
 * searched layers, so their layer fields (drawn all the same) are left out; a linear model keeps its L2,
 * the penalty on its weights. A trial solved in closed form (`solvedExactly`) used no training settings. */
export function relevantParams(params: TrialParams, solvedExactly = false): TrialParams {
	if (params.family !== 'linear' && params.family !== 'cnn') return params;
	const out: TrialParams = { ...params };
	for (const name of ARCHITECTURE) if (name !== 'l2' || params.family === 'cnn') delete out[name];
	if (solvedExactly) for (const name of GRADIENT_SETTINGS) delete out[name];
	return out;
}

/** A linear trial's model: no layers, the trial's L2 on its weights (ridge's α when solved exactly). */
function linearSpec(task: Exclude<Task, 'clustering'>, params: TrialParams): NetworkSpec {
	const l2 = params.l2 === undefined ? 0 : Number(params.l2);
	return { family: 'linear', task, layers: [], ...(l2 > 0 ? { l2 } : {}) };
}

/** The recipe with the trial's choices put into its scale, encode and numeric impute steps. */
export function trialRecipe(recipe: Recipe, params: TrialParams): Recipe {
	const steps = recipe.steps.map((step): RecipeStep => {
		if (step.op === 'scale' && params.scaler !== undefined)
			return { ...step, params: { ...step.params, method: params.scaler } };
		if (step.op === 'encode' && params.encoder !== undefined)
			return { ...step, params: { ...step.params, method: params.encoder } };
		// The categories' impute (most-frequent) stays: mean and median are for numbers.
		if (
			step.op === 'impute' &&
			params.impute !== undefined &&
			(step.params.strategy === 'median' || step.params.strategy === 'mean')
		)
			return { ...step, params: { ...step.params, strategy: params.impute } };
		return step;
	});
	return { ...recipe, steps };
}

/** The settings with the trial's values over the base's. */
export function trialSettings(base: TrainSettingsInput | undefined, params: TrialParams): TrainSettingsInput {
	const settings: TrainSettingsInput = { ...(base ?? {}) };
	if (params.optimizer !== undefined)
		settings.optimizer = params.optimizer as NonNullable<TrainSettingsInput['optimizer']>;
	if (params.learningRate !== undefined) settings.learningRate = Number(params.learningRate);
	if (params.batchSize !== undefined) settings.batchSize = Number(params.batchSize);
	if (params.epochs !== undefined) settings.epochs = Number(params.epochs);
	if (params.targetScaling !== undefined)
		settings.targetScaling = params.targetScaling as NonNullable<TrainSettingsInput['targetScaling']>;
	if (params.patience !== undefined)
		settings.earlyStopping = { ...(base?.earlyStopping ?? {}), patience: Number(params.patience) };
	return settings;
}

/**
 * The training request of one trial. `recipe` is the search's base recipe (the default one when the
 * person gave none); `task` the search's settled task, for the spec.
 */
export function trialRequest(
	base: TrainingRequest & { settings?: TrainSettingsInput },
	recipe: Recipe,
	task: Exclude<Task, 'clustering'>,
	params: TrialParams
): TrainingRequest {
	const family = (params.family ?? base.family ?? 'mlp') as NetworkSpec['family'] | 'auto';
	const wantsLayers = ARCHITECTURE.some((name) => params[name] !== undefined);
	let spec: NetworkSpec | undefined;
	if (family === 'linear') spec = linearSpec(task, params);
	else if (family === 'mlp' && wantsLayers) spec = { family: 'mlp', task, layers: hiddenLayers(params) };
	// A CNN keeps its default layers (they follow the image's size); only its settings are searched.
	return {
		...base,
		task,
		family,
		...(spec ? { spec } : {}),
		recipe: trialRecipe(recipe, params),
		settings: trialSettings(base.settings, params)
	};
}
