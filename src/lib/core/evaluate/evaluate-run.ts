// Evaluates a stored run on its own held-out rows: the split drawn again from the run's record (and
// checked by hash), the run's fitted recipe applied as it was (never refitted), the stored model's
// outputs, the full metric set and the baseline's. The test metrics come out as the run recorded them.
import { readLabels, readNumbers } from '../prep/recipe/table-ops.ts';
import type { PrepTable } from '../prep/recipe/types.ts';
import { featureMatrix } from '../predict/feature-matrix.ts';
import { bundleFromRun, loadPredictor, type Predictor } from '../predict/predictor.ts';
import { describeLeftOut, trueLabels } from '../predict/true-labels.ts';
import type { ModelArtifact, RunRecord } from '../train/run-record.ts';
import { classificationBaseline, regressionBaseline } from './baseline.ts';
import { classificationMetrics, clusteringMetrics, regressionMetrics } from './evaluate-metrics.ts';
import { prepareRows } from './evaluate-rows.ts';
import { recreateSplit } from './evaluate-split.ts';
import { pca2d } from './pca.ts';
import type { EvaluatedSplit, RunEvaluation, SplitEvaluation } from './run-evaluation.ts';

interface SplitContext {
	run: RunRecord;
	artifact: ModelArtifact;
	predictor: Predictor;
	/** The training rows after the recipe, for the baseline. */
	train: () => PrepTable;
}

export async function evaluateRun(
	input: PrepTable,
	run: RunRecord,
	artifact: ModelArtifact
): Promise<RunEvaluation> {
	const split = recreateSplit(input, run.split);
	const predictor = await loadPredictor(bundleFromRun(run, artifact));
	let train: PrepTable | undefined;
	const context: SplitContext = {
		run,
		artifact,
		predictor,
		train: () => (train ??= prepareRows(input, split.train, run.fitted).prepared)
	};
	try {
		const splits: SplitEvaluation[] = [];
		for (const name of ['validation', 'test'] as EvaluatedSplit[]) {
			if (split[name].length === 0) continue;
			const { prepared, rowIndex } = prepareRows(input, split[name], run.fitted);
			splits.push(await evaluateSplit(name, prepared, rowIndex, context));
		}
		return {
			runId: run.id,
			task: run.task,
			targets: run.targets,
			...(run.classes ? { classes: run.classes } : {}),
			splits
		};
	} finally {
		predictor.dispose();
	}
}

function keepRows<T extends Float32Array | Float64Array | Int32Array>(
	values: T,
	rows: number[],
	width = 1
): T {
	const out = new (values.constructor as new (n: number) => T)(rows.length * width);
	rows.forEach((row, i) => out.set(values.subarray(row * width, (row + 1) * width), i * width));
	return out;
}

async function evaluateSplit(
	split: EvaluatedSplit,
	prepared: PrepTable,
	rowIndex: Int32Array,
	context: SplitContext
): Promise<SplitEvaluation> {
	const { run, predictor } = context;
	const predictions = await predictor.predictPrepared(prepared);
	if (run.task === 'classification') {
		const classes = run.classes ?? [];
		const k = classes.length;
		const labels = trueLabels(prepared, run.targets[0]!, classes);
		const kept: number[] = [];
		labels.codes.forEach((code, i) => code >= 0 && kept.push(i));
		const yTrue = Int32Array.from(kept, (i) => labels.codes[i]!);
		const proba = keepRows(predictions.proba!, kept, k);
		const scored = classificationMetrics(yTrue, proba, classes);
		const trainCodes = trueLabels(context.train(), run.targets[0]!, classes).codes.filter((c) => c >= 0);
		const baseline =
			yTrue.length > 0 && trainCodes.length > 0
				? classificationBaseline(trainCodes, yTrue, classes)
				: undefined;
		const notes = [...describeLeftOut(labels), ...scored.notes];
		return {
			split,
			rows: yTrue.length,
			rowIndex: keepRows(rowIndex, kept),
			metrics: scored.metrics,
			...(baseline
				? { baseline: classificationMetrics(yTrue, baseline.proba, classes, baseline.predictions).metrics }
				: {}),
			outputs: {
				kind: 'classification',
				yTrue,
				proba,
				perClass: scored.perClass,
				confusion: scored.confusion
			},
			...(notes.length ? { notes } : {})
		};
	}
	if (run.task === 'clustering') {
		const points = featureMatrix(prepared, run.features);
		const clusters = predictions.clusters!;
		const centroids = context.artifact.kind === 'kmeans' ? context.artifact.centroids : [];
		const target = run.targets[0];
		const labels =
			target !== undefined && prepared.schema.some((c) => c.name === target)
				? readLabels(prepared.table, target)
				: undefined;
		const scored = clusteringMetrics({
			points,
			clusters,
			centroids: Float64Array.from(centroids.flat()),
			labels,
			seed: run.seed
		});
		const { projection, explainedVariance } = pca2d(points);
		return {
			split,
			rows: clusters.length,
			rowIndex,
			metrics: scored.metrics,
			outputs: { kind: 'clustering', clusters, projection, explainedVariance },
			...(scored.notes.length ? { notes: scored.notes } : {})
		};
	}
	const actualAll = run.targets.map((name) => readNumbers(prepared.table, name));
	const kept: number[] = [];
	for (let i = 0; i < prepared.table.numRows(); i++)
		if (actualAll.every((column) => Number.isFinite(column[i]!))) kept.push(i);
	const actual = actualAll.map((column) => keepRows(column, kept));
	const predicted = predictions.values!.map((column) => keepRows(column, kept));
	const scored = regressionMetrics(run.targets, actual, predicted);
	const train = context.train();
	const trainActual = run.targets.map((name) => readNumbers(train.table, name).filter(Number.isFinite));
	const baseline =
		kept.length > 0 && trainActual.every((c) => c.length > 0)
			? regressionBaseline(trainActual, actual)
			: undefined;
	const leftOut = prepared.table.numRows() - kept.length;
	const notes = [
		...(leftOut > 0 ? [`${leftOut} rows without a target value were left out of the metrics.`] : []),
		...scored.notes
	];
	return {
		split,
		rows: kept.length,
		rowIndex: keepRows(rowIndex, kept),
		metrics: scored.metrics,
		...(baseline ? { baseline: regressionMetrics(run.targets, actual, baseline.predictions).metrics } : {}),
		outputs: { kind: 'regression', actual, predicted, perOutput: scored.perOutput },
		...(notes.length ? { notes } : {})
	};
}
