// Early stopping's patience counted in optimiser steps rather than epochs, when the person left it at its
// default (not given, or given as the default, which is what the Train page's form sends). Ten epochs of a large table are hundreds of updates; ten epochs of macrodata's 146 training rows
// are fifty, too few for a network to leave a plateau, so it stopped at epoch 28 with R² 0.71 where
// scikit-learn's MLP reaches 0.87 (patience 30 gives 0.875).
import { NUMBER_SETTINGS } from './settings.ts';
import type { TrainSettings } from './types.ts';

/** About this many optimiser steps without a better epoch end a run. */
export const PATIENCE_STEPS = 150;
/** The most epochs of patience a small table gets. */
export const MAX_SIZED_PATIENCE = 50;

/** Whether the settings as given name a patience other than the default. */
function patienceChosen(input: unknown): boolean {
	if (!input || typeof input !== 'object') return false;
	const early = (input as { earlyStopping?: unknown }).earlyStopping;
	if (!early || typeof early !== 'object' || !('patience' in early)) return false;
	return (early as { patience: unknown }).patience !== NUMBER_SETTINGS.patience.default;
}

/** The settings with the default patience raised so that it spans PATIENCE_STEPS steps on `trainRows`. */
export function sizePatience(settings: TrainSettings, input: unknown, trainRows: number): TrainSettings {
	if (patienceChosen(input)) return settings;
	const fitted = Math.max(1, Math.round(trainRows * (1 - settings.validationFraction)));
	const stepsPerEpoch = Math.ceil(fitted / Math.min(settings.batchSize, fitted));
	const patience = Math.min(
		MAX_SIZED_PATIENCE,
		Math.max(settings.earlyStopping.patience, Math.ceil(PATIENCE_STEPS / stepsPerEpoch))
	);
	if (patience === settings.earlyStopping.patience) return settings;
	return { ...settings, earlyStopping: { ...settings.earlyStopping, patience } };
}
