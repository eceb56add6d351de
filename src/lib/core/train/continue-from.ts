// Training a saved model further: on the same data (its curve and early stopping carry on from the epoch
// its weights are from, its optimizer state put back, so it is as if the run had not stopped), or on another
// data set with the same input schema (incremental training: a fresh curve from the same weights). The
// fitted recipe is kept by default, so the child's predictions stay comparable with its parent's; refitted
// on the new training rows on request. The family's fitter (fitters.ts) starts from the parent: a network
// from its weights, k-means from its centroids.
import { BenchtopError } from '../errors.ts';
import type { LayersArtifact, ModelArtifact } from '../models/artifact.ts';
import { applyRecipe } from '../prep/recipe/apply-recipe.ts';
import { prepareSplits, type PreparedSplits } from '../prep/preparation.ts';
import { parseSplitSpec, splitRows } from '../prep/split/index.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { takeRows } from '../table/take-rows.ts';
import type { RunRecord } from './run-record.ts';
import type { TrainCheckpoint } from './train-checkpoint.ts';
import type { TrainingRequest } from './training-request.ts';

/** What a continued run needs of its parent's run record. */
export type ParentRun = Pick<
	RunRecord,
	| 'task'
	| 'targets'
	| 'features'
	| 'classes'
	| 'spec'
	| 'settings'
	| 'recipe'
	| 'fitted'
	| 'split'
	| 'history'
	| 'bestEpoch'
	| 'datasetHash'
>;

/** How to go on from a saved model, handed to runTraining with its weights. */
export interface ContinueFrom {
	/** The parent version, recorded on the child run (its lineage) — absent when continuing from files. */
	parent?: { versionId: string; version: number; modelName?: string };
	run: ParentRun;
	/** The parent's weights (with its optimizer state, when it was kept) or centroids. */
	artifact: ModelArtifact;
	/** 'keep' (the default): the parent's fitted recipe as it is; 'refit': fitted again on the new training rows. */
	recipe: 'keep' | 'refit';
}

/** What a continued run records about where it started. */
export interface ContinuedRecord {
	versionId?: string;
	version?: number;
	modelName?: string;
	/** The epoch of the parent's kept weights: the child's epochs count on from it. */
	fromEpoch: number;
	recipe: 'keep' | 'refit';
	/** Whether the data set version is the parent's own (same bytes): its curve then carries on. */
	sameData: boolean;
	/** Whether the parent's optimizer state was put back (absent on older versions and on k-means). */
	optimizerState: boolean;
	/** The parent scored on this run's test rows, beside the child's own metrics. */
	parentMetrics?: Record<string, unknown>;
}

/** The training request that continues `run` for `moreEpochs` epochs (the parent's settings otherwise). */
export function continueRequest(run: ParentRun, moreEpochs: number): TrainingRequest {
	if (!Number.isInteger(moreEpochs) || moreEpochs < 0 || moreEpochs > 10_000) {
		throw new BenchtopError('bad-input', `Train for 0 to 10000 more epochs (got ${String(moreEpochs)}).`);
	}
	const { method, train, validation, test, seed, column } = run.split;
	return {
		targets: [...run.targets],
		task: run.task,
		family: run.spec.family,
		spec: run.spec,
		recipe: run.recipe,
		split: { method, train, validation, test, seed, ...(column !== undefined ? { column } : {}) },
		// At least 1, as every run's settings are: a model without epochs (k-means) never reads it.
		settings: { ...run.settings, epochs: Math.max(1, parentEpoch(run) + moreEpochs) }
	};
}

/** The splits a continued run trains on: the parent's fitted recipe applied as it is, or fitted afresh. */
export function prepareContinued(table: PrepTable, init: ContinueFrom, splitSpec: unknown): PreparedSplits {
	const input = parentColumns(table, init.run);
	if (init.recipe === 'refit') return prepareSplits(input, init.run.recipe, splitSpec);
	const split = splitRows(input, parseSplitSpec(splitSpec));
	const fitted = init.run.fitted;
	return {
		fitted,
		split,
		train: applyRecipe(fitted, takeRows(input, split.train), 'train'),
		validation: applyRecipe(fitted, takeRows(input, split.validation), 'evaluate'),
		test: applyRecipe(fitted, takeRows(input, split.test), 'evaluate')
	};
}

/**
 * The columns the parent's recipe read (and its targets), in the new data: columns the parent never saw
 * are left out, so they cannot slip in as model inputs (registry/continue-check.ts has already refused data
 * that lacks or retypes one of the parent's).
 */
export function parentColumns(input: PrepTable, run: Pick<ParentRun, 'fitted' | 'targets'>): PrepTable {
	const read = new Set([...run.fitted.inputSchema.map((c) => c.name), ...run.targets]);
	const schema = input.schema.filter((c) => read.has(c.name));
	if (schema.length === input.schema.length) return input;
	return { table: input.table.select(schema.map((c) => c.name)), schema };
}

/** The new data's columns the parent never read: left out of a continued run, and said so. */
export function unreadColumns(
	run: Pick<ParentRun, 'fitted' | 'targets'>,
	schema: readonly { name: string }[]
): string[] {
	const read = new Set([...run.fitted.inputSchema.map((c) => c.name), ...run.targets]);
	return schema.map((c) => c.name).filter((name) => !read.has(name));
}

/** Refuses a continued run whose features are not the parent's (a refitted recipe made other columns). */
export function requireParentFeatures(init: ContinueFrom, features: readonly string[]): void {
	const parent = init.run.features;
	const missing = parent.filter((name) => !features.includes(name));
	const extra = features.filter((name) => !parent.includes(name));
	if (missing.length === 0 && extra.length === 0 && parent.every((name, i) => features[i] === name)) return;
	const parts = [
		...(missing.length > 0 ? [`lacks ${missing.join(', ')}`] : []),
		...(extra.length > 0 ? [`adds ${extra.join(', ')}`] : []),
		...(missing.length === 0 && extra.length === 0 ? ['orders them differently'] : [])
	];
	throw new BenchtopError(
		'bad-input',
		`The recipe refitted on this data gives other model inputs than the parent's: it ${parts.join(' and ')}. Keep the parent's fitted recipe to continue training.`
	);
}

/** The epoch the parent's kept weights are from (0 for a model that trains in no epochs). */
export function parentEpoch(run: Pick<ParentRun, 'bestEpoch' | 'history'>): number {
	return Math.max(0, Math.min(run.bestEpoch, run.history.length));
}

/** A network's weights from its artifact, as plain arrays in `model.getWeights()` order. */
export async function layersWeights(artifact: LayersArtifact): Promise<Float32Array[]> {
	const bytes = await artifact.weightData.arrayBuffer();
	const weights: Float32Array[] = [];
	let offset = 0;
	for (const spec of artifact.weightSpecs as { name: string; shape: number[]; dtype?: string }[]) {
		if ((spec.dtype ?? 'float32') !== 'float32') {
			throw new BenchtopError(
				'bad-input',
				`The saved weight ${spec.name} is ${spec.dtype}, not float32: only float32 weights can be trained further.`
			);
		}
		const count = spec.shape.reduce((a, b) => a * b, 1);
		if (offset + count * 4 > bytes.byteLength) {
			throw new BenchtopError(
				'bad-input',
				`The saved weights end before ${spec.name}: the file is cut short.`
			);
		}
		weights.push(new Float32Array(bytes.slice(offset, offset + count * 4)));
		offset += count * 4;
	}
	return weights;
}

/**
 * Where a continued network starts, as a checkpoint of its own run: the parent's weights and optimizer
 * state at its kept epoch; on the same data the history up to that epoch too (the curve carries on),
 * on new data none (a fresh curve, and early stopping judges only the new epochs).
 */
export function continueCheckpoint(
	init: ContinueFrom,
	weights: Float32Array[],
	sameData: boolean
): TrainCheckpoint {
	const epoch = parentEpoch(init.run);
	const optimizer = init.artifact.kind === 'layers' ? init.artifact.optimizer : undefined;
	return {
		epoch,
		weights,
		history: sameData ? init.run.history.slice(0, epoch) : [],
		...(optimizer ? { optimizer } : {})
	};
}

/** The test rows through the parent's own fitted recipe (the child's, when the recipe was kept). */
export function parentTestRows(input: PrepTable, prepared: PreparedSplits, init: ContinueFrom): PrepTable {
	if (init.recipe === 'keep') return prepared.test;
	return applyRecipe(init.run.fitted, takeRows(input, prepared.split.test), 'evaluate');
}

/**
 * A regression network's saved weights hold the target scaling folded into the output layer
 * (target-scaling.ts); training runs in standard units, so the scaling is taken back out of the last kernel
 * and bias before the first step (the run folds it back in at the end).
 */
export function unfoldTargetScale(
	weights: readonly Float32Array[],
	scale: { mean: Float64Array; std: Float64Array }
): Float32Array[] {
	const out = weights.map((w) => Float32Array.from(w));
	const kernel = out[out.length - 2]!;
	const bias = out[out.length - 1]!;
	const k = bias.length;
	for (let i = 0; i < kernel.length; i++) kernel[i] = kernel[i]! / scale.std[i % k]!;
	for (let j = 0; j < k; j++) bias[j] = (bias[j]! - scale.mean[j]!) / scale.std[j]!;
	return out;
}

/** The child run's record of its start. */
export function continuedRecord(
	init: ContinueFrom,
	datasetHash: string,
	parentMetrics: Record<string, unknown> | undefined
): ContinuedRecord {
	return {
		...(init.parent
			? {
					versionId: init.parent.versionId,
					version: init.parent.version,
					...(init.parent.modelName ? { modelName: init.parent.modelName } : {})
				}
			: {}),
		fromEpoch: parentEpoch(init.run),
		recipe: init.recipe,
		sameData: datasetHash === init.run.datasetHash,
		optimizerState: init.artifact.kind === 'layers' && init.artifact.optimizer !== undefined,
		...(parentMetrics ? { parentMetrics } : {})
	};
}
