// What evaluating a stored run gives the Evaluate page, the report and the CLI: for each held-out split,
// the true values and the model's outputs row by row (so curves, a threshold and "show me these rows"
// are computed on the page without another pass), the metrics under scikit-learn's names and the same
// metrics for the baseline. Plain typed arrays and JSON numbers: it crosses a worker boundary.
import type { Task } from '../models/types.ts';

export type EvaluatedSplit = 'validation' | 'test';

/** Metric values by scikit-learn name; null where the metric is undefined on these rows. */
export type MetricValues = Record<string, number | null>;

export interface ClassificationOutputs {
	kind: 'classification';
	/** Class index of each row's true label, in `RunEvaluation.classes` order. */
	yTrue: Int32Array;
	/** Row-major n × k probabilities. */
	proba: Float32Array;
	/** Per class, in class order: precision, recall, F1 and support at the default (argmax) decision. */
	perClass: { label: string; precision: number; recall: number; f1: number; support: number }[];
	/** matrix[true][predicted] at the default decision. */
	confusion: number[][];
}

export interface RegressionOutputs {
	kind: 'regression';
	/** One array per target, in `RunEvaluation.targets` order. */
	actual: Float64Array[];
	predicted: Float64Array[];
	/** The same metrics as `metrics`, per target name. */
	perOutput: Record<string, MetricValues>;
}

export interface ClusteringOutputs {
	kind: 'clustering';
	clusters: Int32Array;
	/** Row-major n × 2: the rows projected on their first two principal components, for a scatter plot. */
	projection: Float64Array;
	/** Share of the variance the two components explain. */
	explainedVariance: [number, number];
}

export interface SplitEvaluation {
	split: EvaluatedSplit;
	rows: number;
	/** Each evaluated row's 0-based position in the data set version, for showing the raw rows. */
	rowIndex: Int32Array;
	metrics: MetricValues;
	/** The baseline's metrics on the same rows (majority class / training mean); absent for clustering. */
	baseline?: MetricValues;
	outputs: ClassificationOutputs | RegressionOutputs | ClusteringOutputs;
	/** Why a metric is null, in words. */
	notes?: string[];
}

export interface RunEvaluation {
	runId: string;
	task: Task;
	targets: string[];
	/** Class labels in output order (classification only). */
	classes?: string[];
	/** Validation first when it has rows, then test. */
	splits: SplitEvaluation[];
}
