// What a run leaves behind: everything needed to see it again and to reproduce it exactly (data version
// hash, split, fitted recipe, model spec, settings, seed, backend, library versions), its history and its
// final metrics. Stored with its best weights in one transaction (registry/runs.ts).
import type { TrainingProfile } from '../drift/training-profile.ts';
import type { SplitRecord } from '../prep/split/index.ts';
import type { FittedRecipe, Recipe } from '../prep/recipe/types.ts';
import type { ModelSpec, Task } from '../models/types.ts';
import type { RankingScore } from './class-scores.ts';
import type { ModelChoice } from './choose-model.ts';
import type { ContinuedRecord } from './continue-from.ts';
import type { EngineRecord } from './fused/path-choice.ts';
import type { RunWarning } from './run-warnings.ts';
import type { EpochRecord, StopReason, TrainSettings } from './types.ts';

export type { RunWarning, RunWarningKind } from './run-warnings.ts';

export type RunStatus = StopReason | 'failed';

/**
 * Which rows a tuning trial trained and was scored on, small enough to store with every trial: the search's
 * rows are the training rows of `outer` (the split that kept the test rows apart, drawn on the whole table
 * and checked by its hash), and with k-fold selection the trial's run is fold `fold.index` of `fold.k` of
 * those rows (stratified on `fold.stratify` when set), as the search cut them from the split's seed.
 */
export interface SearchRows {
	outer: Pick<SplitRecord, 'method' | 'train' | 'validation' | 'test' | 'seed' | 'column' | 'indicesHash'>;
	fold?: { k: number; index: number; stratify?: string };
}

export interface RunBackend {
	name: string;
	/** Why this backend: chosen automatically (and why), or picked by the person. */
	reason: string;
	software?: boolean;
	/** Which engine stepped the batches on that backend (the fused WASM dense engine or TF.js ops), and why,
	 * with each timed path's figures; absent on runs from before the engine, and on models that train in no
	 * batches (k-means, solved). */
	engine?: EngineRecord;
}

export interface RunRecord {
	id: string;
	/** Runs are grouped by the data set version they trained on. */
	experimentId: string;
	datasetId: string;
	/** SHA-256 of the data set version's bytes. */
	datasetHash: string;
	name: string;
	/** ISO 8601, UTC. */
	createdAt: string;
	status: RunStatus;
	message?: string;
	/** A linear regression solved in closed form: its training settings played no part (TrainResult's). */
	solvedExactly?: true;
	task: Task;
	targets: string[];
	classes?: string[];
	features: string[];
	split: SplitRecord;
	recipe: Recipe;
	fitted: FittedRecipe;
	spec: ModelSpec;
	settings: TrainSettings;
	seed: number;
	backend: RunBackend;
	/** Library versions the run used, e.g. { benchtop: '0.1.0', tfjs: '4.22.0' }. */
	versions: Record<string, string>;
	history: EpochRecord[];
	/** Set when the run trained a saved model further (a parent version, or model files): where it started,
	 * and the parent's metrics on this run's test rows. */
	continuedFrom?: ContinuedRecord;
	/** Set when the run went on from another run's checkpoint (a lost GPU device, a crashed worker). */
	resumed?: { fromEpoch: number; previousBackend: string; reason: string };
	/** Epoch whose weights were kept. */
	bestEpoch: number;
	metrics: { validation?: Record<string, unknown>; test?: Record<string, unknown> };
	/** What deserves the person's attention: no better than the baseline, a diverged loss, unscaled or
	 * constant features, a feature that mirrors the target, the model `auto` kept. Absent on older runs. */
	warnings?: RunWarning[];
	/** Set when `auto` trained the linear model and a network and kept the better on the validation rows. */
	modelChoice?: ModelChoice;
	/** Set on a run of a hyperparameter search (core/tune): the search it belongs to… */
	search?: string;
	/** …and the trial's number in it (the winner's final run carries the winning trial's). */
	trial?: number;
	/** The score that search ranked its trials on, when the person chose one over accuracy / R². */
	selectedOn?: RankingScore;
	/** Set on a trial's run (not the winner's final run): its `split` indexes the search's rows, not the
	 * whole table, so Evaluate draws those rows first (core/evaluate/search-rows.ts). */
	searchRows?: SearchRows;
	/** Set on a trial's run that ASHA stopped part-way (core/tune): its model is as the trial stood then. */
	pruned?: true;
	durationMs: number;
	rows: { train: number; validation: number; test: number };
	/**
	 * Training rows the loop held back to draw the validation curve and stop early, when the split has no
	 * validation rows (absent otherwise): the weights were fitted on `rows.train` minus these.
	 */
	validationHeldBack?: number;
	/** The stored weights (artifacts store), or null when the run kept none. */
	artifactId: string | null;
	/** What a drift report compares new data with (core/drift): the training rows' per-column profile and
	 * the test split's predictions. Absent on runs that did not record it (the drift page profiles those
	 * from their data set). */
	trainingProfile?: TrainingProfile;
}

// Moved to models/artifact.ts (each family's engine saves and reads its own kind); re-exported here.
export type { ModelArtifact } from '../models/artifact.ts';
