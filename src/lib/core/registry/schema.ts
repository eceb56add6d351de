// The typed shape of Benchtop's IndexedDB database: one entry per object store, with its key and indexes.
// Types only; db.ts creates the stores and migrates them.

import type { DBSchema } from 'idb';
import type { ColumnSchema } from '../table/column-types.ts';
import type { Recipe } from '../prep/recipe/types.ts';
import type { ModelArtifact, RunRecord } from '../train/run-record.ts';
import type {
	AliasEventRecord,
	ModelRecord,
	ModelVersionRecord,
	VersionArtifactRecord
} from './model-records.ts';
import type { ModelVersionSummary } from './version-summary.ts';

export type DatasetSource =
	| { kind: 'sample'; sampleId: string }
	| { kind: 'file'; fileName: string }
	| { kind: 'paste' }
	| { kind: 'url'; url: string }
	| { kind: 'derived' }
	| { kind: 'synthetic'; generator: string; seed: number };

export interface DatasetRecord {
	id: string;
	name: string;
	source: DatasetSource;
	rows: number;
	columns: number;
	schema: ColumnSchema[];
	/** SHA-256, lower-case hex, of the Arrow IPC bytes: the identity a run records. */
	hash: string;
	bytes: number;
	/** ISO 8601, UTC. */
	createdAt: string;
	parentId: string | null;
	note: string;
	blobId: string;
	/** Set on a version made by applying a recipe to its parent: the recipe and how it was fitted. */
	derivation?: Derivation;
}

export interface Derivation {
	recipe: Recipe;
	/** The split whose training rows the recipe was fitted on (a split record: seed, method, counts…). */
	split: unknown;
	target: string | null;
}

/** A run's model: its weights (or centroids), kept apart from the small run record. */
export interface ArtifactRecord {
	id: string;
	runId: string;
	artifact: ModelArtifact;
}

/** The recipe being edited for one data set version (`id` is `dataset:<version id>`). */
export interface RecipeDraftRecord {
	id: string;
	datasetId: string;
	recipe: Recipe;
	/** The split settings as the person left them; validated when used. */
	split: unknown;
	target: string | null;
	/** ISO 8601, UTC. */
	updatedAt: string;
}

/** Large binary payloads (Arrow IPC files, images) live apart from their small metadata records. */
export interface BlobRecord {
	id: string;
	blob: Blob;
}

/**
 * Stores whose modules are not written yet. Their records only promise an `id`; each module narrows the
 * type when it lands, and adds indexes through a new schema version.
 */
export interface IdentifiedRecord {
	id: string;
	[field: string]: unknown;
}

export interface BenchtopSchema extends DBSchema {
	datasets: {
		key: string;
		value: DatasetRecord;
		indexes: { 'by-hash': string; 'by-created': string };
	};
	blobs: { key: string; value: BlobRecord };
	recipes: { key: string; value: RecipeDraftRecord };
	experiments: { key: string; value: IdentifiedRecord };
	runs: { key: string; value: RunRecord; indexes: { 'by-experiment': string } };
	/** Named models (schema 3 narrowed the placeholder and indexed names). */
	models: { key: string; value: ModelRecord; indexes: { 'by-name': string } };
	artifacts: { key: string; value: ArtifactRecord };
	modelVersions: {
		key: string;
		value: ModelVersionRecord;
		indexes: { 'by-model': string; 'by-run': string; 'by-dataset': string };
	};
	/** What the version list shows, one per version, written with it (schema 4; version-summary.ts). */
	versionSummaries: {
		key: string;
		value: ModelVersionSummary;
		indexes: { 'by-model': string };
	};
	versionArtifacts: { key: string; value: VersionArtifactRecord };
	aliasEvents: { key: string; value: AliasEventRecord; indexes: { 'by-model': string } };
	/** Out-of-line string keys: `settings.put(value, key)`. */
	settings: { key: string; value: unknown };
}
