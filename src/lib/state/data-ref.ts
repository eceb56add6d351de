// The one place the page decides how a worker reaches a version or a run: by id when the workers can read
// IndexedDB themselves, by what the page holds in memory-only mode (a version's stored Blob, handed over
// without copying its bytes; a run's record and weights).
import type { ModelVersionRecord, Registry } from '$lib/core/registry/index.ts';
import type { ModelArtifact, RunRecord } from '$lib/core/train/run-record.ts';
import type { DataRef, DataStore } from '$lib/worker-protocol/data-ref.ts';

export type { DataRef, DataStore } from '$lib/worker-protocol/data-ref.ts';

/** The reference a worker job carries for version `id`. */
export async function dataRefOf(registry: Registry, id: string): Promise<DataRef> {
	if (registry.persistent) return { kind: 'stored', id };
	return { kind: 'memory', id, blob: await registry.loadDatasetBlob(id) };
}

/** Where a worker puts a version or run it makes: in IndexedDB itself, or back to the page to keep. */
export function dataStoreOf(registry: Registry): DataStore {
	return registry.persistent ? 'stored' : 'memory';
}

/** A run as a worker job names it: its id, plus the run and its weights when the worker cannot read them. */
export interface RunRef {
	runId: string;
	run?: RunRecord;
	artifact?: ModelArtifact;
}

/** `run` must be a plain copy (not page state): in memory-only mode it travels with the job. */
export async function runRefOf(registry: Registry, run: RunRecord): Promise<RunRef> {
	if (registry.persistent) return { runId: run.id };
	return { runId: run.id, run, artifact: await registry.loadRunArtifact(run) };
}

/** A model version as a worker job names it: its id, plus its run and checked weights when the worker
 * cannot read them. */
export interface VersionRef {
	versionId: string;
	run?: RunRecord;
	artifact?: ModelArtifact;
}

export async function versionRefOf(registry: Registry, version: ModelVersionRecord): Promise<VersionRef> {
	if (registry.persistent) return { versionId: version.id };
	const { artifact } = await registry.loadModelVersionArtifact(version);
	return { versionId: version.id, run: version.run, artifact };
}
