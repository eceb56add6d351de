// Records whose owner is gone. Runs whose data set version was deleted are kept on purpose (a person may
// move them to another version with the same columns, or delete them); models without a run, data blobs
// without a version and recipe drafts without a version can never be reached again, so they are freed.
// Every change happens in one transaction that re-reads what it changes.

import { BenchtopError } from '../errors.ts';
import { isolated } from '../phrase.ts';
import type { ColumnSchema } from '../table/column-types.ts';
import type { ModelArtifact, RunRecord } from '../train/run-record.ts';
import type { StudioDb } from './db.ts';
import { summariseRun, type RunSummary } from './dependents.ts';
import type { BenchtopSchema, DatasetRecord } from './schema.ts';
import { toStorageError } from './storage-errors.ts';
import { inWriteTransaction } from './write-transaction.ts';

export interface OrphanRun extends RunSummary {
	/** The version it was listed under, which is gone. */
	experimentId: string;
	modelBytes: number;
	/** The columns the model reads, each with its type: a version to move it to must have them all. */
	inputSchema: ColumnSchema[];
	targets: string[];
}

export interface Orphans {
	runs: OrphanRun[];
	/** Models whose run is gone, data blobs whose version is gone, drafts whose version is gone. */
	unreachable: { artifacts: string[]; blobs: string[]; recipes: string[]; bytes: number };
}

type ScanStore = 'datasets' | 'blobs' | 'recipes' | 'runs' | 'artifacts';
type GetAll = <N extends ScanStore>(name: N) => Promise<BenchtopSchema[N]['value'][]>;

/** Finds orphans from whole-store reads; used inside a read or a write transaction alike. */
async function scan(getAll: GetAll): Promise<Orphans> {
	const datasets = await getAll('datasets');
	const blobs = await getAll('blobs');
	const recipes = await getAll('recipes');
	const runs = await getAll('runs');
	const artifacts = await getAll('artifacts');
	const datasetIds = new Set(datasets.map((d) => d.id));
	const blobIds = new Set(datasets.map((d) => d.blobId));
	const artifactOf = new Map(runs.filter((r) => r.artifactId).map((r) => [r.artifactId!, r.id]));
	const sizeOf = new Map(artifacts.map((a) => [a.id, artifactBytes(a.artifact)]));
	const orphanRuns = runs
		.filter((run) => !datasetIds.has(run.experimentId))
		.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
		.map((run): OrphanRun => ({
			...summariseRun(run),
			experimentId: run.experimentId,
			modelBytes: run.artifactId ? (sizeOf.get(run.artifactId) ?? 0) : 0,
			inputSchema: run.fitted.inputSchema,
			targets: run.targets
		}));
	const lostArtifacts = artifacts.filter((a) => artifactOf.get(a.id) !== a.runId);
	const lostBlobs = blobs.filter((b) => !blobIds.has(b.id));
	const lostRecipes = recipes.filter((r) => !datasetIds.has(r.datasetId));
	return {
		runs: orphanRuns,
		unreachable: {
			artifacts: lostArtifacts.map((a) => a.id),
			blobs: lostBlobs.map((b) => b.id),
			recipes: lostRecipes.map((r) => r.id),
			bytes:
				lostArtifacts.reduce((sum, a) => sum + artifactBytes(a.artifact), 0) +
				lostBlobs.reduce((sum, b) => sum + b.blob.size, 0)
		}
	};
}

/** Weights as stored; k-means centroids counted as float64s (they are a few hundred bytes). */
function artifactBytes(artifact: ModelArtifact): number {
	if (artifact.kind === 'layers') return artifact.weightData.size;
	return artifact.centroids.reduce((sum, centroid) => sum + centroid.length * 8, 0);
}

const SCAN_STORES: ScanStore[] = ['datasets', 'blobs', 'recipes', 'runs', 'artifacts'];

export async function findOrphans(db: StudioDb): Promise<Orphans> {
	try {
		const tx = db.transaction(SCAN_STORES, 'readonly');
		const found = await scan((name) => tx.objectStore(name).getAll() as never);
		await tx.done;
		return found;
	} catch (error) {
		throw toStorageError(error);
	}
}

export interface FreedOrphans {
	runs: number;
	artifacts: number;
	blobs: number;
	recipes: number;
}

/**
 * Frees every unreachable record, and the orphan runs named in `runIds` with their models. A run that is
 * no longer an orphan when the transaction reads it (moved in another tab) is left alone.
 */
export async function deleteOrphans(db: StudioDb, runIds: readonly string[] = []): Promise<FreedOrphans> {
	return inWriteTransaction(db, SCAN_STORES, async (tx) => {
		const found = await scan((name) => tx.objectStore(name).getAll() as never);
		return freeOrphans(found, runIds, {
			deleteRun: async (run) => {
				await tx.objectStore('runs').delete(run.id);
			},
			deleteArtifact: (id) => tx.objectStore('artifacts').delete(id),
			deleteBlob: (id) => tx.objectStore('blobs').delete(id),
			deleteRecipe: (id) => tx.objectStore('recipes').delete(id),
			artifactOf: async (runId) => (await tx.objectStore('runs').get(runId))?.artifactId ?? null
		});
	});
}

interface Deleters {
	deleteRun(run: OrphanRun): Promise<void>;
	deleteArtifact(id: string): Promise<void>;
	deleteBlob(id: string): Promise<void>;
	deleteRecipe(id: string): Promise<void>;
	artifactOf(runId: string): Promise<string | null>;
}

async function freeOrphans(found: Orphans, runIds: readonly string[], io: Deleters): Promise<FreedOrphans> {
	const freed: FreedOrphans = { runs: 0, artifacts: 0, blobs: 0, recipes: 0 };
	const wanted = new Set(runIds);
	for (const run of found.runs) {
		if (!wanted.has(run.id)) continue;
		const artifactId = await io.artifactOf(run.id);
		if (artifactId) {
			await io.deleteArtifact(artifactId);
			freed.artifacts++;
		}
		await io.deleteRun(run);
		freed.runs++;
	}
	for (const id of found.unreachable.artifacts) {
		await io.deleteArtifact(id);
		freed.artifacts++;
	}
	for (const id of found.unreachable.blobs) {
		await io.deleteBlob(id);
		freed.blobs++;
	}
	for (const id of found.unreachable.recipes) {
		await io.deleteRecipe(id);
		freed.recipes++;
	}
	return freed;
}

/** Why `schema` cannot stand in for the columns a model reads, or undefined when it can. */
export function schemaMismatch(
	inputSchema: readonly ColumnSchema[],
	schema: readonly ColumnSchema[]
): string | undefined {
	const types = new Map(schema.map((c) => [c.name, c.type]));
	const missing = inputSchema.filter((c) => !types.has(c.name)).map((c) => c.name);
	if (missing.length > 0)
		return `it lacks ${missing.length === 1 ? 'the column' : 'the columns'} ${missing.map(isolated).join(', ')}`;
	const retyped = inputSchema.filter((c) => types.get(c.name) !== c.type);
	if (retyped.length > 0)
		return retyped.map((c) => `${isolated(c.name)} is ${types.get(c.name)}, not ${c.type}`).join('; ');
	return undefined;
}

/** The versions an orphan run can move to: those with every column its model reads, of the same type. */
export function versionsForRun(
	run: Pick<OrphanRun, 'inputSchema'>,
	datasets: readonly DatasetRecord[]
): DatasetRecord[] {
	return datasets.filter((d) => schemaMismatch(run.inputSchema, d.schema) === undefined);
}

/**
 * Lists a run under another version, to be evaluated on it: its record of what it trained on
 * (`datasetId`, `datasetHash`) is kept. Refused, with the reason, when the version lacks a column the
 * model reads or has it with another type.
 */
export async function moveRunToDataset(db: StudioDb, runId: string, datasetId: string): Promise<RunRecord> {
	return inWriteTransaction(db, ['datasets', 'runs'], async (tx) => {
		const run = await tx.objectStore('runs').get(runId);
		if (!run)
			throw new BenchtopError(
				'not-found',
				'This run is no longer stored: it may have been deleted in another tab.'
			);
		const dataset = await tx.objectStore('datasets').get(datasetId);
		if (!dataset)
			throw new BenchtopError(
				'not-found',
				'That data set version is no longer stored in this browser.',
				`dataset ${datasetId}`
			);
		const mismatch = schemaMismatch(run.fitted.inputSchema, dataset.schema);
		if (mismatch) {
			throw new BenchtopError(
				'bad-input',
				`Run “${run.name}” cannot be evaluated on “${dataset.name}”: ${mismatch}.`
			);
		}
		const moved: RunRecord = { ...run, experimentId: dataset.id };
		await tx.objectStore('runs').put(moved);
		return moved;
	});
}

/** Settings key that records the one-time repair, with what it found. */
export const ORPHAN_REPAIR_KEY = 'repair:orphans-1';

export interface OrphanRepair {
	/** ISO 8601, UTC. */
	at: string;
	/** Runs found without their version (kept, listed in the storage panel). */
	orphanRuns: number;
	freed: FreedOrphans;
	bytesFreed: number;
}

/**
 * Once per database: frees what earlier versions of Benchtop left unreachable, and counts the runs they
 * orphaned by deleting a data set (kept for the person to move or delete). Returns undefined when it ran
 * before. The scan, the deletes and the mark that it ran are one transaction.
 */
export async function repairOrphansOnce(db: StudioDb): Promise<OrphanRepair | undefined> {
	return inWriteTransaction(db, [...SCAN_STORES, 'settings'], async (tx) => {
		if ((await tx.objectStore('settings').get(ORPHAN_REPAIR_KEY)) !== undefined) return undefined;
		const found = await scan((name) => tx.objectStore(name).getAll() as never);
		const freed = await freeOrphans(found, [], {
			deleteRun: async () => undefined,
			deleteArtifact: (id) => tx.objectStore('artifacts').delete(id),
			deleteBlob: (id) => tx.objectStore('blobs').delete(id),
			deleteRecipe: (id) => tx.objectStore('recipes').delete(id),
			artifactOf: async () => null
		});
		const repair: OrphanRepair = {
			at: new Date().toISOString(),
			orphanRuns: found.runs.length,
			freed,
			bytesFreed: found.unreachable.bytes
		};
		await tx.objectStore('settings').put(repair, ORPHAN_REPAIR_KEY);
		return repair;
	});
}
