// Training runs: a small record in `runs` and the model's weights in `artifacts`, written together in one
// transaction so a run is never stored without its model, or a model without its run.

import { BenchtopError } from '../errors.ts';
import type { ModelArtifact, RunRecord } from '../train/run-record.ts';
import type { StudioDb } from './db.ts';
import { newRecordId } from './record-id.ts';
import { toStorageError } from './storage-errors.ts';
import { inWriteTransaction } from './write-transaction.ts';

/** Stores a finished run with its weights; returns the record as stored (ids filled in). */
export async function saveRun(
	db: StudioDb,
	run: Omit<RunRecord, 'id' | 'artifactId'>,
	artifact: ModelArtifact | null
): Promise<RunRecord> {
	const artifactId = artifact ? newRecordId() : null;
	const record: RunRecord = { ...run, id: newRecordId(), artifactId };
	await inWriteTransaction(db, ['runs', 'artifacts'], async (tx) => {
		if (artifact && artifactId)
			await tx.objectStore('artifacts').put({ id: artifactId, runId: record.id, artifact });
		await tx.objectStore('runs').put(record);
	});
	return record;
}

/** The runs of one experiment, newest first. */
export async function listRuns(db: StudioDb, experimentId: string): Promise<RunRecord[]> {
	try {
		const runs = await db.getAllFromIndex('runs', 'by-experiment', experimentId);
		return runs.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
	} catch (error) {
		throw toStorageError(error);
	}
}

export async function getRun(db: StudioDb, id: string): Promise<RunRecord | undefined> {
	try {
		return await db.get('runs', id);
	} catch (error) {
		throw toStorageError(error);
	}
}

export async function loadRunArtifact(db: StudioDb, run: RunRecord): Promise<ModelArtifact> {
	let stored;
	try {
		stored = run.artifactId ? await db.get('artifacts', run.artifactId) : undefined;
	} catch (error) {
		throw toStorageError(error);
	}
	if (!stored)
		throw new BenchtopError(
			'not-found',
			`The model of run “${run.name}” is no longer stored in this browser.`
		);
	return stored.artifact;
}

export async function deleteRun(db: StudioDb, id: string): Promise<void> {
	await inWriteTransaction(db, ['runs', 'artifacts'], async (tx) => {
		const run = await tx.objectStore('runs').get(id);
		if (!run) return;
		if (run.artifactId) await tx.objectStore('artifacts').delete(run.artifactId);
		await tx.objectStore('runs').delete(id);
	});
}
