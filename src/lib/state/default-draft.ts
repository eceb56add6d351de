// The target a data set version is first given: the sample manifest's when it is a sample, else the
// column the table itself points to (see proposeTarget). Never "no target": clustering is chosen on purpose.
import type { DatasetRecord } from '$lib/core/registry/index.ts';
import { findSample } from '$lib/core/data/sample-manifest.ts';
import { proposeTarget, type TargetProposal } from '$lib/core/prep/propose-target.ts';
import { defaultSplitSpec } from '$lib/core/prep/default-preparation.ts';
import type { PreparationDraft } from '$lib/core/prep/preparation.ts';
import { emptyRecipe } from '$lib/core/prep/recipe/types.ts';

export function proposedTarget(record: DatasetRecord): TargetProposal {
	const sample = record.source.kind === 'sample' ? findSample(record.source.sampleId) : undefined;
	return proposeTarget(record.schema, sample?.target ?? null);
}

/**
 * @deprecated Train still calls this while it moves to `loadExperimentDraft` (src/lib/state/experiment-draft.ts),
 * which builds the real default recipe from the rows. Without the rows this one has no recipe at all.
 */
export function defaultDraft(record: DatasetRecord, chosenTarget: string | null = null): PreparationDraft {
	const target = chosenTarget ?? proposedTarget(record).column;
	return { recipe: emptyRecipe(), split: defaultSplitSpec(record.schema, target), target };
}
