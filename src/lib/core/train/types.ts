// How a network trains: every setting with its default and why, plus the events a run reports. Plain JSON.

export const OPTIMIZERS = ['adam', 'sgd', 'rmsprop'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export interface EarlyStopping {
	enabled: boolean;
	/** 'val_loss' when there is a validation split, else 'loss'. */
	monitor: 'loss' | 'val_loss' | 'val_accuracy' | 'val_r2';
	/** Epochs without improvement before stopping. */
	patience: number;
	/** Put back the weights of the best epoch when stopping (and at the end). */
	restoreBest: boolean;
}

export interface TrainSettings {
	epochs: number;
	batchSize: number;
	optimizer: OptimizerName;
	learningRate: number;
	/** SGD only. */
	momentum: number;
	/** Share of the training split held back to watch for overfitting during training. */
	validationFraction: number;
	/** 'balanced' weighs each class by n / (k · count), like scikit-learn's class_weight='balanced'. */
	classWeights: 'none' | 'balanced';
	earlyStopping: EarlyStopping;
	seed: number;
}

/** One point of the live curves: per batch (throttled) and per epoch. */
export interface TrainProgress {
	epoch: number;
	epochs: number;
	batch: number;
	batches: number;
	loss: number;
	/** Set at the end of an epoch. */
	epochEnd?: EpochRecord;
	samplesPerSecond: number;
	elapsedMs: number;
	/** Estimated from the pace so far. */
	remainingMs: number;
}

export interface EpochRecord {
	epoch: number;
	loss: number;
	metric?: number;
	valLoss?: number;
	valMetric?: number;
}

export type StopReason = 'completed' | 'early-stopping' | 'stopped' | 'diverged';

export interface TrainResult {
	history: EpochRecord[];
	stopReason: StopReason;
	/** The epoch whose weights the model holds at the end (the best one when restoring best weights). */
	bestEpoch: number;
	durationMs: number;
	/** Why a run ended early, in words (a NaN loss and what to try). */
	message?: string;
}
