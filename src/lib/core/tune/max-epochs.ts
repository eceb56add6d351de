// How long a full trial trains, apart from the rest of the search so the page can ask without TF.js.
import { DEFAULT_TRAIN_SETTINGS, type TrainSettingsInput } from '../train/settings.ts';
import type { SearchSpace } from './space.ts';

/** A full trial's epochs (ASHA's rungs are fractions of it): the space's largest, else the settings'. */
export function searchMaxEpochs(space: SearchSpace, settings: TrainSettingsInput = {}): number {
	const epochs = space.params.epochs;
	if (epochs?.type === 'choice') return Math.max(...epochs.options.map(Number));
	if (epochs) return epochs.high;
	return settings.epochs ?? DEFAULT_TRAIN_SETTINGS.epochs;
}
