// Step descriptions are shown as one string (the recipe's step cards), so the column names and values
// they hold are isolated (phrase.isolated): an override in one cannot reorder the words after it.
import { describe, expect, it } from 'vitest';
import { findStep } from '../../../../../src/lib/core/prep/steps/index.ts';

const RLO = '\u202E';
const EVIL = `evil${RLO}name`;
const ISOLATED = `\u2068${EVIL}\u2069`;

function describeStep(op: string, params: unknown): string {
	const step = findStep(op);
	if (!step) throw new Error(`no step ${op}`);
	return step.describe(params as never);
}

describe('step descriptions isolate the names they hold', () => {
	it('wraps a hostile column name and leaves plain ones as they are', () => {
		expect(describeStep('drop', { columns: [EVIL, 'b'] })).toBe(`Drop ${ISOLATED}, b`);
		expect(describeStep('drop', { columns: ['a', 'b'] })).toBe('Drop a, b');
		expect(describeStep('dedupe', { columns: [EVIL] })).toBe(`Remove rows that repeat ${ISOLATED}`);
	});

	it('isolates a filter condition’s column and value', () => {
		const text = describeStep('filter', {
			match: 'all',
			conditions: [{ column: EVIL, operator: 'contains', value: `${RLO}x` }]
		});
		expect(text).toBe(`Keep rows where ${ISOLATED} contains “\u2068${RLO}x\u2069”`);
	});
});
