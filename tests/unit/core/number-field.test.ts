// The one description of a numeric field: its range in words, the form's help and the CLI's usage text are
// all read from it.
import { describe, expect, it } from 'vitest';
import {
	cliUsage,
	describeFieldRange,
	fieldHelp,
	type NumberField
} from '../../../src/lib/core/number-field.ts';
import { LAYER_NUMBER_FIELDS } from '../../../src/lib/core/models/layer-fields.ts';
import { parseModelSpec } from '../../../src/lib/core/models/spec-schema.ts';
import { NUMBER_SETTINGS } from '../../../src/lib/core/train/settings.ts';

const rate: NumberField = { name: 'Rate', label: 'Rate', min: 0, max: 1, maxExclusive: true, integer: false };

describe('describeFieldRange', () => {
	it('says open and closed ends in words', () => {
		expect(describeFieldRange(rate)).toBe('from 0 to below 1');
		expect(describeFieldRange({ ...rate, max: Infinity, minExclusive: true })).toBe('above 0');
	});
});

describe('fieldHelp', () => {
	it('says what the field is, then its default and why', () => {
		expect(fieldHelp(NUMBER_SETTINGS.epochs, 100)).toBe(
			'Passes over the training rows. Default 100: an upper bound, since early stopping ends most runs on small tables well before it.'
		);
	});

	it('takes a why that depends on other settings (the learning rate follows the optimizer)', () => {
		expect(fieldHelp(NUMBER_SETTINGS.learningRate, 0.05, 'for SGD')).toMatch(/Default 0\.05: for SGD\.$/);
	});

	it('leaves out what a field does not say', () => {
		expect(fieldHelp(LAYER_NUMBER_FIELDS.units, 32)).toBe('');
	});
});

describe('cliUsage', () => {
	it('lists the flags of the settings that name one, in table order', () => {
		expect(cliUsage(Object.values(NUMBER_SETTINGS))).toBe(
			'[--epochs <n>] [--weight-decay <x>] [--huber-delta <x>] [--seed <n>]'
		);
		expect(cliUsage([{ ...rate, cliFlag: '--rate' }])).toBe('[--rate <x>]');
	});
});

describe('NUMBER_SETTINGS as a form reads it', () => {
	it('gives every setting a label, help and a why for its default', () => {
		for (const [key, field] of Object.entries(NUMBER_SETTINGS)) {
			expect(field.label, key).not.toBe('');
			expect(field.help, key).toMatch(/\.$/);
			expect(field.why, key).toBeTruthy();
		}
	});
});

describe('LAYER_NUMBER_FIELDS', () => {
	const dense = (units: number) => ({
		family: 'mlp',
		task: 'classification',
		layers: [{ type: 'dense', units, activation: 'relu' }]
	});

	it('holds the editor to what the spec schema takes', () => {
		const { min, max } = LAYER_NUMBER_FIELDS.units;
		expect(() => parseModelSpec(dense(min))).not.toThrow();
		expect(() => parseModelSpec(dense(max))).not.toThrow();
		expect(() => parseModelSpec(dense(max + 1))).toThrow(/units/);
		expect(() => parseModelSpec(dense(min - 1))).toThrow(/units/);
	});
});
