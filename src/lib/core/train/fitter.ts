// What fitting one model family gets and gives back, shared by run-training.ts and the fitters
// (fitters.ts): the prepared splits and the run's record so far in, the run record and artifact out.
import type * as tf from '@tensorflow/tfjs';
import type { ModelArtifact } from '../models/artifact.ts';
import type { ModelSpec } from '../models/types.ts';
import type { PreparedSplits } from '../prep/preparation.ts';
import type { RunBackend, RunRecord } from './run-record.ts';
import type { RunWarning } from './run-warnings.ts';
import type { TrainProgress, TrainSettings } from './types.ts';
import type { TrainControl } from './train-control.ts';
import type { ResumeOrigin, TrainCheckpoint } from './train-checkpoint.ts';
import type { BoundaryListener } from './live-boundary.ts';
import type { PrepTable } from '../table/prep-table.ts';
import type { ContinueFrom } from './continue-from.ts';
import type { BackendPath } from './fused/path-choice.ts';

export interface TrainingContext {
	dataset: { id: string; hash: string; name: string };
	backend: RunBackend;
	/** The TF.js backends the engine chooser may time a dense run on beside `backend` (absent: that one only). */
	backendPaths?: BackendPath[];
	/** The engine chooser moved the run's model off `backend` before its first batch: where it is now, and why. */
	onBackendMoved?: (backend: RunBackend) => void;
	versions: Record<string, string>;
	onProgress?: (progress: TrainProgress) => void;
	control?: TrainControl;
	/** Go on from where a broken run of this same request got to (another backend, a fresh worker). */
	resume?: ResumeOrigin;
	/** Train a saved model further (continue-from.ts): the family's fitter starts from its weights or centroids. */
	init?: ContinueFrom;
	onCheckpoint?: (checkpoint: TrainCheckpoint) => void;
	/** The warnings found on the prepared training rows, before the first epoch (they are in the run too). */
	onWarnings?: (warnings: RunWarning[]) => void;
	/** A classifier's validation rows scored by macro F1 too, each epoch (`valScores` in the history): for
	 * a search that selects on it (core/tune/selection.ts). */
	validationScores?: boolean;
	/** Asks for the live decision boundary (two numeric features): its plane, then frames as it trains. */
	boundary?: BoundaryListener;
}

export interface TrainingOutcome {
	run: Omit<RunRecord, 'id' | 'artifactId'>;
	artifact: ModelArtifact;
	/** The trained network (null for k-means); the caller disposes it. */
	model: tf.LayersModel | null;
}

/** The run record's fields every family shares, settled before fitting. */
export type RunBase = Omit<
	RunRecord,
	'id' | 'artifactId' | 'name' | 'status' | 'history' | 'bestEpoch' | 'metrics' | 'durationMs'
>;

/** The rows a fitter trains and scores on, after the recipe. */
export interface PreparedRun {
	splits: PreparedSplits;
	features: string[];
	base: RunBase;
	/** performance.now() when the run began, for its duration. */
	started: number;
	/** The raw rows the splits were drawn from (the decision boundary reads its points there). */
	input?: PrepTable;
}

/** Fits one family's spec and scores it; the networks share one fitter, k-means has its own. */
export type Fitter<S extends ModelSpec = ModelSpec> = (
	prepared: PreparedRun,
	spec: S,
	settings: TrainSettings,
	context: TrainingContext
) => Promise<TrainingOutcome>;
