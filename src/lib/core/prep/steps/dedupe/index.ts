// The dedupe step: removes rows that repeat an earlier row, keeping the first (pandas drop_duplicates).
// Copies that fall on both sides of a train/test split make a test score look better than the model is.
import * as v from 'valibot';
import { isolated } from '../../../phrase.ts';
import { defineStep } from '../../recipe/step-definition.ts';
import { requireColumns } from '../../../table/require-columns.ts';
import { takeRows } from '../../../table/take-rows.ts';
import { firstOccurrences } from './find-duplicates.ts';

const PARAMS = v.object({
	/** Compare only these columns; empty means every column. */
	columns: v.optional(v.array(v.string()), []),
	keep: v.optional(v.literal('first', 'Only the first copy of a row can be kept (keep: “first”).'), 'first')
});
type DedupeParams = v.InferOutput<typeof PARAMS>;

/** The columns compared, resolved at fit time, so evaluation tables are compared on the same ones. */
const STATE = v.object({ columns: v.pipe(v.array(v.string()), v.minLength(1)) });

export const dedupe = defineStep({
	op: 'dedupe',
	label: 'Remove duplicate rows',
	summary:
		'Removes rows that repeat an earlier row, keeping the first copy; copies can leak from the training rows into the test rows.',
	params: PARAMS,
	state: STATE,
	fields: [
		{
			kind: 'columns',
			key: 'columns',
			label: 'Compare columns',
			accepts: 'any',
			help: 'Leave empty to compare whole rows; choose columns to treat rows as copies when just those match.'
		}
	],
	removesRows: true,
	defaults: (): DedupeParams => ({ columns: [], keep: 'first' }),
	describe(params) {
		return params.columns.length === 0
			? 'Remove duplicate rows'
			: `Remove rows that repeat ${params.columns.map(isolated).join(', ')}`;
	},
	fit(params, input) {
		requireColumns(input, params.columns);
		return { columns: params.columns.length > 0 ? [...params.columns] : input.schema.map((c) => c.name) };
	},
	apply(_params, state, input) {
		requireColumns(input, state.columns);
		return takeRows(input, firstOccurrences(input.table, state.columns));
	}
});
