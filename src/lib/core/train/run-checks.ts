// The checks a network run makes around its training, in one place for runTraining: the prepared matrix
// before the first epoch (scales, constant features, a feature that mirrors the target) and the outcome
// after it (a diverged loss, a score no better than the baseline).
import type { Recipe } from '../prep/recipe/types.ts';
import { baselineWarning, divergedWarning } from './baseline-warning.ts';
import {
	constantFeaturesWarning,
	featureScaleWarning,
	featureStats,
	targetLeakWarning
} from './feature-checks.ts';
import type { RunWarning } from './run-warnings.ts';
import type { NetworkTask, TrainingArrays } from './training-data.ts';
import type { TrainResult, TrainSettings } from './types.ts';

export function checkTrainingMatrix(
	train: TrainingArrays,
	features: readonly string[],
	targets: readonly string[],
	recipe: Recipe
): RunWarning[] {
	const stats = featureStats(train, features);
	const constant = constantFeaturesWarning(stats);
	return [
		constant,
		featureScaleWarning(stats, recipe),
		// Only one target can mirror a feature in a way worth a sentence.
		targets.length === 1 ? targetLeakWarning(train, features, targets[0]!) : null
	].filter((w): w is RunWarning => w !== null);
}

export interface RunOutcome {
	task: NetworkTask;
	targets: readonly string[];
	train: TrainingArrays;
	validation: TrainingArrays;
	test: TrainingArrays;
	metrics: { validation?: Record<string, unknown>; test?: Record<string, unknown> };
	result: TrainResult;
	settings: TrainSettings;
	/** What checkTrainingMatrix found. */
	before: readonly RunWarning[];
}

/** The validation rows when the split has some, else the test rows; null when neither was scored. */
function scoredSplit(outcome: RunOutcome) {
	const metricName = outcome.task === 'classification' ? 'accuracy' : 'r2';
	for (const split of ['validation', 'test'] as const) {
		const summary = outcome.metrics[split];
		const data = outcome[split];
		if (summary && data.n > 0 && typeof summary[metricName] === 'number')
			return { split, data, metric: summary[metricName] as number };
	}
	return null;
}

export function checkRunOutcome(outcome: RunOutcome): RunWarning[] {
	const { result, settings, before } = outcome;
	const warnings: RunWarning[] = [];
	if (result.stopReason === 'diverged') warnings.push(divergedWarning(result.message, settings, before));
	const scored = scoredSplit(outcome);
	if (scored) {
		const baseline = baselineWarning({
			task: outcome.task,
			targets: outcome.targets,
			train: outcome.train,
			scored: scored.data,
			split: scored.split,
			metric: scored.metric,
			history: result.history,
			bestEpoch: result.bestEpoch,
			stopReason: result.stopReason,
			settings,
			featureWarnings: before
		});
		if (baseline) warnings.push(baseline);
	}
	return warnings;
}
