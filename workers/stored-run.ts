// A stored run and its weights, for the workers that predict with it: handed over by the page in memory
// mode, read from IndexedDB otherwise.
import { BenchtopError } from '$lib/core/errors.ts';
import type { ModelArtifact, RunRecord } from '$lib/core/train/run-record.ts';
import { workerStorage } from './worker-storage.ts';

export interface RunJob {
	runId: string;
	/** Memory mode: the run and its weights, which the worker cannot read itself. */
	run?: RunRecord;
	artifact?: ModelArtifact;
}

export async function runWithArtifact(
	job: RunJob,
	workerName: string
): Promise<{ run: RunRecord; artifact: ModelArtifact }> {
	if (job.run && job.artifact) return { run: job.run, artifact: job.artifact };
	const registry = await workerStorage(workerName);
	const run = job.run ?? (await registry.getRun(job.runId));
	if (!run) throw new BenchtopError('not-found', 'This run is no longer stored: it may have been deleted.');
	return { run, artifact: job.artifact ?? (await registry.loadRunArtifact(run)) };
}
