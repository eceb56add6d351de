// A tuning trial's run is evaluated like any run: its record says which rows the search kept (the outer
// split's training rows) and, with k-fold selection, which fold its run trained on, so Evaluate draws its
// rows again on the whole table and reproduces the validation metrics the trial recorded. Tampered records
// and other data are refused, with the search's or the trial's split named.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateRun } from '../../../../src/lib/core/evaluate/evaluate-run.ts';
import { recreateSplit } from '../../../../src/lib/core/evaluate/evaluate-split.ts';
import type { RunRecord } from '../../../../src/lib/core/train/run-record.ts';
import { parseSearchSpace } from '../../../../src/lib/core/tune/space.ts';
import type { TrialRun } from '../../../../src/lib/core/tune/trial-runs.ts';
import { tune, type TuneRequest } from '../../../../src/lib/core/tune/tune.ts';
import { takeRows } from '../../../../src/lib/core/table/take-rows.ts';
import { loadSample } from '../data/profile/load-sample.ts';

const CONTEXT = {
	dataset: { id: 'd', hash: 'h', name: 'iris' },
	backend: { name: 'cpu', reason: 'test' },
	versions: { tfjs: tf.version.tfjs }
};

const request: TuneRequest = {
	targets: ['species'],
	task: 'classification',
	strategy: 'random',
	seed: 5,
	budget: { trials: 2 },
	space: parseSearchSpace({
		params: { units: { type: 'int', low: 4, high: 12 }, learningRate: { type: 'choice', options: [0.03] } }
	}),
	settings: { epochs: 8 }
};

const strip = (metrics: Record<string, unknown> | undefined) => {
	const { rows: _rows, notes: _notes, ...rest } = metrics ?? {};
	return rest;
};

/** The search's trial runs, stored as the studio stores them (with ids); folds 0 asks for one split. */
async function trialRuns(folds: number): Promise<(TrialRun & { run: RunRecord })[]> {
	const runs: (TrialRun & { run: RunRecord })[] = [];
	const result = await tune(loadSample('iris.csv'), { ...request, folds, searchId: 's1' }, CONTEXT, {
		onTrialRun: (record, trial) =>
			runs.push({
				artifact: trial.artifact,
				run: { ...trial.run, id: `run-${record.trial}`, artifactId: `a-${record.trial}` }
			})
	});
	result.final?.model?.dispose();
	return runs;
}

beforeAll(async () => {
	await tf.setBackend('cpu');
});

describe('a trial run in Evaluate', () => {
	it('with one validation split: the search rows drawn first, the trial’s validation metrics reproduced', async () => {
		const input = loadSample('iris.csv');
		const runs = await trialRuns(0);
		expect(runs).toHaveLength(2);
		for (const { run, artifact } of runs) {
			expect(run.searchRows?.fold).toBeUndefined();
			expect(run.searchRows?.outer.test).toBe(0.2);
			// Plain recreateSplit on the whole table is the error the person used to see.
			expect(() => recreateSplit(input, run.split)).toThrow(/differs/);
			const split = recreateSplit(input, run.split, run.searchRows);
			// 150 rows: 30 test rows kept apart, the 120 search rows cut 96 / 24; no test rows for a trial.
			expect([split.train.length, split.validation.length, split.test.length]).toEqual([96, 24, 0]);
			const evaluation = await evaluateRun(input, run, artifact);
			expect(evaluation.splits.map((s) => [s.split, s.rows])).toEqual([['validation', 24]]);
			const stored = strip(run.metrics.validation);
			expect(Object.keys(stored).length).toBeGreaterThan(2);
			for (const [name, value] of Object.entries(stored))
				expect(evaluation.splits[0]!.metrics[name], name).toBe(value);
		}
	}, 120_000);

	it('with k-fold selection: the trial’s run is its first fold, drawn again and scored the same', async () => {
		const input = loadSample('iris.csv');
		const runs = await trialRuns(3);
		const { run, artifact } = runs[0]!;
		expect(run.searchRows?.fold).toEqual({ k: 3, index: 0, stratify: 'species' });
		const split = recreateSplit(input, run.split, run.searchRows);
		expect(split.train.length + split.validation.length).toBe(120);
		expect(split.validation.length).toBe(40);
		const evaluation = await evaluateRun(input, run, artifact);
		for (const [name, value] of Object.entries(strip(run.metrics.validation)))
			expect(evaluation.splits[0]!.metrics[name], name).toBe(value);
		// Another fold's number is other rows: refused by the trial's hash.
		const other = { ...run.searchRows!, fold: { ...run.searchRows!.fold!, index: 1 } };
		expect(() => recreateSplit(input, run.split, other)).toThrow(/trial’s split drawn again/);
		// Data that are not the search's rows (one row dropped) are refused by the outer split's hash.
		const fewer = takeRows(
			input,
			Array.from({ length: 149 }, (_, i) => i)
		);
		expect(() => recreateSplit(fewer, run.split, run.searchRows)).toThrow(/search’s split drawn again/);
	}, 120_000);
});
