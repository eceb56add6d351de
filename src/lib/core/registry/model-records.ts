// The model registry's records: a named model, its immutable versions, each version's stored weights, and
// the history of its aliases. Types only; model-versions.ts and model-aliases.ts read and write them.
import type { ModelArtifact } from '../models/artifact.ts';
import type { Task } from '../models/types.ts';
import type { ColumnSchema } from '../table/column-types.ts';
import type { Recipe } from '../prep/recipe/types.ts';
import type { RunRecord } from '../train/run-record.ts';
import type { OptimizerState } from '../train/optimizer-state.ts';

/** The aliases with a meaning of their own; any other alias name is the person's. */
export const CHAMPION = 'champion';
export const CHALLENGER = 'challenger';

/** A named model: its versions hang off it, and its aliases point at them. */
export interface ModelRecord {
	id: string;
	/** Unique among models, as typed (trimmed). */
	name: string;
	/** ISO 8601, UTC. */
	createdAt: string;
	/** The highest version number ever given: numbers are never reused, even after a delete. */
	latestVersion: number;
	/** Alias name → version id. */
	aliases: Record<string, string>;
}

/**
 * What the experiment's validation gate said about a version's run, as evaluate/gate.ts reports it
 * (registry sits below evaluate, so it keeps only the shape).
 */
export interface GateVerdict {
	pass: boolean;
	reasons: string[];
}

/** Where a version came from: data set version → recipe → run → (parent version) → this version. */
export interface VersionLineage {
	datasetId: string;
	/** SHA-256 of the data set version's Arrow bytes. */
	datasetHash: string;
	datasetName?: string;
	recipe: Recipe;
	runId: string;
	/** The version this one was trained further from, or null. */
	parentVersionId: string | null;
}

/** Adam's state after the last step (train/optimizer-state.ts), kept with a version's weights. */
export type { OptimizerState } from '../train/optimizer-state.ts';

/** One saved version of a model: immutable except `notes` and `tags`. */
export interface ModelVersionRecord {
	id: string;
	modelId: string;
	/** 1, 2, 3… within its model. */
	version: number;
	/** ISO 8601, UTC. */
	createdAt: string;
	task: Task;
	family: string;
	targets: string[];
	/** Class labels of a classifier, in output order. */
	labels: string[];
	features: string[];
	/** The columns the fitted recipe reads, with their types: new data must have them to be scored. */
	inputSchema: ColumnSchema[];
	metrics: RunRecord['metrics'];
	gate: GateVerdict | null;
	lineage: VersionLineage;
	/** The run as it was when saved (settings, fitted recipe, history for the charts), weights apart. */
	run: RunRecord;
	artifact: {
		id: string;
		kind: ModelArtifact['kind'];
		/** SHA-256 of the artifact's canonical bytes (artifact-digest.ts), checked on every load. */
		sha256: string;
		bytes: number;
	};
	hasOptimizerState: boolean;
	notes: string;
	tags: string[];
}

/** A version's weights (and optimizer state), kept apart from the small record. */
export interface VersionArtifactRecord {
	id: string;
	versionId: string;
	artifact: ModelArtifact;
	optimizer?: OptimizerState;
}

/** One move of an alias: set, moved, rolled back, or removed. */
export interface AliasEventRecord {
	id: string;
	modelId: string;
	alias: string;
	/** The version it pointed at before, or null when it was new. */
	from: string | null;
	/** The version it points at after, or null when it was removed. */
	to: string | null;
	/** ISO 8601, UTC. */
	at: string;
	/** 1, 2, 3… per model, in the order the moves were made. */
	seq: number;
	kind: 'set' | 'rollback' | 'remove';
	/** Why, in the person's words; required to promote past a failing gate. */
	reason: string;
	/** Set when the gate did not pass and the move went ahead on `reason`. */
	override: boolean;
}
