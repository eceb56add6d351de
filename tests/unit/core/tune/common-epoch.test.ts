// The folds' common epoch: the lowest mean validation loss over the epochs every fold reached and scored,
// scored by the folds' mean metric there.
import { describe, expect, it } from 'vitest';
import { commonEpoch, type FoldEpoch } from '../../../../src/lib/core/tune/common-epoch.ts';

const fold = (losses: (number | undefined)[], metrics: (number | undefined)[]): FoldEpoch[] =>
	metrics.map((metric, i) => ({ loss: losses[i], metric }));

describe('commonEpoch', () => {
	it('takes the epoch of the lowest mean loss, not each fold’s own best', () => {
		// Fold 1's loss is lowest at index 1, fold 2's at index 3; their mean is lowest at index 2.
		const picked = commonEpoch([
			fold([0.9, 0.3, 0.35, 0.8], [0.1, 0.6, 0.55, 0.2]),
			fold([0.9, 0.8, 0.4, 0.3], [0.1, 0.2, 0.5, 0.6])
		]);
		expect(picked).toEqual({ index: 2, value: 0.525, values: [0.55, 0.5] });
		// Each fold's own best would have scored (0.6 + 0.6) / 2 = 0.6: more than any one epoch gives them.
		expect(picked!.value).toBeLessThan(0.6);
	});

	it('goes past a saturated metric to where the loss is lowest', () => {
		// Accuracy reaches 1 at index 1 on both folds; the loss keeps falling until index 3.
		const picked = commonEpoch([
			fold([0.7, 0.4, 0.2, 0.1, 0.15], [0.5, 1, 1, 1, 1]),
			fold([0.8, 0.5, 0.3, 0.2, 0.25], [0.5, 1, 1, 1, 1])
		]);
		expect(picked?.index).toBe(3);
		expect(picked?.value).toBe(1);
	});

	it('counts only epochs every fold reached and scored; without losses it takes the best mean metric', () => {
		expect(commonEpoch([fold([], [0.3, undefined, 0.3, 0.9]), fold([], [0.3, 0.8, 0.3])])).toEqual({
			index: 0,
			value: 0.3,
			values: [0.3, 0.3]
		});
		expect(commonEpoch([fold([0.5], [NaN]), fold([0.5], [0.5])])).toBeNull();
		expect(commonEpoch([])).toBeNull();
		expect(commonEpoch([[], fold([0.1], [0.4])])).toBeNull();
	});
});
