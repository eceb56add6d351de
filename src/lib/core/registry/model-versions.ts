// Model versions: "Save as model" turns a run into version N of a named model. The model record, the
// version record and the weights are written in ONE transaction, so a full disk or a closed tab leaves
// the version whole or absent, never half. The weights' SHA-256 is recorded and checked on every load.
import { BenchtopError } from '../errors.ts';
import type { ModelArtifact } from '../models/artifact.ts';
import type { RunRecord } from '../train/run-record.ts';
import { artifactDigest } from './artifact-digest.ts';
import type { StudioDb } from './db.ts';
import type {
	GateVerdict,
	ModelRecord,
	ModelVersionRecord,
	OptimizerState,
	VersionArtifactRecord
} from './model-records.ts';
import { announceModelChange } from './model-events.ts';
import { newRecordId } from './record-id.ts';
import { toStorageError } from './storage-errors.ts';
import { inWriteTransaction } from './write-transaction.ts';
import { summariseVersion, type ModelVersionSummary } from './version-summary.ts';

export const MAX_MODEL_NAME_LENGTH = 100;

/** A version is its model record's count, its record, its summary and its weights: written together. */
const VERSION_STORES: ('models' | 'modelVersions' | 'versionSummaries' | 'versionArtifacts')[] = [
	'models',
	'modelVersions',
	'versionSummaries',
	'versionArtifacts'
];

export interface NewModelVersion {
	/** A new name creates the model; an existing one adds the next version to it. */
	modelName: string;
	/** The run the version is saved from (copied: the version stays whole if the run is deleted). */
	run: RunRecord;
	/** The run's weights (or centroids). */
	artifact: ModelArtifact;
	/** The experiment's validation gate on this run, or null when none was evaluated. */
	gate: GateVerdict | null;
	/** Set when the run trained further from an earlier version. */
	parentVersionId?: string | null;
	/** The optimizer's state at the end, so training can go on from this version as if never stopped. */
	optimizer?: OptimizerState;
	datasetName?: string;
	notes?: string;
	tags?: string[];
}

/** A model's name as stored: trimmed; refused when empty or too long. */
export function checkModelName(name: string): string {
	const trimmed = name.trim();
	if (trimmed === '') throw new BenchtopError('bad-input', 'Give the model a name.');
	if (trimmed.length > MAX_MODEL_NAME_LENGTH) {
		throw new BenchtopError(
			'bad-input',
			`A model name may have at most ${MAX_MODEL_NAME_LENGTH} characters (this one has ${trimmed.length}).`
		);
	}
	return trimmed;
}

/** Tags as stored: trimmed, non-empty, each once, in the order given. */
export function cleanTags(tags: readonly string[]): string[] {
	return [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

/** Saves version N of the named model from a run; returns the version as stored. */
export async function saveModelVersion(db: StudioDb, input: NewModelVersion): Promise<ModelVersionRecord> {
	const name = checkModelName(input.modelName);
	const { run } = input;
	// Hashing reads the weights' bytes, which cannot happen inside the transaction (it would commit).
	const digest = await artifactDigest(input.artifact);
	const versionId = newRecordId();
	const artifactId = newRecordId();
	const createdAt = new Date().toISOString();
	const saved = await inWriteTransaction(db, VERSION_STORES, async (tx) => {
		const models = tx.objectStore('models');
		const parentId = input.parentVersionId ?? null;
		if (parentId !== null && !(await tx.objectStore('modelVersions').get(parentId))) {
			throw new BenchtopError('not-found', 'The version this one was trained from is no longer stored.');
		}
		const existing = await models.index('by-name').get(name);
		const model: ModelRecord = existing
			? { ...existing, latestVersion: existing.latestVersion + 1 }
			: { id: newRecordId(), name, createdAt, latestVersion: 1, aliases: {} };
		const version: ModelVersionRecord = {
			id: versionId,
			modelId: model.id,
			version: model.latestVersion,
			createdAt,
			task: run.task,
			family: run.spec.family,
			targets: [...run.targets],
			labels: [...(run.classes ?? [])],
			features: [...run.features],
			inputSchema: run.fitted.inputSchema.map((column) => ({ ...column })),
			metrics: run.metrics,
			gate: input.gate,
			lineage: {
				datasetId: run.datasetId,
				datasetHash: run.datasetHash,
				...(input.datasetName ? { datasetName: input.datasetName } : {}),
				recipe: run.recipe,
				runId: run.id,
				parentVersionId: parentId
			},
			run: { ...run },
			artifact: { id: artifactId, kind: input.artifact.kind, sha256: digest.sha256, bytes: digest.bytes },
			hasOptimizerState: input.optimizer !== undefined,
			notes: input.notes ?? '',
			tags: cleanTags(input.tags ?? [])
		};
		const stored: VersionArtifactRecord = {
			id: artifactId,
			versionId,
			artifact: input.artifact,
			...(input.optimizer ? { optimizer: input.optimizer } : {})
		};
		await models.put(model);
		await tx.objectStore('versionArtifacts').put(stored);
		await tx.objectStore('modelVersions').put(version);
		await tx.objectStore('versionSummaries').put(summariseVersion(version));
		return version;
	});
	announceModelChange({ kind: 'version', modelId: saved.modelId, versionId: saved.id });
	return saved;
}

/** Every model, by name. */
export async function listModels(db: StudioDb): Promise<ModelRecord[]> {
	try {
		const models = await db.getAll('models');
		return models.sort((a, b) => a.name.localeCompare(b.name));
	} catch (error) {
		throw toStorageError(error);
	}
}

export async function getModel(db: StudioDb, id: string): Promise<ModelRecord | undefined> {
	try {
		return await db.get('models', id);
	} catch (error) {
		throw toStorageError(error);
	}
}

export async function getModelByName(db: StudioDb, name: string): Promise<ModelRecord | undefined> {
	try {
		return await db.getFromIndex('models', 'by-name', name.trim());
	} catch (error) {
		throw toStorageError(error);
	}
}

/**
 * What the version list shows, newest first; of every model when `modelId` is omitted. Small records
 * (version-summary.ts): the full version, with its run, is read by `getModelVersion` when opened.
 */
export async function listVersionSummaries(db: StudioDb, modelId?: string): Promise<ModelVersionSummary[]> {
	try {
		const summaries =
			modelId === undefined
				? await db.getAll('versionSummaries')
				: await db.getAllFromIndex('versionSummaries', 'by-model', modelId);
		return summaries.sort((a, b) => b.version - a.version || b.createdAt.localeCompare(a.createdAt));
	} catch (error) {
		throw toStorageError(error);
	}
}

/** The versions of one model, newest first; of every model when `modelId` is omitted. */
export async function listModelVersions(db: StudioDb, modelId?: string): Promise<ModelVersionRecord[]> {
	try {
		const versions =
			modelId === undefined
				? await db.getAll('modelVersions')
				: await db.getAllFromIndex('modelVersions', 'by-model', modelId);
		return versions.sort((a, b) => b.version - a.version || b.createdAt.localeCompare(a.createdAt));
	} catch (error) {
		throw toStorageError(error);
	}
}

export async function getModelVersion(db: StudioDb, id: string): Promise<ModelVersionRecord | undefined> {
	try {
		return await db.get('modelVersions', id);
	} catch (error) {
		throw toStorageError(error);
	}
}

export interface LoadedVersionArtifact {
	artifact: ModelArtifact;
	optimizer?: OptimizerState;
}

/** A version's weights, refused when they no longer hash to what was recorded at save. */
export async function loadModelVersionArtifact(
	db: StudioDb,
	version: Pick<ModelVersionRecord, 'id' | 'version' | 'artifact'>
): Promise<LoadedVersionArtifact> {
	let stored: VersionArtifactRecord | undefined;
	try {
		stored = await db.get('versionArtifacts', version.artifact.id);
	} catch (error) {
		throw toStorageError(error);
	}
	if (!stored || stored.versionId !== version.id) {
		throw new BenchtopError(
			'not-found',
			`The weights of version ${version.version} are no longer stored in this browser.`
		);
	}
	const digest = await artifactDigest(stored.artifact);
	if (digest.sha256 !== version.artifact.sha256) {
		throw new BenchtopError(
			'bad-input',
			`The weights of version ${version.version} do not match what was saved (SHA-256 ` +
				`${digest.sha256.slice(0, 12)}…, recorded ${version.artifact.sha256.slice(0, 12)}…): they were ` +
				'changed or damaged, so Benchtop will not use them.'
		);
	}
	return { artifact: stored.artifact, ...(stored.optimizer ? { optimizer: stored.optimizer } : {}) };
}

/** The only edit a version allows: its notes and tags. Returns the version as stored. */
export async function editModelVersionNotes(
	db: StudioDb,
	id: string,
	edit: { notes?: string; tags?: readonly string[] }
): Promise<ModelVersionRecord> {
	return inWriteTransaction(db, ['modelVersions'], async (tx) => {
		const store = tx.objectStore('modelVersions');
		const version = await store.get(id);
		if (!version) throw new BenchtopError('not-found', 'That model version is no longer stored.');
		const edited: ModelVersionRecord = {
			...version,
			notes: edit.notes ?? version.notes,
			tags: edit.tags ? cleanTags(edit.tags) : version.tags
		};
		await store.put(edited);
		return edited;
	});
}

/**
 * Deletes a version and its weights. Refused while an alias points at it (move the alias first), so a
 * deployed name never dangles; the model goes too when this was its last version.
 */
export async function deleteModelVersion(db: StudioDb, id: string): Promise<void> {
	await inWriteTransaction(db, VERSION_STORES, async (tx) => {
		const version = await tx.objectStore('modelVersions').get(id);
		if (!version) return;
		const model = await tx.objectStore('models').get(version.modelId);
		const aliases = Object.entries(model?.aliases ?? {})
			.filter(([, target]) => target === id)
			.map(([alias]) => alias);
		if (aliases.length > 0) {
			throw new BenchtopError(
				'bad-input',
				`Version ${version.version} is ${aliases.join(' and ')}: move ${aliases.length === 1 ? 'that alias' : 'those aliases'} to another version first.`
			);
		}
		await tx.objectStore('versionArtifacts').delete(version.artifact.id);
		await tx.objectStore('modelVersions').delete(id);
		await tx.objectStore('versionSummaries').delete(id);
		const left = await tx.objectStore('modelVersions').index('by-model').count(version.modelId);
		if (model && left === 0) await tx.objectStore('models').delete(model.id);
	});
}

/**
 * Deletes a whole model: every version with its weights and summary, its alias history, and the model
 * record, in one transaction (the storage panel asks first, naming the versions and aliases that go).
 * Returns how many versions went; 0 when the model was already gone.
 */
export async function deleteModel(db: StudioDb, modelId: string): Promise<{ versions: number }> {
	const stores: ('models' | 'modelVersions' | 'versionSummaries' | 'versionArtifacts' | 'aliasEvents')[] = [
		...VERSION_STORES,
		'aliasEvents'
	];
	const result = await inWriteTransaction(db, stores, async (tx) => {
		if (!(await tx.objectStore('models').get(modelId))) return { versions: 0 };
		const versions = await tx.objectStore('modelVersions').index('by-model').getAll(modelId);
		for (const version of versions) {
			await tx.objectStore('versionArtifacts').delete(version.artifact.id);
			await tx.objectStore('versionSummaries').delete(version.id);
			await tx.objectStore('modelVersions').delete(version.id);
		}
		const events = await tx.objectStore('aliasEvents').index('by-model').getAllKeys(modelId);
		for (const key of events) await tx.objectStore('aliasEvents').delete(key);
		await tx.objectStore('models').delete(modelId);
		return { versions: versions.length };
	});
	if (result.versions > 0) announceModelChange({ kind: 'deleted', modelId });
	return result;
}

/** A model as the storage panel lists it: its versions and the bytes their weights take. */
export interface ModelUsage {
	modelId: string;
	name: string;
	versions: number;
	bytes: number;
}

export async function modelStorageUsage(db: StudioDb): Promise<ModelUsage[]> {
	const [models, versions] = await Promise.all([listModels(db), listVersionSummaries(db)]);
	return models.map((model) => {
		const mine = versions.filter((version) => version.modelId === model.id);
		return {
			modelId: model.id,
			name: model.name,
			versions: mine.length,
			bytes: mine.reduce((sum, version) => sum + version.bytes, 0)
		};
	});
}

/** The model versions trained on a data set version, for the delete dialog to name. */
export async function versionsTrainedOn(
	db: StudioDb,
	datasetId: string
): Promise<{ modelName: string; version: number; versionId: string }[]> {
	try {
		const tx = db.transaction(['models', 'modelVersions'], 'readonly');
		const versions = await tx.objectStore('modelVersions').index('by-dataset').getAll(datasetId);
		const names = new Map<string, string>();
		for (const version of versions) {
			if (!names.has(version.modelId)) {
				names.set(version.modelId, (await tx.objectStore('models').get(version.modelId))?.name ?? '?');
			}
		}
		await tx.done;
		return versions
			.map((version) => ({
				modelName: names.get(version.modelId)!,
				version: version.version,
				versionId: version.id
			}))
			.sort((a, b) => a.modelName.localeCompare(b.modelName) || a.version - b.version);
	} catch (error) {
		throw toStorageError(error);
	}
}
