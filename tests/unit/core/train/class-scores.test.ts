// Macro F1 from per-class counts, against scikit-learn on the same labels.
import { describe, expect, it } from 'vitest';
import { classScores } from '../../../../src/lib/core/train/class-scores.ts';

describe('classScores', () => {
	it('matches scikit-learn, a class only predicted counting and one neither true nor predicted not', () => {
		// y_true [0,0,0,0,1,1,2,2,2,2], y_pred [0,0,1,0,1,2,2,2,0,3]; class 4 neither true nor predicted.
		// f1_score(average='macro') 0.4553571428571429.
		const scores = classScores({
			correct: [3, 1, 2, 0, 0],
			predicted: [4, 2, 3, 1, 0],
			actual: [4, 2, 4, 0, 0]
		})!;
		expect(scores.f1_macro).toBeCloseTo(0.4553571428571429, 12);
	});

	it('scores always answering the big class low, where accuracy scores it high', () => {
		// 90 rows of class 0, 10 of class 1, every row called 0: accuracy 0.9, F1 of class 0 180/190, of 1 0.
		const scores = classScores({ correct: [90, 0], predicted: [100, 0], actual: [90, 10] })!;
		expect(scores.f1_macro).toBeCloseTo(180 / 190 / 2, 12);
	});

	it('has no score without rows', () => {
		expect(classScores({ correct: [0, 0], predicted: [0, 0], actual: [0, 0] })).toBeUndefined();
	});
});
