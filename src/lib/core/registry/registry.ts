// The storage object the UI holds: one open connection, with a fallback to memory when the browser
// keeps nothing, and a "stale" state once another tab has moved the schema on.

import { BenchtopError } from '../errors.ts';
import * as datasets from './datasets.ts';
import type { NewDatasetVersion, SavedDatasetVersion } from './datasets.ts';
import { openStudioDb } from './db.ts';
import type { StudioDb } from './db.ts';
import { createMemoryFactory, globalFactory } from './idb-factory.ts';
import type { DatasetRecord, RecipeDraftRecord } from './schema.ts';
import * as recipes from './recipes.ts';
import * as runs from './runs.ts';
import type { ModelArtifact, RunRecord } from '../train/run-record.ts';
import * as settings from './settings.ts';
import * as dependents from './dependents.ts';
import type { DatasetDependents, DeleteDatasetResult, DependentsChoice } from './dependents.ts';
import * as orphans from './orphans.ts';
import * as modelVersions from './model-versions.ts';
import type { LoadedVersionArtifact, ModelUsage, NewModelVersion } from './model-versions.ts';
import * as modelAliases from './model-aliases.ts';
import * as storageMarker from './storage-marker.ts';
import type { MarkerCheck, MarkerMirror } from './storage-marker.ts';
import type { AliasMove } from './model-aliases.ts';
import type { AliasEventRecord, ModelRecord, ModelVersionRecord } from './model-records.ts';
import type { ModelVersionSummary } from './version-summary.ts';
import type { FreedOrphans, OrphanRepair, Orphans } from './orphans.ts';

export const MEMORY_ONLY_REASON =
	'Your browser does not let Benchtop store data (private mode or blocked storage). You can work ' +
	'normally, but nothing is kept after you close this tab.';
export const STALE_TAB_MESSAGE = 'Benchtop was updated in another tab: reload this tab to keep working.';
const TERMINATED_MESSAGE =
	'Benchtop lost access to its storage (site data may have been cleared). Reload this tab to keep working.';
const CLOSED_MESSAGE = 'This storage connection is closed.';

export interface Registry {
	/** False when data lives in memory only and is gone when the tab closes. */
	readonly persistent: boolean;
	/** Why `persistent` is false, in words for the person using the studio. */
	readonly unavailableReason?: string;
	/** True once another tab upgraded the database; every call then throws `stale-tab`. */
	readonly stale: boolean;
	/** Called once when the registry goes stale. Returns a function that unsubscribes. */
	onStale(listener: () => void): () => void;
	saveDatasetVersion(input: NewDatasetVersion): Promise<SavedDatasetVersion>;
	listDatasets(): Promise<DatasetRecord[]>;
	getDataset(id: string): Promise<DatasetRecord | undefined>;
	loadDatasetArrow(id: string): Promise<Uint8Array>;
	/** The same bytes as the stored Blob, which a worker receives without a copy. */
	loadDatasetBlob(id: string): Promise<Blob>;
	/** `dependents`: delete its runs, models and derived versions too, or keep them (the default). */
	deleteDataset(id: string, dependents?: DependentsChoice): Promise<DeleteDatasetResult>;
	datasetDependents(id: string): Promise<DatasetDependents>;
	findOrphans(): Promise<Orphans>;
	/** Frees unreachable records, and the orphan runs named (with their models). */
	deleteOrphans(runIds?: readonly string[]): Promise<FreedOrphans>;
	/** Lists a run whose version is gone under another version with the columns its model reads. */
	moveRun(runId: string, datasetId: string): Promise<RunRecord>;
	repairOrphansOnce(): Promise<OrphanRepair | undefined>;
	renameDataset(id: string, name: string): Promise<void>;
	getRecipeDraft(datasetId: string): Promise<RecipeDraftRecord | undefined>;
	saveRecipeDraft(draft: Omit<RecipeDraftRecord, 'id' | 'updatedAt'>): Promise<RecipeDraftRecord>;
	saveRun(run: Omit<RunRecord, 'id' | 'artifactId'>, artifact: ModelArtifact | null): Promise<RunRecord>;
	listRuns(experimentId: string): Promise<RunRecord[]>;
	getRun(id: string): Promise<RunRecord | undefined>;
	loadRunArtifact(run: RunRecord): Promise<ModelArtifact>;
	deleteRun(id: string): Promise<void>;
	getSetting<T>(key: string): Promise<T | undefined>;
	setSetting(key: string, value: unknown): Promise<void>;
	/** Version N of the named model from a run, written in one transaction (model-versions.ts). */
	saveModelVersion(input: NewModelVersion): Promise<ModelVersionRecord>;
	listModels(): Promise<ModelRecord[]>;
	getModel(id: string): Promise<ModelRecord | undefined>;
	getModelByName(name: string): Promise<ModelRecord | undefined>;
	/** Newest first; every model's when `modelId` is omitted. */
	listModelVersions(modelId?: string): Promise<ModelVersionRecord[]>;
	/** What the version list shows (small records), newest first; the full record is `getModelVersion`. */
	listVersionSummaries(modelId?: string): Promise<ModelVersionSummary[]>;
	getModelVersion(id: string): Promise<ModelVersionRecord | undefined>;
	/** The weights, checked against the SHA-256 recorded at save. */
	loadModelVersionArtifact(
		version: Pick<ModelVersionRecord, 'id' | 'version' | 'artifact'>
	): Promise<LoadedVersionArtifact>;
	editModelVersionNotes(
		id: string,
		edit: { notes?: string; tags?: readonly string[] }
	): Promise<ModelVersionRecord>;
	deleteModelVersion(id: string): Promise<void>;
	/** A whole model: its versions, weights, summaries and alias history (model-versions.ts). */
	deleteModel(modelId: string): Promise<{ versions: number }>;
	moveAlias(move: AliasMove): Promise<AliasEventRecord>;
	rollbackAlias(move: { modelId: string; alias: string; reason?: string }): Promise<AliasEventRecord>;
	aliasHistory(modelId: string): Promise<AliasEventRecord[]>;
	modelStorageUsage(): Promise<ModelUsage[]>;
	versionsTrainedOn(datasetId: string): Promise<{ modelName: string; version: number; versionId: string }[]>;
	/** Whether the browser cleared the database since the last start (storage-marker.ts). */
	checkStorageMarker(mirror: MarkerMirror | undefined): Promise<MarkerCheck>;
	/** The open database for modules above the registry that work on every store at once (core/backup),
	 * with the same stale-tab and storage-error handling as every call here. */
	withDatabase<T>(operation: (db: StudioDb) => Promise<T>): Promise<T>;
	close(): void;
}

export interface OpenRegistryOptions {
	/** Defaults to `globalThis.indexedDB`. */
	factory?: IDBFactory;
	name?: string;
}

/**
 * Opens the registry on the browser's IndexedDB, or on an in-memory one when that is missing or refuses
 * to open. Throws `newer-version` (and only that) when a newer Benchtop owns the database.
 */
export async function openRegistry(options: OpenRegistryOptions = {}): Promise<Registry> {
	const state = new ConnectionState();
	const factory = options.factory ?? globalFactory();
	const callbacks = { onStale: () => state.markStale(), onTerminated: () => state.markTerminated() };
	if (factory) {
		try {
			const db = await openStudioDb({ factory, name: options.name, ...callbacks });
			return createRegistry(db, state, { persistent: true });
		} catch (error) {
			if (error instanceof BenchtopError && error.code === 'newer-version') throw error;
			// Anything else (private mode, SecurityError, a throwing `open`): work in memory instead.
		}
	}
	const db = await openStudioDb({ factory: await createMemoryFactory(), name: options.name, ...callbacks });
	return createRegistry(db, state, { persistent: false, unavailableReason: MEMORY_ONLY_REASON });
}

class ConnectionState {
	stale = false;
	failure: BenchtopError | undefined;
	private listeners = new Set<() => void>();

	markStale(): void {
		if (this.stale) return;
		this.stale = true;
		this.failure ??= new BenchtopError('stale-tab', STALE_TAB_MESSAGE);
		const listeners = [...this.listeners];
		this.listeners.clear();
		for (const listener of listeners) listener();
	}

	markTerminated(): void {
		this.failure ??= new BenchtopError('storage-unavailable', TERMINATED_MESSAGE);
	}

	markClosed(): void {
		this.failure ??= new BenchtopError('storage-unavailable', CLOSED_MESSAGE);
	}

	subscribe(listener: () => void): () => void {
		if (this.stale) {
			// Late subscribers still hear about it, but not from inside their own subscribe call.
			queueMicrotask(listener);
			return () => undefined;
		}
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
}

function createRegistry(
	db: StudioDb,
	state: ConnectionState,
	mode: { persistent: boolean; unavailableReason?: string }
): Registry {
	/** Runs `operation` unless the connection is gone; an operation cut short by going stale says so. */
	async function use<T>(operation: (db: StudioDb) => Promise<T>): Promise<T> {
		if (state.failure) throw state.failure;
		try {
			return await operation(db);
		} catch (error) {
			throw state.failure ?? error;
		}
	}

	return {
		persistent: mode.persistent,
		unavailableReason: mode.unavailableReason,
		get stale() {
			return state.stale;
		},
		onStale: (listener) => state.subscribe(listener),
		withDatabase: (operation) => use(operation),
		saveDatasetVersion: (input) => use((db) => datasets.saveDatasetVersion(db, input)),
		listDatasets: () => use((db) => datasets.listDatasets(db)),
		getDataset: (id) => use((db) => datasets.getDataset(db, id)),
		loadDatasetArrow: (id) => use((db) => datasets.loadDatasetArrow(db, id)),
		loadDatasetBlob: (id) => use((db) => datasets.loadDatasetBlob(db, id)),
		deleteDataset: (id, choice = 'keep') =>
			use((db) => dependents.deleteDatasetWithDependents(db, id, choice)),
		datasetDependents: (id) => use((db) => dependents.datasetDependents(db, id)),
		findOrphans: () => use((db) => orphans.findOrphans(db)),
		deleteOrphans: (runIds = []) => use((db) => orphans.deleteOrphans(db, runIds)),
		moveRun: (runId, datasetId) => use((db) => orphans.moveRunToDataset(db, runId, datasetId)),
		repairOrphansOnce: () => use((db) => orphans.repairOrphansOnce(db)),
		renameDataset: (id, name) => use((db) => datasets.renameDataset(db, id, name)),
		getRecipeDraft: (datasetId) => use((db) => recipes.getRecipeDraft(db, datasetId)),
		saveRecipeDraft: (draft) => use((db) => recipes.saveRecipeDraft(db, draft)),
		saveRun: (run, artifact) => use((db) => runs.saveRun(db, run, artifact)),
		listRuns: (experimentId) => use((db) => runs.listRuns(db, experimentId)),
		getRun: (id) => use((db) => runs.getRun(db, id)),
		loadRunArtifact: (run) => use((db) => runs.loadRunArtifact(db, run)),
		deleteRun: (id) => use((db) => runs.deleteRun(db, id)),
		getSetting: <T>(key: string) => use((db) => settings.getSetting<T>(db, key)),
		setSetting: (key, value) => use((db) => settings.setSetting(db, key, value)),
		saveModelVersion: (input) => use((db) => modelVersions.saveModelVersion(db, input)),
		listModels: () => use((db) => modelVersions.listModels(db)),
		getModel: (id) => use((db) => modelVersions.getModel(db, id)),
		getModelByName: (name) => use((db) => modelVersions.getModelByName(db, name)),
		listModelVersions: (modelId) => use((db) => modelVersions.listModelVersions(db, modelId)),
		listVersionSummaries: (modelId) => use((db) => modelVersions.listVersionSummaries(db, modelId)),
		getModelVersion: (id) => use((db) => modelVersions.getModelVersion(db, id)),
		loadModelVersionArtifact: (version) => use((db) => modelVersions.loadModelVersionArtifact(db, version)),
		editModelVersionNotes: (id, edit) => use((db) => modelVersions.editModelVersionNotes(db, id, edit)),
		deleteModelVersion: (id) => use((db) => modelVersions.deleteModelVersion(db, id)),
		deleteModel: (modelId) => use((db) => modelVersions.deleteModel(db, modelId)),
		moveAlias: (move) => use((db) => modelAliases.moveAlias(db, move)),
		rollbackAlias: (move) => use((db) => modelAliases.rollbackAlias(db, move)),
		aliasHistory: (modelId) => use((db) => modelAliases.aliasHistory(db, modelId)),
		modelStorageUsage: () => use((db) => modelVersions.modelStorageUsage(db)),
		versionsTrainedOn: (datasetId) => use((db) => modelVersions.versionsTrainedOn(db, datasetId)),
		checkStorageMarker: (mirror) =>
			// In memory nothing outlives the tab, so there is nothing to have lost.
			mode.persistent
				? use((db) => storageMarker.checkStorageMarker(db, mirror))
				: Promise.resolve({ lost: false }),
		close() {
			state.markClosed();
			db.close();
		}
	};
}
