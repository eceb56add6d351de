// How a network trains: every setting with its default and why, plus the events a run reports. Plain JSON.
import type { OptimizerState } from '../models/artifact.ts';
import type { ClassScores } from './class-scores.ts';
import type { EngineRecord } from './fused/path-choice.ts';

export const OPTIMIZERS = ['adam', 'adamw', 'sgd', 'rmsprop'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** The losses a run's settings can name. Cross-entropy over a softmax head and mean squared error are the
 * tasks' defaults; binary cross-entropy trains a two-class target on one sigmoid output (sigmoid-head.ts);
 * Huber is squared error near the target and absolute error past `huberDelta`, so a few wild targets pull
 * less. */
export const LOSSES = ['cross-entropy', 'binary-cross-entropy', 'mse', 'huber'] as const;
export type LossName = (typeof LOSSES)[number];

export interface EarlyStopping {
	enabled: boolean;
	/** 'val_loss' when there is a validation split, else 'loss'. */
	monitor: 'loss' | 'val_loss' | 'val_accuracy' | 'val_r2';
	/** Epochs without improvement before stopping. */
	patience: number;
	/** Put back the weights of the best epoch when stopping (and at the end). */
	restoreBest: boolean;
}

/** How a regression's targets are scaled for training (target-scaling.ts). */
export const TARGET_SCALINGS = ['standard', 'none'] as const;
export type TargetScaling = (typeof TARGET_SCALINGS)[number];

export interface TrainSettings {
	epochs: number;
	batchSize: number;
	optimizer: OptimizerName;
	learningRate: number;
	/** SGD only. */
	momentum: number;
	/** AdamW only: the decoupled weight decay (each step w -= learningRate · weightDecay · w). */
	weightDecay?: number;
	/** Absent: the task's own (cross-entropy for classes, mean squared error for numbers). */
	loss?: LossName;
	/** Huber only: where the loss turns from squared to absolute error, in the (scaled) target's units. */
	huberDelta?: number;
	/** Share of the training split held back to watch for overfitting during training. */
	validationFraction: number;
	/** Regression: 'standard' (the default when absent) trains on standardised targets; 'none' on the
	 * target's own units, as scikit-learn's MLPRegressor does (target-scaling.ts). */
	targetScaling?: TargetScaling;
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
	/** From 1. */
	epoch: number;
	/** Mean of the epoch's batch losses, the L2 penalty included (as Keras reports it). */
	loss: number;
	/** Accuracy (classification) or R² (regression, averaged over targets) of the batches as they went by;
	 * absent where R² is undefined (a constant target). */
	metric?: number;
	/** On the validation rows at the end of the epoch, in inference mode; absent without validation rows. */
	valLoss?: number;
	valMetric?: number;
	/** A classifier's macro F1 on the validation rows, when the run was asked for it (a search selecting on
	 * it: core/tune/selection.ts). */
	valScores?: ClassScores;
}

export type StopReason = 'completed' | 'early-stopping' | 'stopped' | 'diverged';

export interface TrainResult {
	history: EpochRecord[];
	stopReason: StopReason;
	/** The epoch whose weights the model holds at the end (the best one when restoring best weights); 0 when
	 * the run diverged before finishing an epoch and the starting weights were put back. */
	bestEpoch: number;
	/** Time spent training, pauses left out. */
	durationMs: number;
	/** Rows trained on and rows watched (held back from the training rows when no validation rows were given). */
	rows?: { train: number; validation: number };
	/** Why a run ended early, in words (a NaN loss and what to try). */
	message?: string;
	/** Which engine stepped the batches (the fused WASM dense engine or TF.js ops), and why. */
	engine?: EngineRecord;
	/** The optimizer's state that goes with the kept weights (absent when the run diverged, or was solved). */
	optimizer?: OptimizerState;
	/** Solved in closed form (ridge.ts), not by gradient steps: optimizer, learning rate, batch size, epochs
	 * and patience played no part. */
	solvedExactly?: true;
}
