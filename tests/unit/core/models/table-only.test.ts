import { describe, expect, it } from 'vitest';
import { assertTableRows, tableOnlyReason } from '../../../../src/lib/core/models/table-only.ts';
import type { ModelSpec } from '../../../../src/lib/core/models/types.ts';

const table: ModelSpec = { family: 'mlp', task: 'classification', layers: [] };
const pictures: ModelSpec = {
	family: 'cnn',
	task: 'classification',
	layers: [],
	inputShape: [224, 224, 3],
	imageInput: { scale: 1 / 127.5, offset: -1 }
};

describe('table-only actions', () => {
	it('gives no reason for a model of table rows, and lets both actions through', () => {
		expect(tableOnlyReason(table)).toBeUndefined();
		expect(() => assertTableRows(table, 'continue')).not.toThrow();
		expect(() => assertTableRows(table, 'drift')).not.toThrow();
	});

	it('names why a model whose rows are pictures can neither continue nor be checked for drift', () => {
		expect(tableOnlyReason(pictures)).toMatch(/this model’s rows are pictures/);
		expect(() => assertTableRows(pictures, 'continue')).toThrow(
			'Continue training needs a model of table rows; this model’s rows are pictures (an imported image model).'
		);
		expect(() => assertTableRows(pictures, 'drift')).toThrow(/^A drift check needs a model of table rows/);
	});
});
