// A search that selects on macro F1 (selection.ts): seattle-weather's five classes are imbalanced (fog,
// drizzle and snow are 12% of the days), so accuracy and macro F1 rank models differently. Trials score
// macro F1 each epoch, their values are macro F1 (folds' mean over the common window), and the winner's
// final run says what it was selected on.
import { describe, expect, it } from 'vitest';
import { f1Score } from '../../../../src/lib/core/metrics/classification.ts';
import { splitRows } from '../../../../src/lib/core/prep/split/index.ts';
import { readLabels } from '../../../../src/lib/core/table/read-column.ts';
import type { RunRecord } from '../../../../src/lib/core/train/run-record.ts';
import { baselineRow } from '../../../../src/lib/core/tune/baseline-row.ts';
import { parseSearchSpace } from '../../../../src/lib/core/tune/space.ts';
import { tune, type TuneRequest } from '../../../../src/lib/core/tune/tune.ts';
import { loadSample } from '../data/profile/load-sample.ts';
import { useCpuBackend } from './cpu-context.ts';

const CONTEXT = useCpuBackend('seattle-weather');

const request: TuneRequest = {
	targets: ['weather'],
	task: 'classification',
	strategy: 'random',
	seed: 3,
	budget: { trials: 2 },
	metric: 'f1_macro',
	space: parseSearchSpace({
		params: {
			family: { type: 'choice', options: ['linear', 'mlp'] },
			units: { type: 'int', low: 8, high: 16 }
		}
	}),
	settings: { epochs: 8 }
};

describe('a search selecting on macro F1', () => {
	it('ranks trials by their validation macro F1, over the folds and with one split', async () => {
		const input = await loadSample('seattle-weather.csv');
		for (const folds of [3, 0]) {
			const runs: Omit<RunRecord, 'id' | 'artifactId'>[] = [];
			const result = await tune(input, { ...request, folds }, CONTEXT, {
				onTrialRun: (_trial, run) => void runs.push(run.run)
			});
			const completed = result.state.trials.filter((t) => t.status === 'completed');
			expect(completed.length).toBe(2);
			for (const t of completed) {
				expect(t.value).toBe(t.metrics.f1_macro);
				// Imbalanced classes: the score is not accuracy under another name.
				expect(Math.abs(t.value! - (t.metrics.accuracy as number))).toBeGreaterThan(0.05);
			}
			if (folds === 3)
				for (const t of completed)
					expect(t.value).toBeCloseTo(t.foldValues!.reduce((a, b) => a + b, 0) / t.foldValues!.length, 12);
			// Each trial's run scored macro F1 every epoch, and is marked with what its search selected on.
			expect(runs).toHaveLength(2);
			for (const run of runs) {
				expect(run.selectedOn).toBe('f1_macro');
				expect(run.history.every((e) => typeof e.valScores?.f1_macro === 'number')).toBe(true);
				// The per-epoch count agrees with the run's validation summary at its kept epoch.
				if (folds === 0) {
					const kept = run.history.find((e) => e.epoch === run.bestEpoch)!;
					expect(kept.valScores!.f1_macro).toBeCloseTo(run.metrics.validation!.f1_macro as number, 6);
				}
			}
			// The baseline row is scored on macro F1 too: always the majority class, as f1_score rates it.
			if (folds === 0) {
				const { search } = result.plan.data;
				const rows = splitRows(search, result.plan.setup.trialSplit);
				const labels = readLabels(search.table, 'weather');
				const baseline = baselineRow(search, result.plan.setup);
				const majority = baseline.label.slice('always “'.length, -1);
				const classes = [...new Set(labels.filter((l): l is string => l !== null))];
				const truth = [...rows.validation].map((i) => classes.indexOf(labels[i]!));
				const expected = f1Score(
					truth,
					truth.map(() => classes.indexOf(majority)),
					classes
				);
				expect(baseline.value).toBeCloseTo(expected, 12);
				expect(baseline.value).toBeLessThan(0.2);
			}
			expect(result.final!.run.selectedOn).toBe('f1_macro');
			expect(typeof result.final!.run.metrics.test?.f1_macro).toBe('number');
			result.final!.model?.dispose();
		}
	}, 180_000);

	it('refuses a score that does not fit the task before training anything', async () => {
		const input = await loadSample('diabetes.csv');
		await expect(
			tune(input, { ...request, targets: ['progression'], task: 'regression' }, CONTEXT)
		).rejects.toThrow('A regression search cannot select on macro F1: it compares trials on R².');
	});
});
