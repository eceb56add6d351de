// What the rows dialog is asked to show: the rows behind a confusion matrix cell, with what the model said.
import type { ClassificationOutputs, SplitEvaluation } from '$lib/core/evaluate/run-evaluation.ts';

export interface RowsRequest {
	title: string;
	/** Positions in the data set version. */
	rowIndex: number[];
	predicted: string[];
	/** Probability of the predicted class, when the model gives one. */
	probability?: number[];
}

/** The rows of one cell: `positions` index the split's rows; predicted gives each split row's class. */
export function cellRequest(
	split: SplitEvaluation,
	classes: readonly string[],
	predicted: ArrayLike<number>,
	positions: number[],
	actual: number,
	predictedClass: number
): RowsRequest {
	const outputs = split.outputs as ClassificationOutputs;
	const k = classes.length;
	return {
		title: `True ${classes[actual]}, predicted ${classes[predictedClass]} (${split.split})`,
		rowIndex: positions.map((p) => split.rowIndex[p]!),
		predicted: positions.map((p) => classes[predicted[p]!]!),
		probability: positions.map((p) => outputs.proba[p * k + predicted[p]!]!)
	};
}
