// The preparation a data set version starts with: no steps, the sample's target when it has one, and a
// split stratified by that target when it is a class column, so every split holds every class.
import type { DatasetRecord } from '$lib/core/registry/index.ts';
import { findSample } from '$lib/core/data/sample-manifest.ts';
import type { PreparationDraft } from '$lib/core/prep/preparation.ts';
import { emptyRecipe } from '$lib/core/prep/recipe/types.ts';

function sampleTarget(record: DatasetRecord): string | null {
	const sample = record.source.kind === 'sample' ? findSample(record.source.sampleId) : undefined;
	return sample && record.schema.some((c) => c.name === sample.target) ? sample.target : null;
}

/** `target` is the one the person already chose (on the Profile tab); otherwise the sample's. */
export function defaultDraft(record: DatasetRecord, chosenTarget: string | null = null): PreparationDraft {
	const target = chosenTarget ?? sampleTarget(record);
	const type = record.schema.find((c) => c.name === target)?.type;
	const stratify = type === 'category' || type === 'boolean';
	return {
		recipe: emptyRecipe(),
		split: stratify ? { method: 'stratified', column: target } : { method: 'random' },
		target
	};
}
