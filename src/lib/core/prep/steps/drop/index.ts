// The drop step: removes columns a model should not see (identifiers, leaks, constants).
import * as v from 'valibot';
import { isolated } from '../../../phrase.ts';
import { defineStep } from '../../recipe/step-definition.ts';
import { rebuildTable, type OutputColumn } from '../../../table/rebuild-table.ts';
import { requireColumns } from '../../../table/require-columns.ts';

const PARAMS = v.object({
	columns: v.pipe(v.array(v.string()), v.minLength(1, 'Choose at least one column to drop.'))
});

/** Nothing is learned: the state only echoes the columns, so a fitted recipe reads on its own. */
const STATE = v.object({ columns: v.array(v.string()) });

export const drop = defineStep({
	op: 'drop',
	label: 'Drop columns',
	summary:
		'Removes columns the model should not learn from, such as identifiers or columns that leak the answer.',
	params: PARAMS,
	state: STATE,
	fields: [{ kind: 'columns', key: 'columns', label: 'Columns to drop', accepts: 'any' }],
	// No column is a sensible guess: the person picks what to drop (the quality report proposes some).
	defaults: () => ({ columns: [] }),
	describe: (params) => `Drop ${params.columns.map(isolated).join(', ')}`,
	fit(params, input) {
		requireColumns(input, params.columns);
		return { columns: [...params.columns] };
	},
	apply(params, _state, input) {
		// A column already absent (a prediction file without it) is as good as dropped.
		const gone = new Map<string, OutputColumn[]>(params.columns.map((name) => [name, []]));
		return rebuildTable(input, gone);
	}
});
