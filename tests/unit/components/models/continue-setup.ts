// What the "Continue training" tests share: a table stored as a data set version on a real registry, and a
// run trained on a stored version through the real pipeline (runTraining, as the train worker calls it, on
// TF.js's cpu backend) and saved there, with the largest difference between two sets of weights.
import { tableFromArrowIPC } from '../../../../src/lib/core/data/arrow-ipc.ts';
import type { DatasetRecord, Registry } from '../../../../src/lib/core/registry/index.ts';
import type { ContinueFrom } from '../../../../src/lib/core/train/continue-from.ts';
import { runTraining, type TrainingRequest } from '../../../../src/lib/core/train/run-training.ts';

export { storeVersion as store } from '../../store-version.ts';

/** Trains `request` on the stored `dataset` (from `init`'s version when given) and saves the run. */
export async function train(
	registry: Registry,
	dataset: DatasetRecord,
	request: TrainingRequest,
	init?: ContinueFrom
) {
	const input = {
		table: tableFromArrowIPC(await registry.loadDatasetArrow(dataset.id)),
		schema: dataset.schema
	};
	const outcome = await runTraining(input, request, {
		dataset: { id: dataset.id, hash: dataset.hash, name: dataset.name },
		backend: { name: 'cpu', reason: 'test' },
		versions: {},
		...(init ? { init } : {})
	});
	outcome.model?.dispose();
	return { run: await registry.saveRun(outcome.run, outcome.artifact), artifact: outcome.artifact };
}

export function largestGap(a: Float32Array[], b: Float32Array[]): number {
	let gap = 0;
	a.forEach((values, i) => values.forEach((v, j) => (gap = Math.max(gap, Math.abs(v - b[i]![j]!)))));
	return gap;
}
