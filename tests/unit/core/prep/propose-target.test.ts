import { describe, expect, it } from 'vitest';
import type { ColumnSchema } from '../../../../src/lib/core/table/column-types.ts';
import { proposeTarget } from '../../../../src/lib/core/prep/propose-target.ts';

const col = (name: string, type: ColumnSchema['type'] = 'number'): ColumnSchema => ({ name, type });

describe('proposeTarget', () => {
	it("takes the sample manifest's target first", () => {
		const schema = [col('species', 'category'), col('label', 'category'), col('petal')];
		expect(proposeTarget(schema, 'species')).toMatchObject({ column: 'species' });
	});

	it('ignores a manifest target the table does not have', () => {
		expect(proposeTarget([col('a'), col('b')], 'gone').column).toBe('b');
	});

	it('takes a column named like a target over the last column', () => {
		for (const name of ['target', 'Label', 'CLASS', 'y', 'income_class', 'churn-target']) {
			const proposal = proposeTarget([col('x1'), col(name, 'category'), col('x2')]);
			expect(proposal.column).toBe(name);
			expect(proposal.reason).toContain('named like a target');
		}
	});

	it('does not read names that merely contain a target word as targets', () => {
		expect(proposeTarget([col('classroom', 'category'), col('year_label_count'), col('score')]).column).toBe(
			'score'
		);
	});

	it('falls back to the last column that can be a target, skipping free text and dates', () => {
		const proposal = proposeTarget([
			col('weather', 'category'),
			col('temp'),
			col('note', 'text'),
			col('date', 'date')
		]);
		expect(proposal.column).toBe('temp');
		expect(proposal.reason).toContain('last column');
	});

	it('proposes nothing, and says why, when no column can be a target', () => {
		expect(proposeTarget([col('when', 'date'), col('notes', 'text')])).toEqual({
			column: null,
			reason: 'No column can be a target: every column is free text or a date.'
		});
		expect(proposeTarget([]).column).toBeNull();
	});
});
