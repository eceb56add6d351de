// The folds' common epoch: the lowest mean validation loss over the epochs every fold reached and scored,
// each epoch judged with its neighbours, scored by the folds' mean metric over the same epochs.
import { describe, expect, it } from 'vitest';
import { commonEpoch, type FoldEpoch } from '../../../../src/lib/core/tune/common-epoch.ts';

const fold = (losses: (number | undefined)[], metrics: (number | undefined)[]): FoldEpoch[] =>
	metrics.map((metric, i) => ({ loss: losses[i], metric }));

describe('commonEpoch', () => {
	it('takes the epoch of the lowest mean loss, not each fold’s own best', () => {
		// Fold 1's loss is lowest at index 1, fold 2's at index 3; their mean is lowest at index 2.
		const picked = commonEpoch(
			[fold([0.9, 0.3, 0.35, 0.8], [0.1, 0.6, 0.55, 0.2]), fold([0.9, 0.8, 0.4, 0.3], [0.1, 0.2, 0.5, 0.6])],
			0
		);
		expect(picked).toEqual({ index: 2, value: 0.525, values: [0.55, 0.5] });
		// Each fold's own best would have scored (0.6 + 0.6) / 2 = 0.6: more than any one epoch gives them.
		expect(picked!.value).toBeLessThan(0.6);
	});

	it('goes past a saturated metric to where the loss is lowest', () => {
		// Accuracy reaches 1 at index 1 on both folds; the loss keeps falling until index 3.
		const picked = commonEpoch(
			[
				fold([0.7, 0.4, 0.2, 0.1, 0.15], [0.5, 1, 1, 1, 1]),
				fold([0.8, 0.5, 0.3, 0.2, 0.25], [0.5, 1, 1, 1, 1])
			],
			0
		);
		expect(picked?.index).toBe(3);
		expect(picked?.value).toBe(1);
	});

	it('counts only epochs every fold reached and scored; without losses it takes the best mean metric', () => {
		expect(commonEpoch([fold([], [0.3, undefined, 0.3, 0.9]), fold([], [0.3, 0.8, 0.3])], 0)).toEqual({
			index: 0,
			value: 0.3,
			values: [0.3, 0.3]
		});
		expect(commonEpoch([fold([0.5], [NaN]), fold([0.5], [0.5])])).toBeNull();
		expect(commonEpoch([])).toBeNull();
		expect(commonEpoch([[], fold([0.1], [0.4])])).toBeNull();
	});

	it('judges an epoch with its neighbours, so one lucky epoch of a jumpy curve does not win', () => {
		// A steady configuration, and a jumpy one whose folds all happen to be right at index 4 (as penguins'
		// seed-42 winner at Adam 0.029 was at epoch 17) but swing around it.
		const steady = [
			fold([0.3, 0.2, 0.15, 0.12, 0.1, 0.1, 0.11, 0.12], [0.95, 0.97, 0.98, 0.98, 0.98, 0.98, 0.98, 0.98]),
			fold([0.3, 0.2, 0.16, 0.13, 0.11, 0.1, 0.1, 0.11], [0.95, 0.97, 0.98, 0.98, 0.98, 0.98, 0.98, 0.98])
		];
		const jumpy = [
			fold([0.3, 0.6, 0.05, 0.7, 0.04, 0.6, 0.05, 0.8], [0.95, 0.93, 1, 0.92, 1, 0.93, 1, 0.9]),
			fold([0.4, 0.05, 0.6, 0.5, 0.03, 0.7, 0.6, 0.5], [0.94, 1, 0.93, 0.94, 1, 0.92, 0.93, 0.94])
		];
		// One epoch at a time the jumpy trial scores a perfect 1 and ranks first.
		expect(commonEpoch(jumpy, 0)).toMatchObject({ index: 4, value: 1 });
		expect(commonEpoch(steady, 0)!.value).toBeLessThan(1);
		// Judged over five epochs its lowest mean loss is around index 2 (indices 0-4), worth what its curve
		// is worth there, below the steady one.
		const windowed = commonEpoch(jumpy)!;
		expect(windowed.index).toBe(2);
		expect(windowed.values[0]).toBeCloseTo((0.95 + 0.93 + 1 + 0.92 + 1) / 5, 10);
		expect(windowed.values[1]).toBeCloseTo((0.94 + 1 + 0.93 + 0.94 + 1) / 5, 10);
		expect(windowed.values).toHaveLength(2);
		expect(windowed.value).toBeLessThan(commonEpoch(steady)!.value);
		expect(commonEpoch(steady)!.index).toBe(5);
		expect(commonEpoch(steady)!.value).toBeCloseTo(0.98, 10);
	});

	it('averages over counted epochs only, in windows of the same width up to the ends', () => {
		// Index 1 (the lowest loss) is not scored on fold 2, so it counts nowhere. With a window of 1 either
		// side, the counted indices 0, 2, 3, 4 make the windows [0, 2, 3] (for index 2) and [2, 3, 4] (for 3).
		const picked = commonEpoch(
			[
				fold([0.2, 0.1, 0.3, 0.6, 0.9], [0.8, 0.9, 0.7, 0.4, 0.1]),
				fold([0.2, 0.1, 0.3, 0.6, 0.9], [0.8, NaN, 0.7, 0.4, 0.1])
			],
			1
		);
		expect(picked?.index).toBe(2);
		expect(picked?.value).toBeCloseTo((0.8 + 0.7 + 0.4) / 3, 10);
		// A curve shorter than the window is judged as a whole, for its first epoch of the middle two.
		const short = commonEpoch([fold([0.5, 0.4], [0.6, 0.7]), fold([0.5, 0.4], [0.6, 0.9])])!;
		expect(short.index).toBe(0);
		expect(short.values[0]).toBeCloseTo(0.65, 10);
		expect(short.values[1]).toBeCloseTo(0.75, 10);
	});
});
