// Macro F1 from per-class counts, as scikit-learn's f1_score(average='macro') computes it: F1 averaged over
// the classes the true or the predicted labels hold. A per-epoch validation score for a search that
// selects on it (core/tune/selection.ts), where accuracy rewards always answering the big class.

/** Per class: rows predicted right, rows predicted as it, rows that are it. */
export interface ClassCounts {
	correct: ArrayLike<number>;
	predicted: ArrayLike<number>;
	actual: ArrayLike<number>;
}

/** The class scores an epoch's validation can report besides accuracy. */
export interface ClassScores {
	f1_macro: number;
}

/** The validation scores a run can be ranked on: a tuning search's choice (core/tune/selection.ts). */
export type RankingScore = 'accuracy' | keyof ClassScores | 'r2';

/** Undefined when no row was counted. */
export function classScores({ correct, predicted, actual }: ClassCounts): ClassScores | undefined {
	let f1 = 0;
	let labels = 0;
	for (let c = 0; c < actual.length; c++) {
		if (actual[c]! === 0 && predicted[c]! === 0) continue;
		f1 += (2 * correct[c]!) / (predicted[c]! + actual[c]!);
		labels++;
	}
	return labels === 0 ? undefined : { f1_macro: f1 / labels };
}
