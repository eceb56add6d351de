// One training run from a table to a run record, the same in the train worker and the CLI: pick the task,
// split the rows (seeded), fit the recipe on the training rows, build the model from its spec, train,
// and score it on validation and test. Inputs are declarative (JSON), so a run can be repeated exactly.
import * as tf from '@tensorflow/tfjs';
import { BenchtopError } from '../errors.ts';
import { silhouetteScore, inertia as inertiaOf, type Points } from '../evaluate/clustering.ts';
import { metricsSummary } from '../evaluate/summary.ts';
import { buildNetwork } from '../models/build-network.ts';
import { defaultFamily, requireFamily } from '../models/families.ts';
import { imageShapeOf } from '../models/infer-task.ts';
import { fitKMeans, predictKMeans } from '../models/kmeans/kmeans.ts';
import { parseModelSpec } from '../models/spec-schema.ts';
import type { ModelSpec, NetworkSpec } from '../models/types.ts';
import { defaultRecipe } from '../prep/default-recipe.ts';
import { prepareSplits } from '../prep/preparation.ts';
import { parseRecipe } from '../prep/recipe/validate-recipe.ts';
import { readNumbers, requireColumns } from '../prep/recipe/table-ops.ts';
import type { PrepTable, Recipe } from '../prep/recipe/types.ts';
import { parseTrainSettings } from './settings.ts';
import type { TrainControl } from './train-control.ts';
import { defaultSplit, resolveTask, type TrainingRequest } from './training-request.ts';
import { trainNetwork } from './train-loop.ts';
import { fitTargetScale, foldTargetScale, scaleTargets } from './target-scaling.ts';
import { toTrainingArrays, type NetworkTask, type TrainingArrays } from './training-data.ts';
import type { ModelArtifact, RunBackend, RunRecord } from './run-record.ts';
import type { TrainProgress, TrainResult } from './types.ts';
import type { ResumeOrigin, TrainCheckpoint } from './train-checkpoint.ts';

export { defaultSplit, resolveTask, type TrainingRequest } from './training-request.ts';

export interface TrainingContext {
	dataset: { id: string; hash: string; name: string };
	backend: RunBackend;
	versions: Record<string, string>;
	onProgress?: (progress: TrainProgress) => void;
	control?: TrainControl;
	/** Go on from where a broken run of this same request got to (another backend, a fresh worker). */
	resume?: ResumeOrigin;
	onCheckpoint?: (checkpoint: TrainCheckpoint) => void;
}

export interface TrainingOutcome {
	run: Omit<RunRecord, 'id' | 'artifactId'>;
	artifact: ModelArtifact;
	/** The trained network (null for k-means); the caller disposes it. */
	model: tf.LayersModel | null;
}

function pointsOf(prepared: PrepTable, features: string[]): Points {
	const n = prepared.table.numRows();
	const data = new Float64Array(n * features.length);
	features.forEach((name, j) => {
		const values = readNumbers(prepared.table, name);
		for (let i = 0; i < n; i++) {
			const x = values[i]!;
			if (x !== x) {
				throw new BenchtopError(
					'bad-input',
					`${name} has missing values after the recipe: add an Impute step.`
				);
			}
			data[i * features.length + j] = x;
		}
	});
	return { data, width: features.length };
}

/** Predictions for every row, read asynchronously (a WebGPU device must never be read synchronously). */
async function predict(model: tf.LayersModel, data: TrainingArrays): Promise<Float32Array> {
	const input = tf.tensor2d(data.x, [data.n, data.featureCount]);
	const output = model.predict(input) as tf.Tensor;
	try {
		return (await output.data()) as Float32Array;
	} finally {
		input.dispose();
		output.dispose();
	}
}

function columnsOf(values: ArrayLike<number>, n: number, width: number): Float64Array[] {
	return Array.from({ length: width }, (_, j) =>
		Float64Array.from({ length: n }, (_, i) => values[i * width + j]!)
	);
}

async function scoreNetwork(
	model: tf.LayersModel,
	task: NetworkTask,
	data: TrainingArrays,
	targets: string[]
): Promise<Record<string, unknown> | undefined> {
	if (data.n === 0) return undefined;
	const output = await predict(model, data);
	if (task === 'classification') {
		return {
			...metricsSummary({ task, classes: data.classes, yTrue: data.labels!, proba: output }),
			rows: data.n
		};
	}
	return {
		...metricsSummary({
			task,
			targets,
			yTrue: columnsOf(data.y, data.n, data.outputSize),
			yPred: columnsOf(output, data.n, data.outputSize)
		}),
		rows: data.n
	};
}

/** The trained weights as TF.js saves them, without touching any storage. */
async function layersArtifact(model: tf.LayersModel): Promise<ModelArtifact> {
	let saved: tf.io.ModelArtifacts | undefined;
	await model.save(
		tf.io.withSaveHandler(async (artifacts) => {
			saved = artifacts;
			return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
		})
	);
	const weightData = saved?.weightData;
	const buffers = Array.isArray(weightData) ? weightData : weightData ? [weightData] : [];
	return {
		kind: 'layers',
		modelTopology: saved?.modelTopology,
		weightSpecs: saved?.weightSpecs ?? [],
		weightData: new Blob(buffers)
	};
}

export async function runTraining(
	input: PrepTable,
	request: TrainingRequest,
	context: TrainingContext
): Promise<TrainingOutcome> {
	const started = performance.now();
	const settings = parseTrainSettings(request.settings);
	const targets = request.targets;
	requireColumns(input, targets);
	const task = resolveTask(input, request);
	if (task !== 'clustering' && targets.length === 0)
		throw new BenchtopError('bad-input', `A ${task} model needs a target column.`);
	const recipe: Recipe =
		request.recipe === undefined ? defaultRecipe(input, targets).recipe : parseRecipe(request.recipe);
	const splitSpec = request.split ?? defaultSplit(task, targets[0], 0.2, settings.seed);
	const prepared = prepareSplits(input, recipe, splitSpec);
	const features = prepared.train.schema.map((c) => c.name).filter((name) => !targets.includes(name));
	const imageShape = imageShapeOf(features);
	const dataShape = {
		featureCount: features.length,
		imageShape,
		rowCount: prepared.train.table.numRows(),
		suggestedK: request.k ?? null
	};
	const family =
		request.family && request.family !== 'auto' ? request.family : defaultFamily(task, dataShape);
	const spec: ModelSpec =
		request.spec === undefined
			? requireFamily(family).defaultSpec(task, dataShape)
			: parseModelSpec(request.spec);
	if (spec.task !== task) {
		throw new BenchtopError(
			'bad-input',
			`The model is set up for ${spec.task}, but the target calls for ${task}.`
		);
	}

	const base = {
		experimentId: context.dataset.id,
		datasetId: context.dataset.id,
		datasetHash: context.dataset.hash,
		createdAt: new Date().toISOString(),
		task,
		targets,
		features,
		split: prepared.split.record,
		recipe,
		fitted: prepared.fitted,
		spec,
		settings,
		seed: settings.seed,
		backend: context.backend,
		versions: context.versions,
		rows: {
			train: prepared.train.table.numRows(),
			validation: prepared.validation.table.numRows(),
			test: prepared.test.table.numRows()
		}
	};

	if (spec.family === 'kmeans') {
		const points = pointsOf(prepared.train, features);
		const fit = fitKMeans(points, spec, settings.seed);
		const scored = prepared.test.table.numRows() > 1 ? pointsOf(prepared.test, features) : points;
		const labels = predictKMeans(fit.model, scored);
		const metrics = {
			inertia: inertiaOf(scored, labels, Float64Array.from(fit.model.centroids.flat())),
			silhouette:
				fit.model.k > 1 ? silhouetteScore(scored, labels, { sampleSize: 2000, seed: settings.seed }) : null,
			rows: scored.data.length / scored.width
		};
		return {
			run: {
				...base,
				name: `k-means (k = ${spec.k}) · ${context.dataset.name}`,
				status: 'completed',
				history: [],
				bestEpoch: 0,
				metrics: { test: metrics },
				durationMs: Math.round(performance.now() - started)
			},
			artifact: { kind: 'kmeans', centroids: fit.model.centroids },
			model: null
		};
	}

	const networkTask = task as NetworkTask;
	const train = toTrainingArrays(prepared.train, { features, targets, task: networkTask });
	const shape = {
		features,
		targets,
		task: networkTask,
		classes: train.classes.length ? train.classes : undefined
	};
	const validation = toTrainingArrays(prepared.validation, shape);
	const test = toTrainingArrays(prepared.test, shape);
	const model = buildNetwork(
		spec as NetworkSpec,
		{ inputSize: train.featureCount, outputSize: train.outputSize },
		settings.seed
	);
	const scale = networkTask === 'classification' ? null : fitTargetScale(train);
	let result: TrainResult;
	try {
		result = await trainNetwork({
			model,
			task: networkTask,
			data: scale ? scaleTargets(train, scale) : train,
			validation: validation.n > 0 ? (scale ? scaleTargets(validation, scale) : validation) : undefined,
			settings,
			onProgress: context.onProgress,
			control: context.control,
			target: targets[0],
			resumeFrom: context.resume?.checkpoint,
			onCheckpoint: context.onCheckpoint
		});
	} catch (error) {
		model.dispose();
		throw error;
	}
	if (scale) foldTargetScale(model, scale);
	const metrics = {
		validation: await scoreNetwork(model, networkTask, validation, targets),
		test: await scoreNetwork(model, networkTask, test, targets)
	};
	return {
		run: {
			...base,
			name: `${requireFamily(spec.family).label} · ${targets.join(', ')} · ${context.dataset.name}`,
			status: result.stopReason,
			...(result.message ? { message: result.message } : {}),
			...(context.resume
				? {
						resumed: {
							fromEpoch: context.resume.checkpoint.epoch,
							previousBackend: context.resume.previousBackend,
							reason: context.resume.reason
						}
					}
				: {}),
			classes: train.classes.length ? train.classes : undefined,
			history: result.history,
			bestEpoch: result.bestEpoch,
			metrics,
			durationMs: Math.round(performance.now() - started)
		},
		artifact: await layersArtifact(model),
		model
	};
}
