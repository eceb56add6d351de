// k-fold selection: the folds of the search rows (stratified for classes, seeded), and a search that scores
// each trial as the mean over its folds, the same with one worker or two.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDelimitedText } from '../../../../src/lib/core/data/parse-delimited-text.ts';
import { readLabels } from '../../../../src/lib/core/table/read-column.ts';
import { baselineRow } from '../../../../src/lib/core/tune/baseline-row.ts';
import { checkFolds, foldSplit, searchFolds } from '../../../../src/lib/core/tune/folds.ts';
import { meanMetrics } from '../../../../src/lib/core/tune/trial-figures.ts';
import { parseSearchSpace } from '../../../../src/lib/core/tune/space.ts';
import { planSearch, tune, type TuneRequest } from '../../../../src/lib/core/tune/tune.ts';
import { loadSample } from '../data/profile/load-sample.ts';
import { useCpuBackend } from './cpu-context.ts';

const CONTEXT = useCpuBackend('iris');

const request: TuneRequest = {
	targets: ['species'],
	task: 'classification',
	strategy: 'random',
	seed: 5,
	budget: { trials: 2 },
	folds: 3,
	space: parseSearchSpace({
		params: {
			family: { type: 'choice', options: ['linear', 'mlp'] },
			units: { type: 'int', low: 4, high: 12 },
			learningRate: { type: 'real', low: 0.005, high: 0.05, log: true }
		}
	}),
	settings: { epochs: 8 }
};

describe('searchFolds', () => {
	it('cuts the search rows into k stratified folds, each row held out once, the same for the same seed', async () => {
		const iris = await loadSample('iris.csv');
		const plan = planSearch(iris, request);
		const folds = plan.setup.folds!;
		expect(folds).toHaveLength(3);
		const held = folds.flatMap((f) => f.validation).sort((a, b) => a - b);
		expect(held).toEqual([...Array(120).keys()]);
		const labels = readLabels(plan.data.search.table, 'species');
		for (const fold of folds) {
			expect(fold.train.length + fold.validation.length).toBe(120);
			// 40 rows of each class among the search rows: 13 or 14 of each in every held-out fold.
			const counts = new Map<string, number>();
			for (const i of fold.validation) counts.set(labels[i]!, (counts.get(labels[i]!) ?? 0) + 1);
			for (const count of counts.values()) expect(Math.abs(count - 40 / 3)).toBeLessThan(1);
		}
		expect(searchFolds(plan.data.search, true, 'species', 3, 5)).toEqual(folds);
		expect(searchFolds(plan.data.search, true, 'species', 3, 6)).not.toEqual(folds);
		// A regression's folds are plain k-fold: sizes within one of each other.
		const sizes = searchFolds(plan.data.search, false, 'sepal_length', 4, 5).map((f) => f.validation.length);
		expect(sizes).toEqual([30, 30, 30, 30]);
	});

	it('keeps a class with one search row in every fold’s training rows, so its trials can score', async () => {
		// Iris with one flower relabelled: a class of one row, as birdstrikes' one "B" damage row. Held out
		// by one fold, that fold's model would not know it and every trial would fail.
		const text = readFileSync(new URL('../../../../sample-datasets/iris.csv', import.meta.url), 'utf8');
		const lines = text.trimEnd().split('\n');
		lines[7] = lines[7]!.replace(/[^,]+$/, 'hybrid');
		const input = parseDelimitedText(lines.join('\n'));
		const plan = planSearch(input, request);
		const labels = readLabels(plan.data.search.table, 'species');
		const single = labels.indexOf('hybrid');
		expect(single).toBeGreaterThanOrEqual(0);
		const folds = plan.setup.folds!;
		for (const fold of folds) {
			expect(fold.train).toContain(single);
			expect(fold.validation).not.toContain(single);
			expect(fold.train.length + fold.validation.length).toBe(plan.data.rows.search);
			expect([...fold.train]).toEqual([...fold.train].sort((a, b) => a - b));
		}
		// Every other row is held out exactly once.
		const held = folds.flatMap((f) => f.validation).sort((a, b) => a - b);
		expect(held).toEqual([...Array(plan.data.rows.search).keys()].filter((i) => i !== single));
		const result = await tune(input, { ...request, budget: { trials: 1 } }, CONTEXT);
		expect(result.state.trials.map((t) => [t.status, t.foldValues?.length])).toEqual([['completed', 3]]);
		result.final!.model?.dispose();
	}, 60_000);

	it('rejects a fold count outside 2–10 with the range', () => {
		expect(() => checkFolds(1)).toThrow(/from 2 to 10 \(got 1\)/);
		expect(() => checkFolds(2.5)).toThrow(/whole number/);
		expect(checkFolds(5)).toBe(5);
	});

	it('turns a fold into a split: its held-out rows as validation, no test rows', () => {
		const split = foldSplit({ train: [0, 2, 3], validation: [1] }, { method: 'random', seed: 9 });
		expect([...split.validation]).toEqual([1]);
		expect(split.test).toHaveLength(0);
		expect(split.record.counts).toEqual({ train: 3, validation: 1, test: 0 });
		expect(split.record.validation).toBe(0.25);
		expect(split.record.indicesHash).toMatch(/^[0-9a-f]{16}$/);
	});
});

describe('meanMetrics', () => {
	it('averages the metrics every fold has as a number', () => {
		expect(
			meanMetrics([
				{ accuracy: 0.5, rows: 10, note: 'x' },
				{ accuracy: 1, rows: 20 }
			])
		).toEqual({
			accuracy: 0.75,
			rows: 15
		});
	});
});

describe('tune with k-fold selection', () => {
	it('scores each trial as the mean of its folds, repeats across worker counts, and the baseline averages the folds', async () => {
		const iris = await loadSample('iris.csv');
		const first = await tune(iris, request, CONTEXT, { workers: 2 });
		const second = await tune(iris, request, CONTEXT, { workers: 1 });
		for (const trial of first.state.trials) {
			expect(trial.status).toBe('completed');
			expect(trial.foldValues).toHaveLength(3);
			const mean = trial.foldValues!.reduce((a, b) => a + b, 0) / 3;
			expect(trial.value).toBeCloseTo(mean, 12);
			expect(trial.metrics.accuracy).toBeCloseTo(mean, 12);
		}
		expect(second.state.trials.map((t) => [t.params, t.foldValues])).toEqual(
			first.state.trials.map((t) => [t.params, t.foldValues])
		);
		expect(second.best!.trial).toBe(first.best!.trial);
		// The final run still trains on every search row and scores the 30 test rows once.
		expect(first.final!.run.rows.test).toBe(30);
		const baseline = baselineRow(first.plan.data.search, first.plan.setup);
		expect(baseline.value).toBeCloseTo(1 / 3, 1);
		expect(baseline.label).toMatch(/over 3 folds$/);
		first.final!.model?.dispose();
		second.final!.model?.dispose();
	}, 180_000);
});
