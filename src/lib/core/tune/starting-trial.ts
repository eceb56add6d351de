// A search's first trial is the studio's default model, as near as its space can say it, so a search never
// ends worse on its own selection measure than pressing Train would have. Drawn trials can all miss: a
// 60-second TPE search on flights-2k (distance from origin, destination and delay) spent 16 of its 17
// trials on networks of 8-30 units at validation R² 0.12-0.19 and found one wide network (0.60) with its last
// trial, while the default MLP scores 0.68 in 6 s. Optuna users enqueue their defaults the same way, and
// `--model auto` already tries the default MLP first (auto-model.ts).
import { MLP_DEFAULT_LAYERS } from '../models/mlp/index.ts';
import { DEFAULT_TRAIN_SETTINGS } from '../train/settings.ts';
import type { Strategy } from './search.ts';
import { spaceFields, type Domain, type SearchSpace, type TrialParams } from './space.ts';

const denseLayers = MLP_DEFAULT_LAYERS.filter((layer) => layer.type === 'dense');
const firstDropout = MLP_DEFAULT_LAYERS.find((layer) => layer.type === 'dropout');

/** The defaults in a search's terms. A search's layers share one width, so the default 64 → 32 is two
 * layers of 64; no L2 is the space's smallest. */
export const STARTING_VALUES: TrialParams = {
	family: 'mlp',
	layers: denseLayers.length,
	units: denseLayers[0]!.units,
	activation: denseLayers[0]!.activation,
	dropout: firstDropout?.rate ?? 0,
	l2: 0,
	optimizer: DEFAULT_TRAIN_SETTINGS.optimizer,
	learningRate: DEFAULT_TRAIN_SETTINGS.learningRate,
	batchSize: DEFAULT_TRAIN_SETTINGS.batchSize,
	epochs: DEFAULT_TRAIN_SETTINGS.epochs,
	patience: DEFAULT_TRAIN_SETTINGS.earlyStopping.patience,
	targetScaling: 'standard',
	scaler: 'standard',
	encoder: 'one-hot',
	impute: 'median'
};

/** A default value in a field's domain: a range holds it clamped to its ends (whole for ints), a set of
 * choices only when it is one of them (undefined otherwise). */
function projected(domain: Domain, value: string | number): string | number | undefined {
	if (domain.type === 'choice') return domain.options.find((option) => String(option) === String(value));
	if (typeof value !== 'number') return undefined;
	const clamped = Math.min(domain.high, Math.max(domain.low, value));
	return domain.type === 'int' ? Math.round(clamped) : clamped;
}

/** The first trial's values: each field of the space at the studio's default where the space holds it,
 * else at the value drawn for the trial (a family choice without the MLP keeps the drawn family). */
export function startingTrial(space: SearchSpace, drawn: TrialParams): TrialParams {
	const params: TrialParams = {};
	for (const field of spaceFields(space)) {
		const fallback = STARTING_VALUES[field];
		const value = fallback === undefined ? undefined : projected(space.params[field]!, fallback);
		params[field] = value ?? drawn[field]!;
	}
	return params;
}

/** Whether a search of this strategy opens with the starting trial: the drawn ones do; a grid keeps its own
 * order. */
export function opensWithDefaults(strategy: Strategy): boolean {
	return strategy !== 'grid';
}
