// How long a trial trains, apart from the rest of the search so the page can ask without TF.js.
import type { TrainSettingsInput } from '../train/settings.ts';
import type { SearchSpace } from './space.ts';

/**
 * A search's trials train up to this many epochs when neither the space nor the settings say otherwise
 * (scikit-learn's MLPs stop at max_iter 500 too). The single run's default of 100 cut slow learning rates
 * off before they converged (a 2 × 32 tanh net at 3.7e-4 on Friedman: test R² 0.878 at 100 epochs, 0.922 at
 * 500); early stopping still ends the fast ones within a few dozen epochs, and ASHA's rungs (5, 15, 45,
 * 135, 405) stop the hopeless ones early.
 */
export const SEARCH_EPOCHS = 500;

/** A full trial's epochs (ASHA's rungs are fractions of it): the space's largest, else the settings', else
 * the search's cap. */
export function searchMaxEpochs(space: SearchSpace, settings: TrainSettingsInput = {}): number {
	const epochs = space.params.epochs;
	if (epochs?.type === 'choice') return Math.max(...epochs.options.map(Number));
	if (epochs) return epochs.high;
	return settings.epochs ?? SEARCH_EPOCHS;
}
