// The search loop, apart from how a trial is trained (in this thread, in Node worker threads, in the
// studio's workers): the strategy proposes trials in batches of BATCH, the batch runs on `workers` at once,
// and the next batch is proposed from the trials finished before it. Proposals depend only on the seed, the
// trial's number and earlier batches, never on which worker finished first, so the same space, strategy,
// seed and trial budget give the same trials and the same winner with one worker or four; the state is
// plain JSON, so a stopped search goes on where it was.
import { BenchtopError } from '../errors.ts';
import { gridParams, gridSize } from './grid.ts';
import { sampleRandom } from './random-sampler.ts';
import { opensWithDefaults, startingTrial } from './starting-trial.ts';
import type { SearchSpace, TrialParams } from './space.ts';
import { rungChecks, type RungCheck } from './halving.ts';
import {
	affordable,
	recheckedNow,
	recheckReserve,
	rechecked,
	type Recheck,
	type RecheckConfig
} from './finalists.ts';
import { finalFitReserve } from './time-budget.ts';
import { sampleTpe } from './tpe.ts';

export const STRATEGIES = ['grid', 'random', 'tpe', 'asha'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** Trials proposed together: the most workers a pool has, so a batch keeps a pool of four busy. */
export const BATCH = 4;

export interface SearchBudget {
	/** Trials at most (grid: at most the grid's size). */
	trials?: number;
	/** Wall time in ms, the winner's final run included: no trial starts after it, and one still training
	 * then is stopped (time-budget.ts). */
	timeMs?: number;
}

export interface SearchConfig {
	space: SearchSpace;
	strategy: Strategy;
	seed: number;
	budget: SearchBudget;
	/** The epoch budget of a full trial: ASHA's rungs are its fractions. */
	maxEpochs: number;
	/** Re-score the best trials by k-fold cross-validation at the end (finalists.ts); absent: no re-check. */
	recheck?: RecheckConfig;
}

/** What a trial is asked to do. */
export interface TrialJob {
	trial: number;
	params: TrialParams;
	/** ASHA: stop the trial at these epochs when its best validation score so far is below the threshold. */
	rungs: RungCheck[];
	/** A finalist's re-check: train it on each of this many folds of the search rows (finalists.ts). */
	recheck?: number;
	/** A time budget's end, as the time left when the trial starts: it stops training then (time-budget.ts). */
	timeLeftMs?: number;
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
	/** k-fold selection: each fold's score at the folds' common epoch (`value` is their mean). */
	foldValues?: number[];
	/** The epochs the trial's model was kept at (early stopping's best; with folds the common epoch): the
	 * winner's final run trains this many on every search row. */
	epochs?: number;
	/** The run this trial was stored as, where it was stored. */
	runId?: string;
	/** Its model was solved in closed form: the trial's training settings played no part. */
	solvedExactly?: true;
}

export interface TrialRecord extends TrialOutcome {
	trial: number;
	params: TrialParams;
	/** Set once the trial was re-checked as a finalist: `value` is then its folds' mean. */
	recheck?: Recheck;
	/** Why its re-check as a finalist did not finish (a fold failed, the time ran out): it keeps its split's
	 * score and is not re-checked again. */
	recheckFailed?: string;
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
	/** Resolves at once unless the search is paused, then when it goes on: no trial starts while paused
	 * (those training pause too, in their workers; `now` should leave the pause out). */
	whilePaused?: () => Promise<void>;
	/** Called as the finalists' re-check starts (each time, when time left over brought more trials), with
	 * how many trials it checks and on how many folds. */
	onRecheck?: (trials: number, folds: number) => void;
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
	if (trial === 0 && opensWithDefaults(config.strategy))
		return startingTrial(config.space, sampleRandom(config.space, config.seed, 0));
	if (config.strategy === 'grid') return gridParams(config.space, trial);
	if (config.strategy === 'tpe')
		return sampleTpe(
			config.space,
			config.seed,
			trial,
			history.filter((t) => t.value !== null).map((t) => ({ params: t.params, value: t.value! }))
		);
	return sampleRandom(config.space, config.seed, trial);
}

/** Whether trial a ranks above trial b: the higher score, then the higher tiebreak, then the earlier trial. */
export function ranksAbove(
	a: Pick<TrialRecord, 'value' | 'tiebreak'>,
	b: Pick<TrialRecord, 'value' | 'tiebreak'>
): boolean {
	if (a.value! !== b.value!) return a.value! > b.value!;
	return (a.tiebreak ?? -Infinity) > (b.tiebreak ?? -Infinity);
}

/** The best trial that ran to its end (see ranksAbove); null when none did. Once finalists were
 * re-checked, the winner is among them, on their folds' mean (a single split's score does not compare). */
export function bestTrial(trials: readonly TrialRecord[]): TrialRecord | null {
	const finished = trials.filter((t) => t.status === 'completed' && t.value !== null);
	const rechecked = finished.filter((t) => t.recheck !== undefined);
	let best: TrialRecord | null = null;
	for (const t of rechecked.length > 0 ? rechecked : finished)
		if (best === null || ranksAbove(t, best)) best = t;
	return best;
}

/** Runs `jobs` on at most `workers` at once; results in job order. Skipped jobs (stop, time) are left out. */
async function runPool<J, R>(
	jobs: J[],
	workers: number,
	run: (job: J) => Promise<R>,
	mayStart: () => boolean,
	whilePaused: () => Promise<void>
): Promise<(R | undefined)[]> {
	const results: (R | undefined)[] = new Array(jobs.length);
	let next = 0;
	const lane = async () => {
		while (next < jobs.length) {
			const index = next++;
			await whilePaused();
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
	const whilePaused = options.whilePaused ?? (() => Promise.resolve());
	const state: SearchState = options.resume
		? { ...options.resume, trials: [...options.resume.trials], done: false }
		: { config, trials: [], elapsedMs: 0, done: false };
	const started = now() - state.elapsedMs;
	const timeUsed = () => now() - started;
	// Trials of the batch now running that have finished: they count for the time kept (below) at once.
	let batchDone: TrialRecord[] = [];
	const known = () => (batchDone.length > 0 ? [...state.trials, ...batchDone] : state.trials);
	// With a time budget, the search leaves the winner's final run its time (time-budget.ts), and the trials
	// proper leave the finalists' re-check its time as well (finalists.ts).
	const budgetEnd = () =>
		config.budget.timeMs === undefined
			? Infinity
			: config.budget.timeMs - finalFitReserve(bestTrial(known()));
	const timeLeft = () => timeUsed() < budgetEnd();
	const searchTime = () =>
		budgetEnd() -
		(config.recheck && config.budget.timeMs !== undefined
			? recheckReserve(known(), config.recheck, workers, config.budget.timeMs)
			: 0);
	// A trial still training when its time is up stops there, once some trial has finished: a search that
	// stopped them all would have no winner.
	const timed = (job: TrialJob, end: number): TrialJob =>
		Number.isFinite(end) && bestTrial(known()) !== null
			? { ...job, timeLeftMs: Math.max(0, end - timeUsed()) }
			: job;
	let stopped = false;
	const notStopped = () => {
		if (stopped || options.shouldStop?.()) stopped = true;
		return !stopped;
	};
	const mayStart = () => notStopped() && timeUsed() < searchTime();
	// A resumed search re-runs an unfinished batch whole, so batches stay what they were.
	state.trials = state.trials.slice(0, Math.floor(state.trials.length / BATCH) * BATCH);
	const record = (job: TrialJob, outcome: TrialOutcome): TrialRecord => ({
		trial: job.trial,
		params: job.params,
		...outcome
	});
	const searched = () => state.trials.length >= limit || !(timeUsed() < searchTime());
	// Trials, then the finalists' re-check; with a time budget, trials again while the re-checks left time
	// over (they often take less than kept for them), until neither fits: the whole budget is used.
	for (;;) {
		const before = state.trials.length;
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
					const done = record(job, await runTrial(timed(job, searchTime())));
					batchDone.push(done);
					state.elapsedMs = timeUsed();
					options.onTrial?.(done, state);
					return done;
				},
				mayStart,
				whilePaused
			);
			const finished = outcomes.filter((r): r is TrialRecord => r !== undefined);
			state.trials = [...state.trials, ...finished];
			batchDone = [];
			state.elapsedMs = timeUsed();
			if (finished.length < jobs.length) break;
		}
		if (!config.recheck || !searched() || stopped) break;
		const recheck = config.recheck;
		const chosen = recheckedNow(state.trials, recheck);
		const left = budgetEnd() - timeUsed();
		const unchecked = chosen.filter((t) => t.recheck === undefined && t.recheckFailed === undefined);
		const jobs = affordable(unchecked, recheck.folds, workers, left).map((t): TrialJob => ({
			trial: t.trial,
			params: t.params,
			rungs: [],
			recheck: recheck.folds
		}));
		if (jobs.length > 0) options.onRecheck?.(jobs.length, recheck.folds);
		await runPool(
			jobs,
			workers,
			async (job) => {
				const outcome = await runTrial(timed(job, budgetEnd()));
				const index = state.trials.findIndex((t) => t.trial === job.trial);
				const updated = rechecked(state.trials[index]!, outcome, recheck.folds);
				state.trials = state.trials.map((t, i) => (i === index ? updated : t));
				state.elapsedMs = timeUsed();
				options.onTrial?.(updated, state);
				return updated;
			},
			() => notStopped() && timeLeft(),
			whilePaused
		);
		const progressed = state.trials.length > before || jobs.length > 0;
		if (!progressed || config.budget.timeMs === undefined || state.trials.length >= limit || !timeLeft())
			break;
	}
	// Finalists left unchecked for want of time leave the search done all the same: its time is spent.
	state.done = searched() && !stopped;
	return state;
}
