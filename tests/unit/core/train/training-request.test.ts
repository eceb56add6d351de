// The task read off a target column of a real table, with the other reading the page may offer.
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { describeTargetTask, targetInfo } from '../../../../src/lib/core/train/training-request.ts';

const table = {
	table: aq.table({
		flag: Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 1 : 0)),
		rating: Array.from({ length: 40 }, (_, i) => (i % 4) + 1.0),
		price: Array.from({ length: 40 }, (_, i) => 10 + i * 1.25)
	}),
	schema: [
		{ name: 'flag', type: 'integer' as const },
		{ name: 'rating', type: 'number' as const },
		{ name: 'price', type: 'number' as const }
	]
};

describe('targetInfo and describeTargetTask', () => {
	it('counts distinct and present values and sees whole numbers in a number column', () => {
		expect(targetInfo(table, 'rating')).toEqual({
			name: 'rating',
			type: 'number',
			distinct: 4,
			integral: true,
			present: 40
		});
		expect(targetInfo(table, 'price').integral).toBe(false);
	});

	it('reads 0/1 and whole-number ratings as classes, prices as a measurement, each with the other choice', () => {
		expect(describeTargetTask(table, ['flag']).task).toBe('classification');
		const rating = describeTargetTask(table, ['rating']);
		expect(rating.task).toBe('classification');
		expect(rating.alternatives[0]!.task).toBe('regression');
		expect(describeTargetTask(table, ['price'])).toMatchObject({ task: 'regression', alternatives: [] });
		expect(() => describeTargetTask(table, ['nope'])).toThrow(/nope/);
	});
});
