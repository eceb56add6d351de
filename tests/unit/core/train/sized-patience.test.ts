import { describe, expect, it } from 'vitest';
import { parseTrainSettings } from '../../../../src/lib/core/train/settings.ts';
import { sizePatience } from '../../../../src/lib/core/train/sized-patience.ts';

describe('sizePatience', () => {
	const defaults = parseTrainSettings({});

	it('gives a small table more epochs of patience, so they span about 150 optimiser steps', () => {
		// macrodata: 162 training rows, 146 after the 10% held back, 5 batches of 32 per epoch.
		expect(sizePatience(defaults, {}, 162).earlyStopping.patience).toBe(30);
		expect(sizePatience(defaults, {}, 20).earlyStopping.patience).toBe(50);
		// The Train page's form sends the default it shows; that is not a choice.
		expect(sizePatience(defaults, { earlyStopping: { patience: 10 } }, 162).earlyStopping.patience).toBe(30);
	});

	it('leaves a large table, and a patience the person chose, as they are', () => {
		expect(sizePatience(defaults, {}, 10_000)).toBe(defaults);
		const chosen = parseTrainSettings({ earlyStopping: { patience: 5 } });
		expect(sizePatience(chosen, { earlyStopping: { patience: 5 } }, 162)).toBe(chosen);
	});
});
