// Everything needed to turn raw rows into predictions, whichever way a model arrives: a stored run with
// its weights (the studio) or an exported model folder (the CLI). Plain data apart from the weights Blob.
import type { ModelDescription } from '../models/benchtop-model-schema.ts';
import type { ModelArtifact, RunRecord } from '../train/run-record.ts';

export interface ModelBundle extends ModelDescription {
	artifact: ModelArtifact;
}

export function bundleFromRun(run: RunRecord, artifact: ModelArtifact): ModelBundle {
	return {
		task: run.task,
		targets: run.targets,
		...(run.classes ? { classes: run.classes } : {}),
		features: run.features,
		inputSchema: run.fitted.inputSchema.map(({ name, type }) => ({ name, type })),
		spec: run.spec,
		fitted: run.fitted,
		artifact
	};
}
