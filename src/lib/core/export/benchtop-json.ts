// benchtop.json as a model is written (read back through core/models/benchtop-model-schema.ts): how to
// prepare rows for the model (input columns, fitted recipe, classes) and how it was trained (the run
// record). Shared by `benchtop train --out` and the studio's TF.js zip.
import { BENCHTOP_MODEL_FORMAT, BENCHTOP_MODEL_VERSION } from '../models/benchtop-model-schema.ts';
import type { ColumnSchema } from '../table/column-types.ts';
import type { RunRecord } from '../train/run-record.ts';

/**
 * benchtop.json's content; `version` changes when a reader would misread a newer file. `artifactFields`
 * are the engine's (k-means' centroids; a network's weightsSha256, which lets every reader check
 * weights.bin is the one written). `extra` adds fields older readers skip (a model version's lineage).
 */
export function benchtopModelJson(
	runRecord: Omit<RunRecord, 'id' | 'artifactId'> & Partial<Pick<RunRecord, 'id' | 'artifactId'>>,
	inputSchema: readonly ColumnSchema[],
	artifactFields: Record<string, unknown> = {},
	extra: Record<string, unknown> = {}
) {
	// The stored weights' id means nothing outside this browser.
	// The training profile (drift reports) sits beside the run, not in it: readers find it at the top.
	const {
		fitted,
		spec,
		task,
		targets,
		classes,
		features,
		artifactId: _artifactId,
		trainingProfile,
		...run
	} = runRecord;
	return {
		format: BENCHTOP_MODEL_FORMAT,
		version: BENCHTOP_MODEL_VERSION,
		task,
		targets,
		classes: classes ?? null,
		features,
		inputSchema: inputSchema.map(({ name, type }) => ({ name, type })),
		spec,
		recipe: fitted,
		...artifactFields,
		...(trainingProfile ? { trainingProfile } : {}),
		...extra,
		run
	};
}
