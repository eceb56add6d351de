import { describe, expect, it } from 'vitest';
import { summarizeDraft } from '../../../../src/lib/core/prep/draft-summary.ts';
import type { PreparationDraft } from '../../../../src/lib/core/prep/preparation.ts';

const draft = (over: Partial<PreparationDraft> = {}): PreparationDraft => ({
	target: 'species',
	split: { method: 'stratified', train: 0.7, validation: 0.15, test: 0.15, seed: 42, column: 'species' },
	recipe: {
		version: 1,
		steps: [
			{ op: 'impute', params: { columns: ['a'] }, enabled: true },
			{ op: 'impute', params: { columns: ['b'] }, enabled: true },
			{ op: 'scale', params: { columns: ['a'] }, enabled: true },
			{ op: 'drop', params: { columns: ['c'] }, enabled: false }
		]
	},
	...over
});

describe('summarizeDraft', () => {
	it('says the target, the split with its fractions and seed, and the steps that run', () => {
		expect(summarizeDraft(draft())).toEqual({
			target: 'species',
			split: ['stratified by ', { name: 'species' }, ' · 70 / 15 / 15 % · seed 42'],
			recipe: '3 steps: fill missing values, scale numbers (1 off)'
		});
	});

	it('names clustering as the choice it is, and fills split defaults the way Train reads them', () => {
		const summary = summarizeDraft(
			draft({ target: null, split: { method: 'random', train: 0.8, validation: 0, test: 0.2 } })
		);
		expect(summary.target).toBe('none: clustering (k-means)');
		expect(summary.split).toEqual(['random · 80 / 0 / 20 % · seed 42']);
	});

	it('says an empty recipe sends the data as it is', () => {
		expect(summarizeDraft(draft({ recipe: { version: 1, steps: [] } })).recipe).toBe(
			'no steps (the data as it is)'
		);
	});

	it('passes on what is wrong with a split that cannot be used', () => {
		const summary = summarizeDraft(
			draft({ split: { method: 'random', train: 0.5, validation: 0.1, test: 0.1 } })
		);
		expect(summary.split).toEqual(['needs fixing']);
		expect(summary.splitProblem).toContain('must add up to 1');
	});
});
