// One training run from a table to a run record, the same in the train worker and the CLI: pick the task,
// split the rows (seeded), fit the recipe on the training rows, build the model from its spec, train,
// and score it on validation and test. Inputs are declarative (JSON), so a run can be repeated exactly.
import * as tf from '@tensorflow/tfjs';
import { BenchtopError } from '../errors.ts';
import { silhouetteScore, inertia as inertiaOf } from '../metrics/clustering.ts';
import { buildNetwork } from '../models/build-network.ts';
import { defaultFamily, requireFamily } from '../models/families.ts';
import { imageShapeOf } from '../models/infer-task.ts';
import { fitKMeans, predictKMeans } from '../models/kmeans/kmeans.ts';
import { parseModelSpec } from '../models/spec-schema.ts';
import type { ModelSpec, NetworkSpec } from '../models/types.ts';
import { defaultRecipe } from '../prep/default-recipe.ts';
import { prepareSplits } from '../prep/preparation.ts';
import { parseRecipe } from '../prep/recipe/validate-recipe.ts';
import { requireColumns } from '../table/require-columns.ts';
import type { PrepTable } from '../table/prep-table.ts';
import type { Recipe } from '../prep/recipe/types.ts';
import { featurePoints as pointsOf } from '../models/kmeans/feature-points.ts';
import { checkRunOutcome, checkTrainingMatrix } from './run-checks.ts';
import type { RunWarning } from './run-warnings.ts';
import { scoreNetwork } from './score-network.ts';
import { parseTrainSettings } from './settings.ts';
import type { TrainControl } from './train-control.ts';
import { defaultSplit, resolveTask, type TrainingRequest } from './training-request.ts';
import { trainNetwork } from './train-loop.ts';
import { fitTargetScale, foldTargetScale, scaleTargets } from './target-scaling.ts';
import { toTrainingArrays, type NetworkTask, type TrainingArrays } from './training-data.ts';
import type { ModelArtifact, RunBackend, RunRecord } from './run-record.ts';
import type { TrainProgress, TrainResult } from './types.ts';
import type { ResumeOrigin, TrainCheckpoint } from './train-checkpoint.ts';
import { requireTrainableTarget } from './target-values.ts';

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
	/** The warnings found on the prepared training rows, before the first epoch (they are in the run too). */
	onWarnings?: (warnings: RunWarning[]) => void;
}

export interface TrainingOutcome {
	run: Omit<RunRecord, 'id' | 'artifactId'>;
	artifact: ModelArtifact;
	/** The trained network (null for k-means); the caller disposes it. */
	model: tf.LayersModel | null;
}

async function scoreSplit(
	model: tf.LayersModel,
	task: NetworkTask,
	data: TrainingArrays,
	targets: string[]
): Promise<Record<string, unknown> | undefined> {
	const summary = await scoreNetwork(model, task, data, targets);
	return summary && { ...summary, rows: data.n };
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
	if (task === 'regression' || task === 'multi-output')
		for (const name of targets) requireTrainableTarget(input.table, name);
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
	const before = checkTrainingMatrix(train, features, targets, recipe);
	if (before.length > 0) context.onWarnings?.(before);
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
		validation: await scoreSplit(model, networkTask, validation, targets),
		test: await scoreSplit(model, networkTask, test, targets)
	};
	const warnings = [
		...before,
		...checkRunOutcome({
			task: networkTask,
			targets,
			train,
			validation,
			test,
			metrics,
			result,
			settings,
			before
		})
	];
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
			// With no validation split the loop watches rows it held back from the training split: say how many,
			// so the summary's counts match the validation curve it draws.
			...(validation.n === 0 && result.rows && result.rows.validation > 0
				? { validationHeldBack: result.rows.validation }
				: {}),
			bestEpoch: result.bestEpoch,
			metrics,
			warnings,
			durationMs: Math.round(performance.now() - started)
		},
		artifact: await layersArtifact(model),
		model
	};
}
