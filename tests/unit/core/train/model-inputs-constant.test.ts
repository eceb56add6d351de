// Issue 12: a table whose features are all constant must be named before training, not after a run that
// learns nothing. modelInputs reports the features with a single value on the training rows it reads.
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { modelInputs } from '../../../../src/lib/core/train/model-inputs.ts';
import type { PrepTable } from '../../../../src/lib/core/table/prep-table.ts';

const EMPTY_RECIPE = { version: 1, steps: [] };
const SPLIT = { method: 'random', train: 0.8, validation: 0, test: 0.2, seed: 1 };

function table(columns: Record<string, unknown[]>, types: Record<string, string>): PrepTable {
	return {
		table: aq.table(columns),
		schema: Object.entries(types).map(([name, type]) => ({ name, type }) as PrepTable['schema'][number])
	};
}

describe('modelInputs constantFeatures', () => {
	const n = 40;
	const label = Array.from({ length: n }, (_, i) => (i % 2 ? 'a' : 'b'));

	it('names the constant features and not the varying ones', () => {
		const input = table(
			{
				same: Array.from({ length: n }, () => 3),
				varies: Array.from({ length: n }, (_, i) => i),
				city: Array.from({ length: n }, () => 'Oslo'),
				label
			},
			{ same: 'number', varies: 'number', city: 'category', label: 'category' }
		);
		const inputs = modelInputs(input, { targets: ['label'], recipe: EMPTY_RECIPE, split: SPLIT });
		expect(inputs.features).toEqual(['same', 'varies', 'city']);
		expect(inputs.constantFeatures).toEqual(['same', 'city']);
		expect(inputs.taskAlternatives).toEqual([]);
	});

	it('offers the other reading of whole-number codes (classes → a measurement)', () => {
		const input = table(
			{ x: Array.from({ length: n }, (_, i) => i), rating: Array.from({ length: n }, (_, i) => i % 3) },
			{ x: 'number', rating: 'integer' }
		);
		const inputs = modelInputs(input, { targets: ['rating'], recipe: EMPTY_RECIPE, split: SPLIT });
		expect(inputs.task).toBe('classification');
		expect(inputs.taskAlternatives.map((a) => a.task)).toEqual(['regression']);
	});

	it('lists every feature when all are constant', () => {
		const input = table(
			{ a: Array.from({ length: n }, () => 1), b: Array.from({ length: n }, () => null), label },
			{ a: 'number', b: 'number', label: 'category' }
		);
		const inputs = modelInputs(input, { targets: ['label'], recipe: EMPTY_RECIPE, split: SPLIT });
		expect(inputs.constantFeatures).toEqual(inputs.features);
		expect(inputs.features).toEqual(['a', 'b']);
	});
});
