// Everything needed to turn raw rows into predictions, whichever way a model arrives: a stored run with
// its weights (the studio) or an exported model folder (the CLI). Plain data apart from the weights Blob.
import type { ColumnType } from '../table/column-types.ts';
import type { ModelSpec, Task } from '../models/types.ts';
import type { FittedRecipe } from '../prep/recipe/types.ts';
import type { ModelArtifact, RunRecord } from '../train/run-record.ts';

export interface ModelBundle {
	task: Task;
	/** Target columns (empty for clustering). */
	targets: string[];
	/** Class labels in output order (classification only). */
	classes?: string[];
	/** Model input columns after the recipe, in order. */
	features: string[];
	/** The raw columns the recipe was fitted on (targets included), with their types. */
	inputSchema: { name: string; type: ColumnType }[];
	spec: ModelSpec;
	fitted: FittedRecipe;
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
