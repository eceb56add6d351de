// What hangs on a data set version — its runs with their models, the versions derived from it, its
// recipe draft — and deleting the version with them or without them, in one transaction, so a delete
// never leaves half of a cascade behind (issue 14: runs and weights used to be orphaned silently).

import type { RunRecord } from '../train/run-record.ts';
import type { StudioDb } from './db.ts';
import { recipeDraftId } from './recipes.ts';
import type { DatasetRecord } from './schema.ts';
import { toStorageError } from './storage-errors.ts';
import { inWriteTransaction, type WriteTransaction } from './write-transaction.ts';

/** A run as the delete dialog and the storage panel name it. */
export interface RunSummary {
	id: string;
	name: string;
	createdAt: string;
	hasModel: boolean;
}

export interface DatasetDependents {
	/** Runs trained on (or attached to) this version. */
	runs: RunSummary[];
	/** Versions made from this one, and versions made from those, nearest first. */
	derived: { id: string; name: string }[];
	/** Runs of the derived versions: deleted with them when the dependents go too. */
	derivedRuns: RunSummary[];
	/**
	 * Model versions trained on this version or a derived one. They keep their own weights and records, so
	 * a delete never removes them; the dialog names them because their lineage will point at a gone version.
	 */
	modelVersions: { modelName: string; version: number; versionId: string }[];
}

export type DependentsChoice = 'delete' | 'keep';

/** The experiment a run is listed under: the version it trained on, or the one it was moved to. */
export function runBelongsTo(run: Pick<RunRecord, 'experimentId'>, datasetId: string): boolean {
	return run.experimentId === datasetId;
}

export function summariseRun(run: RunRecord): RunSummary {
	return { id: run.id, name: run.name, createdAt: run.createdAt, hasModel: run.artifactId !== null };
}

/** Versions whose parent chain leads to `id`, breadth first; `id` itself is not included. */
export function descendantsOf(id: string, datasets: Pick<DatasetRecord, 'id' | 'parentId'>[]): string[] {
	const found: string[] = [];
	const seen = new Set([id]);
	for (let i = -1; i < found.length; i++) {
		const parent = i < 0 ? id : found[i]!;
		for (const dataset of datasets) {
			if (dataset.parentId === parent && !seen.has(dataset.id)) {
				seen.add(dataset.id);
				found.push(dataset.id);
			}
		}
	}
	return found;
}

export async function datasetDependents(db: StudioDb, id: string): Promise<DatasetDependents> {
	try {
		const tx = db.transaction(['datasets', 'runs', 'models', 'modelVersions'], 'readonly');
		const [datasets, runs, models, versions] = await Promise.all([
			tx.objectStore('datasets').getAll(),
			tx.objectStore('runs').getAll(),
			tx.objectStore('models').getAll(),
			tx.objectStore('modelVersions').getAll()
		]);
		await tx.done;
		const derivedIds = descendantsOf(id, datasets);
		const affected = new Set([id, ...derivedIds]);
		const modelName = new Map(models.map((m) => [m.id, m.name]));
		const byId = new Map(datasets.map((d) => [d.id, d]));
		const derivedSet = new Set(derivedIds);
		return {
			runs: runs.filter((run) => runBelongsTo(run, id)).map(summariseRun),
			derived: derivedIds.map((d) => ({ id: d, name: byId.get(d)?.name ?? d })),
			derivedRuns: runs.filter((run) => derivedSet.has(run.experimentId)).map(summariseRun),
			modelVersions: versions
				.filter((version) => affected.has(version.lineage.datasetId))
				.map((version) => ({
					modelName: modelName.get(version.modelId) ?? '?',
					version: version.version,
					versionId: version.id
				}))
				.sort((a, b) => a.modelName.localeCompare(b.modelName) || a.version - b.version)
		};
	} catch (error) {
		throw toStorageError(error);
	}
}

export interface DeleteDatasetResult {
	/** Versions removed: the one asked for, then its derived versions when they went too. */
	datasets: number;
	runs: number;
	models: number;
	/** Runs kept whose version is gone: listed in the storage panel to move or delete. */
	runsKept: number;
}

type CascadeStores = ('datasets' | 'blobs' | 'recipes' | 'runs' | 'artifacts' | 'settings')[];
const CASCADE_STORES: CascadeStores = ['datasets', 'blobs', 'recipes', 'runs', 'artifacts', 'settings'];

/**
 * Deletes a version, and with `dependents: 'delete'` its runs, their models, the versions derived from it
 * and their runs. With `'keep'` the runs stay (orphaned, shown in the storage panel) and each derived
 * version is re-parented to the deleted version's parent so its lineage link still opens something.
 * One transaction: all of it happens or none. Deleting a version that is already gone does nothing.
 */
export async function deleteDatasetWithDependents(
	db: StudioDb,
	id: string,
	dependents: DependentsChoice
): Promise<DeleteDatasetResult> {
	return inWriteTransaction(db, CASCADE_STORES, async (tx) => {
		const result: DeleteDatasetResult = { datasets: 0, runs: 0, models: 0, runsKept: 0 };
		const record = await tx.objectStore('datasets').get(id);
		if (!record) return result;
		const datasets = await tx.objectStore('datasets').getAll();
		const runs = await tx.objectStore('runs').getAll();
		const doomed = dependents === 'delete' ? [id, ...descendantsOf(id, datasets)] : [id];
		const doomedSet = new Set(doomed);
		for (const datasetId of doomed) {
			const dataset = datasetId === id ? record : datasets.find((d) => d.id === datasetId);
			if (dataset) await deleteVersion(tx, dataset);
			result.datasets++;
		}
		for (const run of runs) {
			if (!doomedSet.has(run.experimentId)) continue;
			if (dependents === 'keep') {
				result.runsKept++;
				continue;
			}
			if (run.artifactId) {
				await tx.objectStore('artifacts').delete(run.artifactId);
				result.models++;
			}
			await tx.objectStore('runs').delete(run.id);
			result.runs++;
		}
		if (dependents === 'delete') {
			// The experiment's validation gate (core/evaluate/gate.ts) has no runs left to judge.
			for (const datasetId of doomed) await tx.objectStore('settings').delete(`gate:${datasetId}`);
		} else {
			for (const child of datasets.filter((d) => d.parentId === id)) {
				await tx.objectStore('datasets').put({ ...child, parentId: record.parentId });
			}
		}
		return result;
	});
}

async function deleteVersion(tx: WriteTransaction<CascadeStores>, dataset: DatasetRecord): Promise<void> {
	await tx.objectStore('blobs').delete(dataset.blobId);
	await tx.objectStore('recipes').delete(recipeDraftId(dataset.id));
	await tx.objectStore('datasets').delete(dataset.id);
}
