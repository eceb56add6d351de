// The target a data set version is first given: the sample manifest's when it is a sample, else the
// column the table itself points to (see proposeTarget). Never "no target": clustering is chosen on purpose.
import type { DatasetRecord } from '$lib/core/registry/index.ts';
import { findSample } from '$lib/core/data/sample-manifest.ts';
import { proposeTarget, type TargetProposal } from '$lib/core/prep/propose-target.ts';

export function proposedTarget(record: DatasetRecord): TargetProposal {
	const sample = record.source.kind === 'sample' ? findSample(record.source.sampleId) : undefined;
	return proposeTarget(record.schema, sample?.target ?? null);
}
