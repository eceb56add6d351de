// The search loop, apart from how a trial is trained (in this thread, in Node worker threads, in the
// studio's workers): the strategy proposes trials in batches of BATCH, the batch runs on `workers` at once,
// and the next batch is proposed from the trials finished before it. Proposals depend only on the seed, the
// trial's number and earlier batches, never on which worker finished first, so the same space, strategy,
// seed and trial budget give the same trials and the same winner with one worker or four; the state is
// plain JSON, so a stopped search goes on where it was.
import { BenchtopError } from '../errors.ts';
import { gridParams, gridSize } from './grid.ts';
import { sampleRandom } from './random-sampler.ts';
import type { SearchSpace, TrialParams } from './space.ts';
import { rungChecks, type RungCheck } from './halving.ts';
import { sampleTpe } from './tpe.ts';

export const STRATEGIES = ['grid', 'random', 'tpe', 'asha'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** Trials proposed together: the most workers a pool has, so a batch keeps a pool of four busy. */
export const BATCH = 4;

export interface SearchBudget {
	/** Trials at most (grid: at most the grid's size). */
	trials?: number;
	/** Wall time in ms: no trial starts after it. */
	timeMs?: number;
}

export interface SearchConfig {
	space: SearchSpace;
	strategy: Strategy;
	seed: number;
	budget: SearchBudget;
	/** The epoch budget of a full trial: ASHA's rungs are its fractions. */
	maxEpochs: number;
}

/** What a trial is asked to do. */
export interface TrialJob {
	trial: number;
	params: TrialParams;
	/** ASHA: stop the trial at these epochs when its best validation score so far is below the threshold. */
	rungs: RungCheck[];
}

export type TrialStatus = 'completed' | 'pruned' | 'failed';

export interface TrialOutcome {
	status: TrialStatus;
	/** The selection score (validation accuracy or R²; higher is better); null when there is none. */
	value: number | null;
	/** Breaks a tie in `value` (higher is better): minus the validation log loss for classifiers, whose
	 * accuracy on a few dozen rows often ties; absent where there is none. */
	tiebreak?: number;
	/** The validation metrics, as the run records them. */
	metrics: Record<string, unknown>;
	/** Best validation score up to each epoch (index epoch − 1): ASHA's learning curve. */
	curve: number[];
	durationMs: number;
	message?: string;
	/** k-fold selection: each fold's score (`value` is their mean). */
	foldValues?: number[];
	/** The run this trial was stored as, where it was stored. */
	runId?: string;
}

export interface TrialRecord extends TrialOutcome {
	trial: number;
	params: TrialParams;
}

export interface SearchState {
	config: SearchConfig;
	/** Finished trials, by trial number. */
	trials: TrialRecord[];
	/** Time spent searching, pauses and reloads left out. */
	elapsedMs: number;
	done: boolean;
}

export interface SearchOptions {
	/** Trials run at once (1 to BATCH). */
	workers: number;
	/** A stopped search's state, to go on from. */
	resume?: SearchState;
	onTrial?: (record: TrialRecord, state: SearchState) => void;
	/** Asked before each trial starts: true ends the search there (the finished trials stay). */
	shouldStop?: () => boolean;
	now?: () => number;
}

/** How many trials the budget allows at most (Infinity when only time bounds it). */
export function trialLimit(config: SearchConfig): number {
	const grid = config.strategy === 'grid' ? gridSize(config.space) : Infinity;
	const limit = Math.min(grid, config.budget.trials ?? Infinity);
	if (!Number.isFinite(limit) && config.budget.timeMs === undefined)
		throw new BenchtopError('bad-input', 'A search needs a budget: a number of trials, a time, or both.');
	return limit;
}

/** Trial `trial`'s values under the config's strategy, from the trials finished before its batch. */
export function proposeTrial(
	config: SearchConfig,
	trial: number,
	history: readonly TrialRecord[]
): TrialParams {
	switch (config.strategy) {
		case 'grid':
			return gridParams(config.space, trial);
		case 'random':
		case 'asha':
			return sampleRandom(config.space, config.seed, trial);
		case 'tpe':
			return sampleTpe(
				config.space,
				config.seed,
				trial,
				history.filter((t) => t.value !== null).map((t) => ({ params: t.params, value: t.value! }))
			);
	}
}

/** Whether trial a ranks above trial b: the higher score, then the higher tiebreak, then the earlier trial. */
export function ranksAbove(
	a: Pick<TrialRecord, 'value' | 'tiebreak'>,
	b: Pick<TrialRecord, 'value' | 'tiebreak'>
): boolean {
	if (a.value! !== b.value!) return a.value! > b.value!;
	return (a.tiebreak ?? -Infinity) > (b.tiebreak ?? -Infinity);
}

/** The best trial that ran to its end (see ranksAbove); null when none did. */
export function bestTrial(trials: readonly TrialRecord[]): TrialRecord | null {
	let best: TrialRecord | null = null;
	for (const t of trials)
		if (t.status === 'completed' && t.value !== null && (best === null || ranksAbove(t, best))) best = t;
	return best;
}

/** Runs `jobs` on at most `workers` at once; results in job order. Skipped jobs (stop, time) are left out. */
async function runPool<J, R>(
	jobs: J[],
	workers: number,
	run: (job: J) => Promise<R>,
	mayStart: () => boolean
): Promise<(R | undefined)[]> {
	const results: (R | undefined)[] = new Array(jobs.length);
	let next = 0;
	const lane = async () => {
		while (next < jobs.length) {
			const index = next++;
			if (!mayStart()) continue;
			results[index] = await run(jobs[index]!);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, jobs.length)) }, lane));
	return results;
}

export async function runSearch(
	config: SearchConfig,
	runTrial: (job: TrialJob) => Promise<TrialOutcome>,
	options: SearchOptions
): Promise<SearchState> {
	const limit = trialLimit(config);
	const now = options.now ?? (() => performance.now());
	const workers = Math.max(1, Math.min(BATCH, Math.floor(options.workers)));
	const state: SearchState = options.resume
		? { ...options.resume, trials: [...options.resume.trials], done: false }
		: { config, trials: [], elapsedMs: 0, done: false };
	const started = now() - state.elapsedMs;
	const timeLeft = () => config.budget.timeMs === undefined || now() - started < config.budget.timeMs;
	let stopped = false;
	const mayStart = () => {
		if (stopped || options.shouldStop?.()) stopped = true;
		return !stopped && timeLeft();
	};
	// A resumed search re-runs an unfinished batch whole, so batches stay what they were.
	state.trials = state.trials.slice(0, Math.floor(state.trials.length / BATCH) * BATCH);
	while (state.trials.length < limit && mayStart()) {
		const first = state.trials.length;
		const history = state.trials;
		const jobs: TrialJob[] = [];
		for (let trial = first; trial < Math.min(first + BATCH, limit); trial++)
			jobs.push({
				trial,
				params: proposeTrial(config, trial, history),
				rungs: config.strategy === 'asha' ? rungChecks(config.maxEpochs, history) : []
			});
		const outcomes = await runPool(
			jobs,
			workers,
			async (job) => {
				const record: TrialRecord = { trial: job.trial, params: job.params, ...(await runTrial(job)) };
				state.elapsedMs = now() - started;
				options.onTrial?.(record, state);
				return record;
			},
			mayStart
		);
		const finished = outcomes.filter((r): r is TrialRecord => r !== undefined);
		state.trials = [...state.trials, ...finished];
		state.elapsedMs = now() - started;
		if (finished.length < jobs.length) break;
	}
	state.done = state.trials.length >= limit || !timeLeft();
	return state;
}
