// A whole search from a table: the test rows cut off, the trials run (here, or by the caller's `runTrial`:
// Node worker threads, the studio's workers), the best trial by validation score (k-fold on small tables,
// selection.ts; the linear model kept over a network that beats it by too little, winner.ts), and the
// winner trained once more on every search row with the full split, for the epochs its trial kept
// (refit.ts), which scores the test rows for it alone.
import { BenchtopError } from '../errors.ts';
import { imageShapeOf } from '../models/infer-task.ts';
import type { Task } from '../models/types.ts';
import { defaultRecipe } from '../prep/default-recipe.ts';
import type { Recipe } from '../prep/recipe/types.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { runTraining, type TrainingContext, type TrainingOutcome } from '../train/run-training.ts';
import type { SearchRows } from '../train/run-record.ts';
import type { TrainSettingsInput } from '../train/settings.ts';
import { defaultSearchSpace } from './default-space.ts';
import { searchFolds } from './folds.ts';
import { searchRecheck, type RecheckConfig } from './finalists.ts';
import { SEARCH_EPOCHS, searchMaxEpochs } from './max-epochs.ts';
import { refitRequest } from './refit.ts';
import { runTrial, setupRequest, type TuneSetup } from './run-trial.ts';
import {
	runSearch,
	type SearchBudget,
	type SearchState,
	type Strategy,
	type TrialJob,
	type TrialOutcome,
	type TrialRecord
} from './search.ts';
import { selectionFolds, selectionMetric, type SelectionMetric } from './selection.ts';
import type { SearchSpace, TrialParams } from './space.ts';
import { tuneData, type TuneData } from './tune-data.ts';
import { trialRun, type TrialRun } from './trial-runs.ts';
import { searchWinner } from './winner.ts';

export interface TuneRequest {
	targets: string[];
	task: Exclude<Task, 'clustering'>;
	/** The task's default space when absent. */
	space?: SearchSpace;
	strategy: Strategy;
	seed: number;
	budget: SearchBudget;
	/** The test share cut off before the search (train's default: 0.2). */
	testSize?: number;
	/** The recipe whose scaler, encoder and impute the space may change; the default recipe when absent. */
	recipe?: Recipe;
	/** Settings every trial starts from. */
	settings?: TrainSettingsInput;
	/** Put on the winner's final run record (`search`), with the winning trial's number. */
	searchId?: string;
	/** k-fold selection on the search rows (2 to 10 folds, stratified for classes); 0: one validation split;
	 * absent: k-fold on small tables, one split on large ones (selection.ts). */
	folds?: number;
	/** false: no re-check of the finalists at the end (finalists.ts); on by default. */
	recheck?: boolean;
	/** What trials are compared on (selection.ts): a classifier's accuracy (the default) or macro F1; a
	 * regression's R². */
	metric?: SelectionMetric;
}

export interface TunePlan {
	data: TuneData;
	setup: TuneSetup;
	/** The folds every trial is scored on (selection.ts); absent: one validation split. */
	folds?: number;
	/** The finalists' re-check the search makes (absent when every trial is cross-validated). */
	recheck?: RecheckConfig;
	/** The finalists' re-check: the setup with k folds of the search rows (finalists.ts); absent when
	 * every trial is cross-validated already. */
	recheckSetup?: TuneSetup;
	space: SearchSpace;
	maxEpochs: number;
}

/** The setup a job trains with: a finalist's re-check trains on folds. */
export function jobSetup(plan: TunePlan, job: TrialJob): TuneSetup {
	if (!job.recheck) return plan.setup;
	if (!plan.recheckSetup) throw new BenchtopError('bad-input', 'This search re-checks no finalists.');
	return plan.recheckSetup;
}

/** What a trial's run records of its rows: the outer split, and with `folds` (the folds the search selects
 * on) the first fold (runTrial keeps the first fold's run) and the column the folds were stratified on. */
export function trialSearchRows(
	data: TuneData,
	request: Pick<TuneRequest, 'task' | 'targets'>,
	folds: number | undefined
): SearchRows {
	const { method, train, validation, test, seed, column, indicesHash } = data.outer;
	const outer = {
		method,
		train,
		validation,
		test,
		seed,
		...(column === undefined ? {} : { column }),
		indicesHash
	};
	if (folds === undefined) return { outer };
	const stratify = request.task === 'classification' ? request.targets[0] : undefined;
	return { outer, fold: { k: folds, index: 0, ...(stratify === undefined ? {} : { stratify }) } };
}

/** Everything a search settles before its first trial. */
export function planSearch(input: PrepTable, request: TuneRequest): TunePlan {
	const data = tuneData(input, request.task, request.targets[0], request.testSize ?? 0.2, request.seed);
	const features = input.schema.map((c) => c.name).filter((n) => !request.targets.includes(n));
	const space = request.space ?? defaultSearchSpace(request.task, imageShapeOf(features) !== null);
	// A trial trains up to the search's epoch cap unless the person set epochs: early stopping ends most
	// sooner, and a slow learning rate is not cut off before it converges (max-epochs.ts).
	const settings: TrainSettingsInput = {
		epochs: SEARCH_EPOCHS,
		...(request.settings ?? {}),
		seed: request.seed
	};
	const maxEpochs = searchMaxEpochs(space, settings);
	const k = selectionFolds(request, input.table.numRows());
	const folds =
		k === undefined
			? undefined
			: searchFolds(data.search, request.task === 'classification', request.targets[0]!, k, request.seed);
	// Checked before any trial trains: a regression cannot select on macro F1.
	const metric = request.metric === undefined ? undefined : selectionMetric(request.task, request.metric);
	const setup: TuneSetup = {
		targets: request.targets,
		task: request.task,
		...(metric ? { metric } : {}),
		recipe: request.recipe ?? defaultRecipe(data.search, request.targets).recipe,
		settings,
		trialSplit: data.trialSplit,
		...(folds ? { folds } : {}),
		searchRows: trialSearchRows(data, request, k)
	};
	const recheck = searchRecheck({ folds: k, recheck: request.recheck });
	const recheckSetup: TuneSetup | undefined = recheck
		? {
				...setup,
				folds: searchFolds(
					data.search,
					request.task === 'classification',
					request.targets[0]!,
					recheck.folds,
					request.seed
				)
			}
		: undefined;
	return {
		data,
		space,
		maxEpochs,
		setup,
		...(k === undefined ? {} : { folds: k }),
		...(recheck && recheckSetup ? { recheck, recheckSetup } : {})
	};
}

export interface TuneResult {
	plan: TunePlan;
	state: SearchState;
	best: TrialRecord | null;
	/** Set when the best linear trial was kept over a network ranked above it (winner.ts): why. */
	bestReason?: string;
	/** The winner trained on every search row and scored on the test rows; its model is the caller's. */
	final: TrainingOutcome | null;
}

/** A trial's outcome and, when asked for and the trial completed or was pruned, its run (trial-runs.ts). */
export interface TrialResult {
	outcome: TrialOutcome;
	run?: TrialRun;
}

export interface TuneOptions {
	workers?: number;
	/** Trains one trial elsewhere (worker threads, the studio's workers); in this thread when absent.
	 * `wantRun`: send back the trial's run too (completed or pruned). */
	runTrial?: (job: TrialJob, plan: TunePlan, wantRun: boolean) => Promise<TrialResult>;
	onTrial?: (record: TrialRecord, state: SearchState) => void;
	/** Each completed or pruned trial's run (before onTrial): the studio stores each one, the CLI the best. */
	onTrialRun?: (record: TrialRecord, run: TrialRun) => void;
	resume?: SearchState;
	shouldStop?: () => boolean;
}

/** The winner's final run: its values, every search row to train on for the epochs its trial kept (`epochs`,
 * refit.ts; absent on records from before they were kept: early stopping on a share of the rows then), the
 * test rows scored. */
export async function finalRun(
	input: PrepTable,
	plan: TunePlan,
	params: TrialParams,
	context: TrainingContext,
	epochs?: number
): Promise<TrainingOutcome> {
	const outcome = await runTraining(
		input,
		refitRequest(setupRequest(plan.setup, { params }, plan.data.finalSplit), epochs),
		context
	);
	if (plan.setup.metric !== undefined) outcome.run.selectedOn = plan.setup.metric;
	return outcome;
}

export async function tune(
	input: PrepTable,
	request: TuneRequest,
	context: TrainingContext,
	options: TuneOptions = {}
): Promise<TuneResult> {
	if (request.targets.length === 0)
		throw new BenchtopError('bad-input', 'A search needs a target column: tuning compares models on it.');
	const plan = planSearch(input, request);
	const wantRun = options.onTrialRun !== undefined;
	const local = async (job: TrialJob): Promise<TrialResult> => {
		const { outcome, training } = await runTrial(plan.data.search, jobSetup(plan, job), job, {
			...context,
			onWarnings: undefined
		});
		training?.model?.dispose();
		return {
			outcome,
			...(wantRun && !job.recheck && training && outcome.status !== 'failed'
				? { run: trialRun(training, request.searchId, job.trial, outcome.status === 'pruned') }
				: {})
		};
	};
	const trial = async (job: TrialJob): Promise<TrialOutcome> => {
		const { outcome, run } = options.runTrial ? await options.runTrial(job, plan, wantRun) : await local(job);
		if (run) options.onTrialRun?.({ trial: job.trial, params: job.params, ...outcome }, run);
		return outcome;
	};
	const state = await runSearch(
		{
			space: plan.space,
			strategy: request.strategy,
			seed: request.seed,
			budget: request.budget,
			maxEpochs: plan.maxEpochs,
			...(plan.recheck ? { recheck: plan.recheck } : {})
		},
		trial,
		{
			workers: options.workers ?? 1,
			onTrial: options.onTrial,
			resume: options.resume,
			shouldStop: options.shouldStop
		}
	);
	const { winner: best, reason } = searchWinner(state.trials, selectionMetric(request.task, request.metric));
	const trained = best ? await finalRun(input, plan, best.params, context, best.epochs) : null;
	const final =
		trained && best
			? { ...trained, run: { ...trained.run, search: request.searchId, trial: best.trial } }
			: null;
	return { plan, state, best, ...(reason ? { bestReason: reason } : {}), final };
}
