// A time budget is kept: the winner's final run has its time set aside, and a trial still training when
// the time for trials is up stops there (pruned, saying so), once some trial has finished. With a budget
// in trials alone nothing is timed, so such searches repeat exactly.
import { describe, expect, it } from 'vitest';
import { TrainControl } from '../../../../src/lib/core/train/train-control.ts';
import { runTrial } from '../../../../src/lib/core/tune/run-trial.ts';
import {
	bestTrial,
	runSearch,
	type SearchConfig,
	type TrialJob,
	type TrialOutcome,
	type TrialRecord
} from '../../../../src/lib/core/tune/search.ts';
import { parseSearchSpace } from '../../../../src/lib/core/tune/space.ts';
import { finalFitReserve } from '../../../../src/lib/core/tune/time-budget.ts';
import { jobSetup, planSearch, type TuneRequest } from '../../../../src/lib/core/tune/tune.ts';
import { loadSample } from '../data/profile/load-sample.ts';
import { useCpuBackend } from './cpu-context.ts';

const CONTEXT = useCpuBackend('iris');

const record = (trial: number, durationMs: number, extra: Partial<TrialRecord> = {}): TrialRecord => ({
	trial,
	params: {},
	status: 'completed',
	value: 0.5,
	metrics: {},
	curve: [],
	durationMs,
	...extra
});

describe('finalFitReserve', () => {
	it('keeps one training run of the best trial: its folds, or its split and re-check, counted', () => {
		expect(finalFitReserve(null)).toBe(0);
		expect(finalFitReserve(record(0, 900))).toBe(900);
		expect(finalFitReserve(record(0, 900, { foldValues: [0.5, 0.5, 0.5] }))).toBe(300);
		expect(finalFitReserve(record(0, 1200, { recheck: { folds: 5, splitValue: 0.5 } }))).toBe(200);
	});
});

const space = parseSearchSpace({ params: { learningRate: { type: 'real', low: 1e-4, high: 1, log: true } } });
const config = (budget: SearchConfig['budget']): SearchConfig => ({
	space,
	strategy: 'random',
	seed: 7,
	budget,
	maxEpochs: 10
});

describe('runSearch within a time budget', () => {
	it('times a trial once one has finished, to the end of the time for trials less the final run', async () => {
		let clock = 0;
		const jobs: TrialJob[] = [];
		const state = await runSearch(
			config({ timeMs: 100 }),
			async (job): Promise<TrialOutcome> => {
				jobs.push(job);
				const used = Math.min(30, job.timeLeftMs ?? Infinity);
				clock += used;
				return {
					status: used < 30 ? 'pruned' : 'completed',
					value: 0.5,
					metrics: {},
					curve: [0.5],
					durationMs: used
				};
			},
			{ workers: 1, now: () => clock }
		);
		// Trial 0 ran untimed; trial 1 started at 30 ms with 100 − 30 (the final run of a 30 ms trial) − 30
		// left; trial 2, started at 60 ms, was stopped at 70 ms, where the time for trials ended.
		expect(jobs[0]!.timeLeftMs).toBeUndefined();
		expect(jobs[1]!.timeLeftMs).toBe(40);
		expect(jobs[2]!.timeLeftMs).toBe(10);
		expect(jobs).toHaveLength(3);
		expect(clock).toBe(70);
		expect(state.trials.at(-1)!.status).toBe('pruned');
		expect(bestTrial(state.trials)!.status).toBe('completed');
		expect(state.done).toBe(true);
	});

	it('starts no trial while paused, and its time budget stands still', async () => {
		const control = new TrainControl();
		control.pause();
		const started: number[] = [];
		const search = runSearch(
			config({ timeMs: 150 }),
			async (job): Promise<TrialOutcome> => {
				started.push(job.trial);
				// Paused again for 300 ms after the first trial: twice the budget, which must not run meanwhile.
				if (job.trial === 0) setTimeout(() => (control.pause(), setTimeout(() => control.resume(), 300)), 0);
				await new Promise((resolve) => setTimeout(resolve, 20));
				return { status: 'completed', value: 0.5, metrics: {}, curve: [0.5], durationMs: 20 };
			},
			{
				workers: 1,
				whilePaused: () => control.whilePaused(),
				now: () => performance.now() - control.pausedMs
			}
		);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(started).toEqual([]);
		control.resume();
		const state = await search;
		expect(state.trials.length).toBeGreaterThan(1);
		expect(state.elapsedMs).toBeLessThan(300);
		expect(state.done).toBe(true);
	});

	it('times nothing with a budget in trials alone', async () => {
		const jobs: TrialJob[] = [];
		await runSearch(
			config({ trials: 6 }),
			async (job) => {
				jobs.push(job);
				return { status: 'completed', value: 0.5, metrics: {}, curve: [0.5], durationMs: 5 };
			},
			{ workers: 2 }
		);
		expect(jobs).toHaveLength(6);
		expect(jobs.every((j) => j.timeLeftMs === undefined)).toBe(true);
	});
});

describe('runTrial out of time', () => {
	const request: TuneRequest = {
		targets: ['species'],
		task: 'classification',
		strategy: 'random',
		seed: 3,
		budget: { timeMs: 10_000 },
		space: parseSearchSpace({
			params: {
				family: { type: 'choice', options: ['mlp'] },
				learningRate: { type: 'choice', options: [0.01] }
			}
		}),
		// More epochs than any machine trains in the time given: a run that completed was not cut.
		settings: { epochs: 5000, earlyStopping: { enabled: false } }
	};

	/** One trial of `family` on the request's rows with `timeLeftMs` to go; its outcome, its model freed. */
	async function timedTrial(
		changes: Partial<TuneRequest>,
		family: string,
		timeLeftMs: number,
		control?: TrainControl
	) {
		const plan = planSearch(loadSample(changes.task === 'regression' ? 'diabetes.csv' : 'iris.csv'), {
			...request,
			...changes
		});
		const job: TrialJob = { trial: 0, params: { family, learningRate: 0.01 }, rungs: [] };
		const { outcome, training } = await runTrial(
			plan.data.search,
			jobSetup(plan, job),
			{ ...job, timeLeftMs },
			control ? { ...CONTEXT, control } : CONTEXT
		);
		training?.model?.dispose();
		return outcome;
	}

	it('stops training at the time left and is pruned, saying after how many epochs', async () => {
		const started = performance.now();
		const outcome = await timedTrial({ folds: 0 }, 'mlp', 300);
		const took = performance.now() - started;
		expect(outcome.status).toBe('pruned');
		expect(outcome.message).toMatch(/^stopped at the time budget after \d+ epochs?$/);
		const epochs = Number(/after (\d+)/.exec(outcome.message!)![1]);
		expect(epochs).toBeLessThan(5000);
		expect(outcome.curve).toHaveLength(epochs);
		expect(took).toBeLessThan(10_000);
	}, 30_000);

	it('stops a cross-validated trial in the fold where its time ran out', async () => {
		const outcome = await timedTrial({ folds: 3 }, 'mlp', 300);
		expect(outcome.status).toBe('pruned');
		expect(outcome.message).toMatch(/^stopped at the time budget in fold 1 of 3, after \d+ epochs?$/);
	}, 30_000);

	it('does not count time paused against the trial', async () => {
		// Paused from the start for 600 ms with 400 ms to go: counting the pause, the trial would be cut after
		// its first batch, before any epoch.
		const control = new TrainControl();
		control.pause();
		setTimeout(() => control.resume(), 600);
		const outcome = await timedTrial({ folds: 0 }, 'mlp', 400, control);
		expect(outcome.status).toBe('pruned');
		expect(outcome.value).not.toBeNull();
		expect(outcome.curve.length).toBeGreaterThan(0);
		expect(outcome.durationMs).toBeLessThan(600);
	}, 30_000);

	it('does not count a model solved in closed form as cut short', async () => {
		const outcome = await timedTrial({ targets: ['progression'], task: 'regression', folds: 0 }, 'linear', 0);
		expect(outcome.solvedExactly).toBe(true);
		expect(outcome.status).toBe('completed');
	}, 30_000);
});
