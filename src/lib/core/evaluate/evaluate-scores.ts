// One split's evaluation from a model's outputs on its prepared rows: the true values read as training
// read them, rows that cannot be scored (a label the model never saw, no target, no prediction) left out
// and counted, the full metric set, and the baseline's when the training rows are at hand.
import { readLabels, readNumbers } from '../table/read-column.ts';
import { takeRows } from '../table/take-rows.ts';
import type { PrepTable } from '../table/prep-table.ts';
import type { ModelBundle } from '../predict/model-bundle.ts';
import { featureMatrix } from '../predict/feature-matrix.ts';
import type { Predictions } from '../predict/predictor.ts';
import { describeLeftOut, trueLabels } from '../predict/true-labels.ts';
import { classificationBaseline, regressionBaseline } from '../metrics/baseline.ts';
import { classificationMetrics, clusteringMetrics, regressionMetrics } from './evaluate-metrics.ts';
import { pca2d } from '../metrics/pca.ts';
import type { EvaluatedSplit, SplitEvaluation } from './run-evaluation.ts';

export interface ScoreInput {
	split: EvaluatedSplit;
	bundle: Pick<ModelBundle, 'task' | 'targets' | 'classes' | 'features' | 'artifact'>;
	prepared: PrepTable;
	/** Each prepared row's position in the table it came from. */
	rowIndex: Int32Array;
	predictions: Predictions;
	/** Rows that have a prediction; all when left out. */
	predicted?: (row: number) => boolean;
	/** The training rows after the recipe, for the baseline; no baseline without them. */
	train?: () => PrepTable;
	/** Seeds the silhouette's row sample. */
	seed: number;
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

function rowsWhere(n: number, keep: (row: number) => boolean): number[] {
	const rows: number[] = [];
	for (let i = 0; i < n; i++) if (keep(i)) rows.push(i);
	return rows;
}

export function scoreSplit(input: ScoreInput): SplitEvaluation {
	const { bundle, prepared, predictions } = input;
	const n = prepared.table.numRows();
	const predicted = input.predicted ?? (() => true);
	const unpredicted = n - rowsWhere(n, predicted).length;
	const leftOut =
		unpredicted > 0
			? [
					`${unpredicted} ${unpredicted === 1 ? 'row' : 'rows'} could not be predicted, left out of the metrics.`
				]
			: [];
	const common = (kept: number[], notes: string[]) => {
		const all = [...leftOut, ...notes];
		return {
			split: input.split,
			rows: kept.length,
			rowIndex: keepRows(input.rowIndex, kept),
			...(all.length ? { notes: all } : {})
		};
	};

	if (bundle.task === 'classification') {
		const classes = bundle.classes ?? [];
		const k = classes.length;
		const labels = trueLabels(prepared, bundle.targets[0]!, classes);
		const kept = rowsWhere(n, (i) => labels.codes[i]! >= 0 && predicted(i));
		const yTrue = Int32Array.from(kept, (i) => labels.codes[i]!);
		const proba = keepRows(predictions.proba!, kept, k);
		const scored = classificationMetrics(yTrue, proba, classes);
		const trainCodes = input.train
			? trueLabels(input.train(), bundle.targets[0]!, classes).codes.filter((c) => c >= 0)
			: [];
		const baseline =
			yTrue.length > 0 && trainCodes.length > 0
				? classificationBaseline(trainCodes, yTrue, classes)
				: undefined;
		return {
			...common(kept, [...describeLeftOut(labels), ...scored.notes]),
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
			}
		};
	}

	if (bundle.task === 'clustering') {
		const kept = rowsWhere(n, predicted);
		const all = kept.length === n ? prepared : takeRows(prepared, kept);
		const points = featureMatrix(all, bundle.features);
		const clusters = keepRows(predictions.clusters!, kept);
		const centroids = bundle.artifact.kind === 'kmeans' ? bundle.artifact.centroids : [];
		const target = bundle.targets[0];
		const labels =
			target !== undefined && all.schema.some((c) => c.name === target)
				? readLabels(all.table, target)
				: undefined;
		const scored = clusteringMetrics({
			points,
			clusters,
			centroids: Float64Array.from(centroids.flat()),
			labels,
			seed: input.seed
		});
		const { projection, explainedVariance } = pca2d(points);
		return {
			...common(kept, scored.notes),
			metrics: scored.metrics,
			outputs: { kind: 'clustering', clusters, projection, explainedVariance }
		};
	}

	const actualAll = bundle.targets.map((name) => readNumbers(prepared.table, name));
	const kept = rowsWhere(n, (i) => predicted(i) && actualAll.every((column) => Number.isFinite(column[i]!)));
	const withoutTarget = rowsWhere(n, predicted).length - kept.length;
	const actual = actualAll.map((column) => keepRows(column, kept));
	const predictedValues = predictions.values!.map((column) => keepRows(column, kept));
	const scored = regressionMetrics(bundle.targets, actual, predictedValues);
	const train = input.train?.();
	const trainActual = train
		? bundle.targets.map((name) => readNumbers(train.table, name).filter(Number.isFinite))
		: [];
	const baseline =
		kept.length > 0 && trainActual.length > 0 && trainActual.every((c) => c.length > 0)
			? regressionBaseline(trainActual, actual)
			: undefined;
	const notes = [
		...(withoutTarget > 0
			? [
					`${withoutTarget} ${withoutTarget === 1 ? 'row has' : 'rows have'} no target value, left out of the metrics.`
				]
			: []),
		...scored.notes
	];
	return {
		...common(kept, notes),
		metrics: scored.metrics,
		...(baseline
			? { baseline: regressionMetrics(bundle.targets, actual, baseline.predictions).metrics }
			: {}),
		outputs: { kind: 'regression', actual, predicted: predictedValues, perOutput: scored.perOutput }
	};
}
