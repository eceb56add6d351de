// The settings and layer fields' number reading: typed values kept, out-of-range ones clamped with a
// sentence, unreadable ones reverted.
import { describe, expect, it } from 'vitest';
import {
	inputAttributes,
	readNumber,
	ruleForField
} from '../../../../src/lib/components/train/number-input.ts';
import { NUMBER_SETTINGS } from '../../../../src/lib/core/train/settings.ts';

const units = { name: 'Units of layer 2', min: 1, max: 4096, whole: true };

describe('readNumber', () => {
	it('keeps a value in range without a note', () => {
		expect(readNumber('64', 32, units)).toEqual({ value: 64, note: null });
		expect(readNumber(' 0.25 ', 0.1, { name: 'Rate', min: 0, max: 1 })).toEqual({ value: 0.25, note: null });
	});

	it('clamps to the limits and says so', () => {
		expect(readNumber('99999', 32, units)).toEqual({
			value: 4096,
			note: 'Units of layer 2 must be a whole number from 1 to 4096 (got 99999); set to 4096.'
		});
		expect(readNumber('-3', 32, units).value).toBe(1);
	});

	it('rounds whole-number fields', () => {
		const reading = readNumber('12.6', 32, units);
		expect(reading.value).toBe(13);
		expect(reading.note).toContain('set to 13');
	});

	it('reverts an empty or unreadable entry to the current value', () => {
		expect(readNumber('', 32, units)).toEqual({
			value: 32,
			note: 'Units of layer 2 needs a whole number from 1 to 4096; kept 32.'
		});
		expect(
			readNumber('abc', 0.01, { name: 'The learning rate', min: 0, max: 10, minExclusive: true }).value
		).toBe(0.01);
	});

	it('reverts an excluded minimum and steps below an excluded maximum', () => {
		const rate = { name: 'The learning rate', min: 0, max: 10, minExclusive: true };
		expect(readNumber('0', 0.01, rate)).toEqual({
			value: 0.01,
			note: 'The learning rate must be a number above 0 and at most 10 (got 0); kept 0.01.'
		});
		const momentum = { name: 'Momentum', min: 0, max: 1, maxExclusive: true };
		expect(readNumber('1', 0.9, momentum)).toEqual({
			value: 0.99,
			note: 'Momentum must be a number from 0 to below 1 (got 1); set to 0.99.'
		});
	});

	it('words unbounded ranges without huge numbers', () => {
		const big = Number.MAX_SAFE_INTEGER;
		expect(readNumber('x', 32, { name: 'Batch size', min: 1, max: big, whole: true }).note).toBe(
			'Batch size needs a whole number of at least 1; kept 32.'
		);
		expect(readNumber('1.5', 42, { name: 'The seed', min: -big, max: big, whole: true }).note).toBe(
			'The seed must be a whole number (got 1.5); set to 2.'
		);
	});
});

describe('a core field as the input reads it', () => {
	it('holds typed values to the tighter typed bound and names the field as asked', () => {
		const rule = ruleForField(NUMBER_SETTINGS.learningRate);
		expect(rule).toMatchObject({ name: 'The learning rate', min: 0, max: 10, minExclusive: true });
		expect(readNumber('50', 0.01, rule).value).toBe(10);
		expect(ruleForField(NUMBER_SETTINGS.patience, 'Patience').name).toBe('Patience');
	});

	it('gives the input its attributes, leaving unbounded ends off', () => {
		expect(inputAttributes(NUMBER_SETTINGS.seed)).toEqual({ min: undefined, max: undefined, step: 1 });
		expect(inputAttributes(NUMBER_SETTINGS.momentum)).toEqual({ min: 0, max: 0.99, step: 0.05 });
		expect(inputAttributes(NUMBER_SETTINGS.learningRate)).toEqual({ min: 0, max: 10, step: 'any' });
	});
});
