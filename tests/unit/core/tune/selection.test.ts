// What a search compares its trials on: k-fold on small tables unless asked otherwise, one split above.
import { describe, expect, it } from 'vitest';
import { AUTO_FOLDS, AUTO_FOLD_ROWS, selectionFolds } from '../../../../src/lib/core/tune/selection.ts';

describe('selectionFolds', () => {
	it('cross-validates every trial on a small table and uses one split on a large one', () => {
		expect(AUTO_FOLDS).toBe(5);
		expect(selectionFolds({}, 178)).toBe(AUTO_FOLDS);
		expect(selectionFolds({}, AUTO_FOLD_ROWS)).toBe(AUTO_FOLDS);
		expect(selectionFolds({}, AUTO_FOLD_ROWS + 1)).toBeUndefined();
	});

	it('follows the request: k folds on any table, 0 for one split, none for raw trials', () => {
		expect(selectionFolds({ folds: 3 }, 50_000)).toBe(3);
		expect(selectionFolds({ folds: 0 }, 150)).toBeUndefined();
		expect(selectionFolds({ recheck: false }, 150)).toBeUndefined();
		// Asked-for folds win over the raw-trials flag.
		expect(selectionFolds({ folds: 4, recheck: false }, 150)).toBe(4);
	});

	it('refuses a fold count outside 2–10 with the range', () => {
		expect(() => selectionFolds({ folds: 1 }, 150)).toThrow(/from 2 to 10 \(got 1\)/);
		expect(() => selectionFolds({ folds: 11 }, 150)).toThrow(/from 2 to 10 \(got 11\)/);
	});
});
