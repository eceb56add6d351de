// Evaluates a stored run on its own held-out rows: the split drawn again from the run's record (and
// checked by hash), the run's fitted recipe applied as it was (never refitted), the stored model's
// outputs, the full metric set and the baseline's. The test metrics come out as the run recorded them.
import type { PrepTable } from '../table/prep-table.ts';
import { bundleFromRun, loadPredictor } from '../predict/predictor.ts';
import type { ModelArtifact, RunRecord } from '../train/run-record.ts';
import { prepareRows } from './evaluate-rows.ts';
import { scoreSplit } from './evaluate-scores.ts';
import { recreateSplit } from './evaluate-split.ts';
import type { EvaluatedSplit, RunEvaluation, SplitEvaluation } from './run-evaluation.ts';

export async function evaluateRun(
	input: PrepTable,
	run: RunRecord,
	artifact: ModelArtifact
): Promise<RunEvaluation> {
	const split = recreateSplit(input, run.split, run.searchRows);
	const bundle = bundleFromRun(run, artifact);
	const predictor = await loadPredictor(bundle);
	let train: PrepTable | undefined;
	try {
		const splits: SplitEvaluation[] = [];
		for (const name of ['validation', 'test'] as EvaluatedSplit[]) {
			if (split[name].length === 0) continue;
			const { prepared, rowIndex } = prepareRows(input, split[name], run.fitted);
			splits.push(
				scoreSplit({
					split: name,
					bundle,
					prepared,
					rowIndex,
					predictions: await predictor.predictPrepared(prepared),
					train: () => (train ??= prepareRows(input, split.train, run.fitted).prepared),
					seed: run.seed
				})
			);
		}
		return {
			runId: run.id,
			task: run.task,
			targets: run.targets,
			...(run.classes ? { classes: run.classes } : {}),
			splits
		};
	} finally {
		predictor.dispose();
	}
}
