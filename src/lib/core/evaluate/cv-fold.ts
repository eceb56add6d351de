// One cross-validation fold, trained and scored the way runTraining trains and scores a run: the recipe
// fitted on the fold's training rows only, the model built from the run's spec and seed, and the fold's
// held-out rows scored with the metricsSummary names. Nothing is stored: only the fold's metrics remain.
import { BenchtopError } from '../errors.ts';
import { buildNetwork } from '../models/build-network.ts';
import { fitKMeans, predictKMeans } from '../models/kmeans/kmeans.ts';
import type { KMeansSpec, ModelFamily, ModelSpec, NetworkSpec, Task } from '../models/types.ts';
import { applyRecipe } from '../prep/recipe/apply-recipe.ts';
import { fitRecipe } from '../prep/recipe/fit-recipe.ts';
import { takeRows } from '../table/take-rows.ts';
import type { PrepTable } from '../table/prep-table.ts';
import type { Recipe } from '../prep/recipe/types.ts';
import type { Fold } from '../prep/split/index.ts';
import { fitTargetScale, foldTargetScale, scaleTargets, scalesTargets } from '../train/target-scaling.ts';
import type { TrainControl } from '../train/train-control.ts';
import { trainNetwork } from '../train/train-loop.ts';
import { closedForm } from '../train/ridge.ts';
import { foldSigmoidHead, sigmoidTargets, trainsSigmoidHead } from '../train/sigmoid-head.ts';
import { featurePoints as pointsOf } from '../models/kmeans/feature-points.ts';
import { scoreNetwork } from '../train/score-network.ts';
import { toTrainingArrays, type NetworkTask } from '../train/training-data.ts';
import type { TrainProgress, TrainSettings } from '../train/types.ts';
import { inertia, silhouetteScore } from '../metrics/clustering.ts';
import type { MetricValues } from './run-evaluation.ts';

/** What a fold repeats of a run: the same recipe, spec, settings and seed. A RunRecord is one. */
export interface CrossValidationSetup {
	task: Task;
	targets: string[];
	/** The run's classes, so every fold's model has the same outputs in the same order. */
	classes?: string[];
	recipe: Recipe;
	spec: ModelSpec;
	settings: TrainSettings;
	seed: number;
}

export interface FoldContext {
	onProgress?: (progress: TrainProgress) => void;
	control?: TrainControl;
}

export interface FoldResult {
	/** 0-based; shown from 1. */
	fold: number;
	trainRows: number;
	testRows: number;
	/** The held-out rows' metrics, under metricsSummary's names (per-output figures left out). */
	metrics: MetricValues;
	/** Why a metric is null, in words. */
	notes?: string[];
	/** Epochs trained (0 for k-means). */
	epochs: number;
	durationMs: number;
}

/** The summary's top-level numbers: per-output figures and notes stay out of a fold table. */
function flatMetrics(summary: object): MetricValues {
	const metrics: MetricValues = {};
	for (const [name, value] of Object.entries(summary)) {
		if (typeof value === 'number' || value === null) metrics[name] = value;
	}
	return metrics;
}

interface FoldScore {
	metrics: MetricValues;
	notes: string[];
	epochs: number;
}

/** Fits one family's spec on a fold's training rows and scores its held-out rows. */
type FoldScorer<S extends ModelSpec> = (
	setup: CrossValidationSetup,
	spec: S,
	train: PrepTable,
	test: PrepTable,
	features: string[],
	context: FoldContext
) => Promise<FoldScore>;

async function scoreKMeans(
	setup: CrossValidationSetup,
	spec: KMeansSpec,
	train: PrepTable,
	test: PrepTable,
	features: string[]
): Promise<FoldScore> {
	const fit = fitKMeans(pointsOf(train, features), spec, setup.seed);
	const points = pointsOf(test, features);
	const labels = predictKMeans(fit.model, points);
	const notes: string[] = [];
	const silhouette =
		fit.model.k > 1 && points.data.length / points.width > fit.model.k
			? silhouetteScore(points, labels, { sampleSize: 2000, seed: setup.seed })
			: null;
	if (silhouette === null) notes.push('silhouette needs more held-out rows than clusters.');
	return {
		metrics: { inertia: inertia(points, labels, Float64Array.from(fit.model.centroids.flat())), silhouette },
		notes,
		epochs: 0
	};
}

async function scoreFoldNetwork(
	setup: CrossValidationSetup,
	spec: NetworkSpec,
	train: PrepTable,
	test: PrepTable,
	features: string[],
	context: FoldContext
): Promise<FoldScore> {
	const task = setup.task as NetworkTask;
	const targets = setup.targets;
	const trainArrays = toTrainingArrays(train, { features, targets, task, classes: setup.classes });
	const shape = {
		features,
		targets,
		task,
		classes: trainArrays.classes.length ? trainArrays.classes : undefined
	};
	const testArrays = toTrainingArrays(test, shape);
	// Binary cross-entropy trains one sigmoid output, scored once folded into the two-class softmax head.
	const sigmoid = trainsSigmoidHead(task, setup.settings);
	const trainedOn = sigmoid ? sigmoidTargets(trainArrays) : trainArrays;
	let model = buildNetwork(
		spec,
		{ inputSize: trainArrays.featureCount, outputSize: trainedOn.outputSize },
		setup.seed,
		sigmoid ? 'sigmoid' : undefined
	);
	try {
		const scale = scalesTargets(task, setup.settings) ? fitTargetScale(trainArrays) : null;
		const result = await trainNetwork({
			model,
			task,
			data: scale ? scaleTargets(trainArrays, scale) : trainedOn,
			settings: setup.settings,
			onProgress: context.onProgress,
			control: context.control,
			target: targets[0],
			...closedForm(spec, task, trainArrays, setup.settings.loss)
		});
		if (result.stopReason === 'stopped') throw new BenchtopError('aborted', 'Cross-validation was stopped.');
		if (scale) foldTargetScale(model, scale);
		if (sigmoid) {
			const folded = foldSigmoidHead(model, spec, trainArrays.featureCount);
			model.dispose();
			model = folded;
		}
		const summary = (await scoreNetwork(model, task, testArrays, targets))!;
		return { metrics: flatMetrics(summary), notes: summary.notes ?? [], epochs: result.history.length };
	} finally {
		model.dispose();
	}
}

/**
 * A fold repeats the run's fit without its validation split and scores only the held-out rows, so it has
 * its own scorer per family beside the run's fitters (train/fitters.ts); typed over every family, so a
 * new family does not compile until it says how a fold scores it. The networks share one.
 */
const FOLD_SCORERS: { [F in ModelFamily]: FoldScorer<Extract<ModelSpec, { family: F }>> } = {
	linear: scoreFoldNetwork,
	mlp: scoreFoldNetwork,
	cnn: scoreFoldNetwork,
	kmeans: scoreKMeans
};

/** Trains on `fold.train` rows of `input` and scores on its `fold.test` rows. */
export async function trainFold(
	input: PrepTable,
	setup: CrossValidationSetup,
	fold: Fold,
	index: number,
	context: FoldContext = {}
): Promise<FoldResult> {
	const started = performance.now();
	const rawTrain = takeRows(input, fold.train);
	let train = rawTrain;
	const fitted = fitRecipe(setup.recipe, rawTrain, { afterStep: (_, output) => (train = output) });
	const test = applyRecipe(fitted, takeRows(input, fold.test), 'evaluate');
	const features = train.schema.map((c) => c.name).filter((name) => !setup.targets.includes(name));
	const score = FOLD_SCORERS[setup.spec.family] as FoldScorer<ModelSpec>;
	const scored = await score(setup, setup.spec, train, test, features, context);
	return {
		fold: index,
		trainRows: train.table.numRows(),
		testRows: test.table.numRows(),
		metrics: scored.metrics,
		...(scored.notes.length > 0 ? { notes: scored.notes } : {}),
		epochs: scored.epochs,
		durationMs: Math.round(performance.now() - started)
	};
}
