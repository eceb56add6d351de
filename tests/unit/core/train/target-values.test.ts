// Regression targets a float32 network cannot learn (Infinity, NaN, beyond ±3.4e38) are refused before
// the split, with their count and data rows (issue 14, item 4).
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { requireTrainableTarget, unusableTargetRows } from '../../../../src/lib/core/train/target-values.ts';

describe('target values', () => {
	it('finds numbers that are not finite or overflow float32; missing values and text are not its business', () => {
		expect(unusableTargetRows([1, Infinity, null, -1e307, 3.4e38, NaN, 'x', -Infinity])).toEqual([
			2, 4, 6, 8
		]);
		expect(unusableTargetRows([0, -3.4e38, 1e38])).toEqual([]);
	});

	it('names the count and the rows', () => {
		const table = aq.table({ y: [1, Infinity, 2, 1e300, 3] });
		expect(() => requireTrainableTarget(table, 'y')).toThrow(
			'y has 2 values a model cannot learn (Infinity, NaN, or beyond ±3.4e38, the float32 range networks train in): rows 2 and 4 of the data. Fix or filter out those rows before training.'
		);
		const many = aq.table({ y: Array.from({ length: 9 }, (_, i) => (i % 2 ? 1 : 1e307)) });
		expect(() => requireTrainableTarget(many, 'y')).toThrow(': rows 1, 3, 5, 7 and 9 of the data.');
		const more = aq.table({ y: Array(8).fill(-Infinity) });
		expect(() => requireTrainableTarget(more, 'y')).toThrow('8 values a model cannot learn');
		expect(() => requireTrainableTarget(more, 'y')).toThrow('rows 1, 2, 3, 4, 5 and 3 more of the data');
		expect(() => requireTrainableTarget(aq.table({ y: [1, 2, null] }), 'y')).not.toThrow();
	});
});
