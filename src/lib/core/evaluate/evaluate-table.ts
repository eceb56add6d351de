// Evaluates a model on a raw table that has the true values (a file given to `benchtop evaluate`): every
// row predicted through the model's fitted recipe, rows that cannot be predicted or scored left out and
// counted, the full metric set on the rest. No baseline: the training rows are not at hand.
import type { PrepTable } from '../table/prep-table.ts';
import { predictRows, type PredictedRows } from '../predict/predict-rows.ts';
import type { Predictor } from '../predict/predictor.ts';
import { trueLabels } from '../predict/true-labels.ts';
import { scoreSplit } from './evaluate-scores.ts';
import type { SplitEvaluation } from './run-evaluation.ts';

export interface TableEvaluation {
	/** The table's rows as one evaluated split ('test'); rowIndex points at the table's rows. */
	evaluation: SplitEvaluation;
	predicted: PredictedRows;
	/** Classification: labels the model never saw, with their counts. */
	unseenLabels?: Record<string, number>;
}

export async function evaluateTable(
	predictor: Predictor,
	raw: PrepTable,
	options: { seed: number; onProgress?: (done: number, total: number) => void }
): Promise<TableEvaluation> {
	const { bundle } = predictor;
	// A clustering model's label column is optional: without it there is just no adjusted Rand index.
	const predicted = await predictRows(predictor, raw, {
		withTargets: bundle.task !== 'clustering',
		onProgress: options.onProgress
	});
	const evaluation = scoreSplit({
		split: 'test',
		bundle,
		prepared: predicted.prepared,
		rowIndex: Int32Array.from({ length: predicted.rows }, (_, i) => i),
		predictions: {
			rows: predicted.rows,
			...(predicted.proba ? { proba: predicted.proba } : {}),
			...(predicted.values ? { values: predicted.values } : {}),
			...(predicted.clusters ? { clusters: predicted.clusters } : {})
		},
		predicted: (row) => predicted.errors[row] === null,
		seed: options.seed
	});
	const unseenLabels =
		bundle.task === 'classification'
			? trueLabels(predicted.prepared, bundle.targets[0]!, bundle.classes ?? []).unseen
			: undefined;
	return { evaluation, predicted, ...(unseenLabels ? { unseenLabels } : {}) };
}
