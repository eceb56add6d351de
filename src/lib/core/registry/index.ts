// The storage layer's public face: the registry the UI holds, and the functions workers and the CLI
// use on a connection of their own.

export { openRegistry, MEMORY_ONLY_REASON, STALE_TAB_MESSAGE } from './registry.ts';
export type { Registry, OpenRegistryOptions } from './registry.ts';
export { DB_NAME, DB_VERSION, openStudioDb, upgradeSchema } from './db.ts';
export type { OpenStudioDbOptions, StudioDb, UpgradeTransaction } from './db.ts';
export type {
	BenchtopSchema,
	BlobRecord,
	DatasetRecord,
	DatasetSource,
	Derivation,
	IdentifiedRecord,
	RecipeDraftRecord
} from './schema.ts';
export { getRecipeDraft, recipeDraftId, saveRecipeDraft } from './recipes.ts';
export { deleteRun, getRun, listRuns, loadRunArtifact, saveRun } from './runs.ts';
export {
	ARROW_MIME_TYPE,
	deleteDataset,
	getDataset,
	listDatasets,
	loadDatasetArrow,
	loadDatasetBlob,
	renameDataset,
	saveDatasetVersion
} from './datasets.ts';
export type { NewDatasetVersion, SavedDatasetVersion } from './datasets.ts';
export { getSetting, setSetting } from './settings.ts';
export { STORAGE_FULL_MESSAGE, isQuotaError, toStorageError } from './storage-errors.ts';
export { estimateStorage, requestPersistence } from './storage-estimate.ts';
export type { StorageEstimateResult } from './storage-estimate.ts';
export { sha256Hex } from './content-hash.ts';
export { versionNumbers } from './version-numbers.ts';
export { datasetDependents, deleteDatasetWithDependents, descendantsOf, runBelongsTo } from './dependents.ts';
export type { DatasetDependents, DeleteDatasetResult, DependentsChoice, RunSummary } from './dependents.ts';
export {
	ORPHAN_REPAIR_KEY,
	deleteOrphans,
	findOrphans,
	moveRunToDataset,
	repairOrphansOnce,
	schemaMismatch,
	versionsForRun
} from './orphans.ts';
export type { FreedOrphans, OrphanRepair, OrphanRun, Orphans } from './orphans.ts';
export {
	MAX_MODEL_NAME_LENGTH,
	checkModelName,
	cleanTags,
	deleteModel,
	deleteModelVersion,
	editModelVersionNotes,
	getModel,
	getModelByName,
	getModelVersion,
	listModelVersions,
	listModels,
	listVersionSummaries,
	loadModelVersionArtifact,
	modelStorageUsage,
	saveModelVersion,
	versionsTrainedOn
} from './model-versions.ts';
export type { LoadedVersionArtifact, ModelUsage, NewModelVersion } from './model-versions.ts';
export {
	aliasHistory,
	aliasLockName,
	checkAliasName,
	moveAlias,
	rollbackAlias,
	withLock
} from './model-aliases.ts';
export type { AliasMove } from './model-aliases.ts';
export { MODEL_EVENTS_CHANNEL, announceModelChange, onModelChange } from './model-events.ts';
export type { ModelChange } from './model-events.ts';
export { artifactDigest, canonicalArtifactBytes } from './artifact-digest.ts';
export type { ArtifactDigest } from './artifact-digest.ts';
export { CHALLENGER, CHAMPION } from './model-records.ts';
export type {
	AliasEventRecord,
	GateVerdict,
	ModelRecord,
	ModelVersionRecord,
	OptimizerState,
	VersionArtifactRecord,
	VersionLineage
} from './model-records.ts';
export { driftChoices, numericMetrics, summariseVersion } from './version-summary.ts';
export type { DriftChoices, ModelVersionSummary } from './version-summary.ts';
export { STORAGE_MARKER_KEY, checkStorageMarker, localStorageMirror } from './storage-marker.ts';
export type { MarkerCheck, MarkerMirror, StorageMarker } from './storage-marker.ts';
export { continueDataProblem, requireContinueData } from './continue-check.ts';
