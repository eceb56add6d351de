// One trial as a normal training run on the search rows (see tune-data.ts), in whatever thread calls it:
// the trial's values become a training request, the run trains with the split that holds validation rows,
// ASHA's rungs stop it early when its learning curve falls behind, and its validation score is the trial's.
import type { Task } from '../models/types.ts';
import type { Recipe } from '../prep/recipe/types.ts';
import type { TableSplit } from '../prep/split/index.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { runTraining, type TrainingContext, type TrainingOutcome } from '../train/run-training.ts';
import type { SearchRows } from '../train/run-record.ts';
import type { TrainSettingsInput } from '../train/settings.ts';
import { TrainControl } from '../train/train-control.ts';
import type { TrainingRequest } from '../train/training-request.ts';
import { commonEpoch, type FoldEpoch } from './common-epoch.ts';
import { foldSplit, type TrialFold } from './folds.ts';
import { prunedAt } from './halving.ts';
import { refitEpochs } from './refit.ts';
import { epochScore, needsClassScores, selectionMetric, type SelectionMetric } from './selection.ts';
import type { TrialJob, TrialOutcome } from './search.ts';
import { trialRequest } from './trial-request.ts';
import { meanMetrics, trialFigures } from './trial-figures.ts';

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
	/** k-fold selection: the folds of the search rows every trial trains on (folds.ts); absent: one split. */
	folds?: TrialFold[];
	/** What trials are compared on when the person chose it (selection.ts); absent: accuracy or R². */
	metric?: SelectionMetric;
	/** Which rows the trials' runs split (the search's, fold 1 with folds), put on each trial's run record
	 * so Evaluate finds them again; absent on setups made before it was recorded. */
	searchRows?: SearchRows;
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

/** One training run of a trial: on the trial split, or on one fold. ASHA's rungs are watched when asked; the
 * run stops when the trial's `clock` (paused time left out) reaches `deadline`, the end of the search's time
 * (time-budget.ts). */
async function trainOnce(
	search: PrepTable,
	setup: TuneSetup,
	job: TrialJob,
	context: TrainingContext,
	control: TrainControl,
	fold: TableSplit | undefined,
	watchRungs: boolean,
	deadline: number,
	clock: () => number
): Promise<{ training: TrainingOutcome; pruned: boolean; outOfTime: boolean }> {
	let pruned = false;
	let outOfTime = false;
	let best = -Infinity;
	const metric = selectionMetric(setup.task, setup.metric);
	const training = await runTraining(
		search,
		setupRequest(setup, job, setup.trialSplit),
		{
			...context,
			control,
			...(needsClassScores(metric) ? { validationScores: true } : {}),
			onProgress: (progress) => {
				context.onProgress?.(progress);
				if (!outOfTime && clock() >= deadline) {
					outOfTime = true;
					control.stop();
				}
				const end = progress.epochEnd;
				if (!end || !watchRungs) return;
				const score = epochScore(end, metric);
				if (score !== undefined && score > best) best = score;
				if (prunedAt(job.rungs, end.epoch, best)) {
					pruned = true;
					control.stop();
				}
			}
		},
		fold
	);
	if (setup.metric !== undefined) training.run.selectedOn = metric;
	// A run that ended on its own (a closed-form solve reports progress once, at its end) was not cut short.
	return { training, pruned, outOfTime: outOfTime && training.run.status === 'stopped' };
}

/**
 * Trains one trial on `search` (the search rows): once on the trial split, or once per fold when the setup
 * has folds. Returns the outcome for the search and a run itself (with folds, the first fold's), its model
 * to be disposed by the caller, or kept. With folds, ASHA watches the first fold's learning curve (the
 * curve a trial is compared on) and a trial it prunes trains no further folds.
 */
export async function runTrial(
	search: PrepTable,
	setup: TuneSetup,
	job: TrialJob,
	context: TrainingContext
): Promise<{ outcome: TrialOutcome; training: TrainingOutcome | null }> {
	const control = context.control ?? new TrainControl();
	// The trial's own clock: time the control spends paused does not count.
	const pausedBefore = control.pausedMs;
	const started = performance.now();
	const clock = () => performance.now() - (control.pausedMs - pausedBefore);
	const elapsed = () => Math.round(clock() - started);
	const failure = (message: string, training: TrainingOutcome | null = null) => ({
		outcome: {
			status: 'failed' as const,
			value: null,
			metrics: {},
			curve: [],
			durationMs: elapsed(),
			message
		},
		training
	});
	// Out of time (time-budget.ts): pruned, as ASHA prunes, since its score is not a finished trial's; no run
	// is kept when it had not scored an epoch.
	const stoppedForTime = (figure: ReturnType<typeof trialFigures>, first: TrainingOutcome, when: string) => {
		const scored = figure.value !== null;
		if (!scored) first.model?.dispose();
		return {
			outcome: {
				status: 'pruned' as const,
				...figure,
				durationMs: elapsed(),
				message: `stopped at the time budget ${when}`
			},
			training: scored ? first : null
		};
	};
	try {
		const folds = setup.folds ?? [undefined];
		const runs: TrainingOutcome[] = [];
		const figures: ReturnType<typeof trialFigures>[] = [];
		const kept: number[] = [];
		const histories: TrainingOutcome['run']['history'][] = [];
		const deadline = job.timeLeftMs === undefined ? Infinity : started + job.timeLeftMs;
		for (const [i, fold] of folds.entries()) {
			const { training, pruned, outOfTime } = await trainOnce(
				search,
				setup,
				job,
				context,
				control,
				fold && foldSplit(fold, setup.trialSplit),
				i === 0,
				deadline,
				clock
			);
			const figure = trialFigures(training.run, setup.task);
			// A trial's run is its first fold's (or its only) run: the record says which rows those were.
			if (i === 0)
				runs.push(
					setup.searchRows
						? { ...training, run: { ...training.run, searchRows: setup.searchRows } }
						: training
				);
			else training.model?.dispose();
			if (outOfTime && training.run.status !== 'diverged') {
				const epochs = training.run.history.length;
				const after = `after ${epochs} epoch${epochs === 1 ? '' : 's'}`;
				return stoppedForTime(
					i === 0 ? figure : figures[0]!,
					runs[0]!,
					folds.length > 1 ? `in fold ${i + 1} of ${folds.length}, ${after}` : after
				);
			}
			const failed = training.run.status === 'diverged' || figure.value === null;
			if (failed) {
				const message = training.run.message ?? 'no validation score';
				return failure(folds.length > 1 ? `fold ${i + 1}: ${message}` : message, runs[0]);
			}
			figures.push(figure);
			kept.push(training.run.bestEpoch);
			histories.push(training.run.history);
			if (pruned)
				return {
					outcome: { status: 'pruned', ...figure, durationMs: elapsed() },
					training: runs[0]!
				};
			// The person stopped the search mid-trial, or its time ran out as a fold ended: a mean over some of
			// the folds would not compare.
			if (control.stopped && i < folds.length - 1)
				return clock() >= deadline
					? stoppedForTime(figures[0]!, runs[0]!, `after fold ${i + 1} of ${folds.length}`)
					: failure(`stopped after ${i + 1} of ${folds.length} folds`, runs[0]);
		}
		const epochs = refitEpochs(kept);
		const withEpochs = epochs === undefined ? {} : { epochs };
		const solved = runs[0]!.run.solvedExactly ? { solvedExactly: true as const } : {};
		if (figures.length === 1)
			return {
				outcome: { status: 'completed', ...figures[0]!, ...withEpochs, ...solved, durationMs: elapsed() },
				training: runs[0]!
			};
		const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
		const tiebreaks = figures.map((f) => f.tiebreak);
		// The folds' common epoch (common-epoch.ts): its mean is the score, its number the refit's epochs.
		const metric = selectionMetric(setup.task, setup.metric);
		const common = commonEpoch(
			histories.map((h): FoldEpoch[] => h.map((e) => ({ loss: e.valLoss, metric: epochScore(e, metric) })))
		);
		const scored = common
			? { value: common.value, foldValues: common.values, epochs: histories[0]![common.index]!.epoch }
			: {
					value: mean(figures.map((f) => f.value!)),
					foldValues: figures.map((f) => f.value!),
					...withEpochs
				};
		return {
			outcome: {
				status: 'completed',
				value: scored.value,
				...(tiebreaks.every((t): t is number => t !== undefined) ? { tiebreak: mean(tiebreaks) } : {}),
				// The selection metric is the score's (at the common epoch); the others stay the folds' means at
				// their own kept epochs, which is all the runs measured of them.
				metrics: {
					...meanMetrics(figures.map((f) => f.metrics)),
					[metric]: scored.value
				},
				curve: figures[0]!.curve,
				foldValues: scored.foldValues,
				...(scored.epochs === undefined ? {} : { epochs: scored.epochs }),
				...solved,
				durationMs: elapsed()
			},
			training: runs[0]!
		};
	} catch (error) {
		return failure(error instanceof Error ? error.message : String(error));
	}
}
