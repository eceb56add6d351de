// Whether a model version can be trained further on a data set version: the new data must have every
// column the version's fitted recipe reads, with the same type, and its targets. Refused with the columns
// named, before any training starts (incremental training keeps the recipe, so a missing column would
// only fail later, less clearly).
import { BenchtopError } from '../errors.ts';
import { isolated } from '../phrase.ts';
import type { ModelVersionRecord } from './model-records.ts';
import { schemaMismatch } from './orphans.ts';
import type { DatasetRecord } from './schema.ts';

/** `version` absent: a model read from files (`benchtop train --init`), named "The model". */
type VersionColumns = Pick<ModelVersionRecord, 'inputSchema' | 'targets'> &
	Partial<Pick<ModelVersionRecord, 'version'>>;
type DataColumns = Pick<DatasetRecord, 'name' | 'schema'>;

/** Why `dataset` cannot continue `version`, in words with the columns named; undefined when it can. */
export function continueDataProblem(version: VersionColumns, dataset: DataColumns): string | undefined {
	const mismatch = schemaMismatch(version.inputSchema, dataset.schema);
	const present = new Set(dataset.schema.map((column) => column.name));
	const inputs = new Set(version.inputSchema.map((column) => column.name));
	const missingTargets = version.targets.filter((target) => !inputs.has(target) && !present.has(target));
	const reasons = [
		...(mismatch ? [mismatch] : []),
		...(missingTargets.length > 0
			? [
					`it lacks the target ${missingTargets.length === 1 ? 'column' : 'columns'} ${missingTargets.map(isolated).join(', ')}`
				]
			: [])
	];
	if (reasons.length === 0) return undefined;
	const who = version.version === undefined ? 'The model' : `v${version.version}`;
	return `${who} cannot be trained further on “${isolated(dataset.name)}”: ${reasons.join('; ')}.`;
}

/** Throws `bad-input` with continueDataProblem's words when the data does not fit. */
export function requireContinueData(version: VersionColumns, dataset: DataColumns): void {
	const problem = continueDataProblem(version, dataset);
	if (problem) throw new BenchtopError('bad-input', problem);
}
