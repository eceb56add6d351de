// A real search on iris with the CPU engine: the same space, strategy, seed and trial budget give the same
// trials and the same winner; trials never score the test rows, the winner's final run does.
import { describe, expect, it } from 'vitest';
import { parseSearchSpace } from '../../../../src/lib/core/tune/space.ts';
import { tune, type TuneRequest } from '../../../../src/lib/core/tune/tune.ts';
import { loadSample } from '../data/profile/load-sample.ts';
import { useCpuBackend } from './cpu-context.ts';

const CONTEXT = useCpuBackend('iris');

const request: TuneRequest = {
	targets: ['species'],
	task: 'classification',
	strategy: 'random',
	seed: 11,
	budget: { trials: 4 },
	space: parseSearchSpace({
		params: {
			family: { type: 'choice', options: ['linear', 'mlp'] },
			units: { type: 'int', low: 4, high: 16 },
			learningRate: { type: 'real', low: 0.003, high: 0.05, log: true }
		}
	}),
	settings: { epochs: 15 }
};

describe('tune', () => {
	it('repeats on the CPU engine: same trials, scores and winner', async () => {
		const input = await loadSample('iris.csv');
		const first = await tune(input, request, CONTEXT, { workers: 2 });
		const second = await tune(input, request, CONTEXT, { workers: 1 });
		const figures = (r: typeof first) => r.state.trials.map((t) => [t.params, t.status, t.value, t.metrics]);
		expect(first.state.trials).toHaveLength(4);
		expect(figures(second)).toEqual(figures(first));
		expect(second.best!.trial).toBe(first.best!.trial);
		expect(second.final!.run.metrics.test).toEqual(first.final!.run.metrics.test);
		// Trials train on the 120 search rows and have no test rows at all; iris is small, so each trial is
		// scored by 5-fold cross-validation of those rows (selection.ts): a mean of five 24-row folds.
		expect(first.plan.data.rows).toEqual({ search: 120, test: 30 });
		expect(first.plan.folds).toBe(5);
		expect(first.plan.recheck).toBeUndefined();
		// Each trial's score: the folds' mean at the one epoch where their mean curve peaks (common-epoch.ts).
		for (const t of first.state.trials) {
			expect(t.foldValues).toHaveLength(5);
			expect(t.value).toBeCloseTo(t.foldValues!.reduce((a, b) => a + b, 0) / 5, 12);
		}
		expect(first.best!.value).toBeGreaterThan(0.8);
		// The winner's final run: every search row trained on for the folds' common epoch count, none
		// held back, no early stopping; the 30 test rows scored once.
		const final = first.final!.run;
		expect(final.rows).toEqual({ train: 120, validation: 0, test: 30 });
		expect(first.best!.epochs).toBeGreaterThanOrEqual(1);
		expect(final.history).toHaveLength(first.best!.epochs!);
		expect(final.bestEpoch).toBe(first.best!.epochs);
		expect(typeof final.metrics.test?.accuracy).toBe('number');
		expect(final.spec.family).toBe(first.best!.params.family);
		first.final!.model?.dispose();
		second.final!.model?.dispose();
	}, 120_000);

	it('repeats with the finalists re-checked: the same re-checked trials, fold means and winner', async () => {
		const input = await loadSample('iris.csv');
		// One validation split asked for (iris would be cross-validated from the start otherwise).
		const more = { ...request, budget: { trials: 8 }, folds: 0 };
		const first = await tune(input, more, CONTEXT, { workers: 2 });
		const second = await tune(input, more, CONTEXT, { workers: 1 });
		const checked = (r: typeof first) =>
			r.state.trials.filter((t) => t.recheck).map((t) => [t.trial, t.value, t.foldValues, t.recheck]);
		// The best five by their split, all networks here, and the best linear trial (finalists.ts).
		const families = first.state.trials.filter((t) => t.recheck).map((t) => t.params.family);
		expect(families).toHaveLength(6);
		expect(families.filter((f) => f === 'linear')).toHaveLength(1);
		expect(checked(second)).toEqual(checked(first));
		expect(first.best!.recheck?.folds).toBe(5);
		expect(first.plan.folds).toBeUndefined();
		// A re-checked finalist's refit epochs are its folds' mean, not its one split's.
		expect(first.final!.run.history).toHaveLength(first.best!.epochs!);
		expect(second.best!.trial).toBe(first.best!.trial);
		expect(second.final!.run.metrics.test).toEqual(first.final!.run.metrics.test);
		first.final!.model?.dispose();
		second.final!.model?.dispose();
	}, 240_000);
});

describe('baselineRow', () => {
	it('scores the majority class on the validation rows (iris: a third), and the mean for a regression', async () => {
		const { planSearch } = await import('../../../../src/lib/core/tune/tune.ts');
		const { baselineRow } = await import('../../../../src/lib/core/tune/baseline-row.ts');
		const iris = planSearch(await loadSample('iris.csv'), request);
		const row = baselineRow(iris.data.search, iris.setup);
		expect(row.value).toBeCloseTo(1 / 3, 1);
		expect(row.label).toMatch(/^always “/);
		const diabetes = planSearch(await loadSample('diabetes.csv'), {
			...request,
			targets: ['progression'],
			task: 'regression'
		});
		const mean = baselineRow(diabetes.data.search, diabetes.setup);
		expect(mean.value).toBeLessThanOrEqual(0);
		expect(mean.value).toBeGreaterThan(-0.2);
		expect(mean.label).toMatch(/training mean/);
	});
});
