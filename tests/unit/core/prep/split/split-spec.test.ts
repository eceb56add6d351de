import { describe, expect, it } from 'vitest';
import { parseSplitSpec } from '../../../../../src/lib/core/prep/split/index.ts';
import { BenchtopError } from '../../../../../src/lib/core/errors.ts';

function messageOf(value: unknown): string {
	try {
		parseSplitSpec(value);
	} catch (error) {
		expect(error).toBeInstanceOf(BenchtopError);
		expect((error as BenchtopError).code).toBe('bad-input');
		return (error as BenchtopError).message;
	}
	throw new Error('expected parseSplitSpec to throw');
}

describe('parseSplitSpec', () => {
	it('fills every default', () => {
		expect(parseSplitSpec({})).toEqual({
			method: 'random',
			train: 0.7,
			validation: 0.15,
			test: 0.15,
			seed: 42
		});
		expect(parseSplitSpec(undefined)).toEqual(parseSplitSpec({}));
	});

	it('keeps what is given', () => {
		expect(
			parseSplitSpec({
				method: 'stratified',
				column: 'species',
				train: 0.8,
				validation: 0,
				test: 0.2,
				seed: 7
			})
		).toEqual({
			method: 'stratified',
			column: 'species',
			train: 0.8,
			validation: 0,
			test: 0.2,
			seed: 7
		});
	});

	it('accepts fractions that add up to 1 only after rounding error', () => {
		expect(() => parseSplitSpec({ train: 0.7, validation: 0.2, test: 0.1 })).not.toThrow();
		expect(() => parseSplitSpec({ train: 0.6, validation: 0.3, test: 0.1 })).not.toThrow();
	});

	it('says when fractions do not add up to 1, with the sum', () => {
		expect(messageOf({ train: 0.7, validation: 0.2, test: 0.15 })).toBe(
			'Train, validation and test fractions must add up to 1 (got 0.7 + 0.2 + 0.15 = 1.05).'
		);
		expect(messageOf({ train: 0.5 })).toBe(
			'Train, validation and test fractions must add up to 1 (got 0.5 + 0.15 + 0.15 = 0.8).'
		);
	});

	it('rejects fractions out of range and an empty train split', () => {
		expect(messageOf({ train: 1, validation: 0, test: 0 })).toBe(
			'The train fraction must be below 1 (got 1).'
		);
		expect(messageOf({ test: -0.1 })).toBe('The test fraction must be at least 0 (got -0.1).');
		expect(messageOf({ train: 0, validation: 0.5, test: 0.5 })).toBe(
			'The train fraction must be above 0: a model needs rows to learn from.'
		);
		expect(messageOf({ validation: Number.POSITIVE_INFINITY })).toBe(
			'The validation fraction must be a finite number.'
		);
		expect(messageOf({ validation: Number.NaN })).toBe('The validation fraction must be a number.');
		expect(messageOf({ test: '0.2' })).toBe('The test fraction must be a number.');
	});

	it('needs a column for every method but random, saying what it is for', () => {
		expect(messageOf({ method: 'stratified' })).toBe(
			'A stratified split needs a column: the class column to stratify by.'
		);
		expect(messageOf({ method: 'time' })).toBe(
			'A time split needs a column: the date or number column to order rows by.'
		);
		expect(messageOf({ method: 'group' })).toBe(
			'A group split needs a column: the column whose values keep rows together.'
		);
		expect(messageOf({ method: 'group', column: '' })).toBe('The split column must be a column name.');
	});

	it('rejects unknown methods, settings, seeds and non-objects', () => {
		expect(messageOf({ method: 'kfold' })).toBe(
			'Split method must be one of random, stratified, time, group (got kfold).'
		);
		expect(messageOf({ tset: 0.2 })).toBe('A split spec has no setting “tset”.');
		expect(messageOf({ seed: 1.5 })).toBe('The seed must be a whole number (got 1.5).');
		expect(messageOf(5)).toBe('A split spec must be an object (got 5).');
	});
});
