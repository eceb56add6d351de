import { describe, expect, it } from 'vitest';
import {
	continueDataProblem,
	requireContinueData
} from '../../../../src/lib/core/registry/continue-check.ts';

const version = {
	version: 3,
	inputSchema: [
		{ name: 'x', type: 'number' as const },
		{ name: 'colour', type: 'category' as const }
	],
	targets: ['y']
};

describe('continueDataProblem', () => {
	it('accepts new data with the same input columns and the target, extra columns allowed', () => {
		const schema = [
			{ name: 'colour', type: 'category' as const },
			{ name: 'x', type: 'number' as const },
			{ name: 'y', type: 'category' as const },
			{ name: 'extra', type: 'text' as const }
		];
		expect(continueDataProblem(version, { name: 'new.csv', schema })).toBeUndefined();
		expect(() => requireContinueData(version, { name: 'new.csv', schema })).not.toThrow();
	});

	it('names the missing columns, the retyped ones and a missing target', () => {
		expect(continueDataProblem(version, { name: 'a.csv', schema: [{ name: 'y', type: 'category' }] })).toBe(
			'v3 cannot be trained further on “a.csv”: it lacks the columns x, colour.'
		);
		expect(
			continueDataProblem(version, {
				name: 'b.csv',
				schema: [
					{ name: 'x', type: 'text' },
					{ name: 'colour', type: 'category' }
				]
			})
		).toBe('v3 cannot be trained further on “b.csv”: x is text, not number; it lacks the target column y.');
		expect(() => requireContinueData(version, { name: 'c.csv', schema: [] })).toThrow(
			/lacks the columns x, colour/
		);
	});
});
