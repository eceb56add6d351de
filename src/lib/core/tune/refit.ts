// How the winner is trained for the test rows. Its trials trained on part of the search rows and early
// stopping kept the epoch their validation rows liked best; the final run trains on every search row (as
// scikit-learn's refit does), so it holds nothing back to stop on: it trains the epochs its trial kept
// (with folds, the epoch their mean curve peaked at: common-epoch.ts) and keeps the last. Before, the
// final run held back a tenth of the search rows to stop early on (14 rows of wine) and trained on the
// rest: on wine and penguins the winner then scored one or two test rows fewer than the same values refit
// on all rows for the trial's epochs.
import type { TrainSettingsInput } from '../train/settings.ts';
import type { TrainingRequest } from '../train/training-request.ts';

/** A refit's epochs from the epochs each of a trial's runs kept (one run, or folds without a common
 * epoch): their mean, rounded, at least 1; undefined when no run kept an epoch. */
export function refitEpochs(kept: readonly number[]): number | undefined {
	const epochs = kept.filter((e) => Number.isFinite(e) && e >= 1);
	if (epochs.length === 0) return undefined;
	return Math.max(1, Math.round(epochs.reduce((a, b) => a + b, 0) / epochs.length));
}

/**
 * The final run's request: every training row learned from for `epochs` epochs, none held back, no early
 * stopping. Without `epochs` (a record from before trials kept them) the request is left as it was.
 */
export function refitRequest(request: TrainingRequest, epochs: number | undefined): TrainingRequest {
	if (epochs === undefined || !Number.isInteger(epochs) || epochs < 1) return request;
	const settings = (request.settings ?? {}) as TrainSettingsInput;
	return {
		...request,
		settings: {
			...settings,
			epochs,
			validationFraction: 0,
			earlyStopping: { ...(settings.earlyStopping ?? {}), enabled: false }
		} satisfies TrainSettingsInput
	};
}
