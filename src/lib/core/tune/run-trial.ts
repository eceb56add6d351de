// One trial as a normal training run on the search rows (see tune-data.ts), in whatever thread calls it:
// the trial's values become a training request, the run trains with the split that holds validation rows,
// ASHA's rungs stop it early when its learning curve falls behind, and its validation score is the trial's.
import type { Task } from '../models/types.ts';
import type { Recipe } from '../prep/recipe/types.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { runTraining, type TrainingContext, type TrainingOutcome } from '../train/run-training.ts';
import type { TrainSettingsInput } from '../train/settings.ts';
import { TrainControl } from '../train/train-control.ts';
import type { TrainingRequest } from '../train/training-request.ts';
import { prunedAt } from './halving.ts';
import type { TrialJob, TrialOutcome } from './search.ts';
import { trialRequest } from './trial-request.ts';

/** What every trial of a search shares. Plain JSON, so it travels to workers. */
export interface TuneSetup {
	targets: string[];
	task: Exclude<Task, 'clustering'>;
	/** The recipe the space's recipe choices change (the default recipe when the person gave none). */
	recipe: Recipe;
	/** Settings every trial starts from (the seed among them). */
	settings: TrainSettingsInput;
	/** The trials' split of the search rows (tune-data.ts). */
	trialSplit: Record<string, unknown>;
}

/** The selection score the search maximises: validation accuracy, or R² for regressions. */
export function selectionMetric(task: Task): 'accuracy' | 'r2' {
	return task === 'classification' ? 'accuracy' : 'r2';
}

/** The request for one trial of a setup. */
export function setupRequest(
	setup: TuneSetup,
	job: Pick<TrialJob, 'params'>,
	split: unknown
): TrainingRequest {
	const base: TrainingRequest & { settings: TrainSettingsInput } = {
		targets: setup.targets,
		task: setup.task,
		split,
		settings: setup.settings
	};
	return trialRequest(base, setup.recipe, setup.task, job.params);
}

/** A run's score and learning curve as the search reads them. */
export function trialFigures(
	outcome: TrainingOutcome['run'],
	task: Task
): Pick<TrialOutcome, 'value' | 'tiebreak' | 'metrics' | 'curve'> {
	const metric = selectionMetric(task);
	const metrics = outcome.metrics.validation ?? {};
	const value =
		typeof metrics[metric] === 'number' && Number.isFinite(metrics[metric])
			? (metrics[metric] as number)
			: null;
	const curve: number[] = [];
	let best = -Infinity;
	for (const epoch of outcome.history) {
		if (epoch.valMetric !== undefined && epoch.valMetric > best) best = epoch.valMetric;
		curve.push(best);
	}
	const logLoss = metrics.log_loss;
	const tiebreak = typeof logLoss === 'number' && Number.isFinite(logLoss) ? -logLoss : undefined;
	return { value, ...(tiebreak === undefined ? {} : { tiebreak }), metrics, curve };
}

/**
 * Trains one trial on `search` (the search rows). Returns the outcome for the search and the run itself
 * (its model to be disposed by the caller, or kept).
 */
export async function runTrial(
	search: PrepTable,
	setup: TuneSetup,
	job: TrialJob,
	context: TrainingContext
): Promise<{ outcome: TrialOutcome; training: TrainingOutcome | null }> {
	const started = performance.now();
	const control = context.control ?? new TrainControl();
	let pruned = false;
	let best = -Infinity;
	try {
		const training = await runTraining(search, setupRequest(setup, job, setup.trialSplit), {
			...context,
			control,
			onProgress: (progress) => {
				context.onProgress?.(progress);
				const end = progress.epochEnd;
				if (!end) return;
				if (end.valMetric !== undefined && end.valMetric > best) best = end.valMetric;
				if (prunedAt(job.rungs, end.epoch, best)) {
					pruned = true;
					control.stop();
				}
			}
		});
		const figures = trialFigures(training.run, setup.task);
		const failed = training.run.status === 'diverged' || figures.value === null;
		return {
			outcome: {
				status: failed ? 'failed' : pruned ? 'pruned' : 'completed',
				...figures,
				durationMs: Math.round(performance.now() - started),
				...(failed ? { message: training.run.message ?? 'no validation score' } : {})
			},
			training
		};
	} catch (error) {
		return {
			outcome: {
				status: 'failed',
				value: null,
				metrics: {},
				curve: [],
				durationMs: Math.round(performance.now() - started),
				message: error instanceof Error ? error.message : String(error)
			},
			training: null
		};
	}
}
