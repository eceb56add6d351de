// The filter step: keeps the rows that meet structured conditions (never code). It runs on training and
// evaluation tables and is skipped when predicting, so every row sent for prediction gets an answer.
import * as v from 'valibot';
import { isolated } from '../../../phrase.ts';
import { defineStep } from '../../recipe/step-definition.ts';
import { takeRows } from '../../../table/take-rows.ts';
import { COMPILED_CONDITION, compileCondition } from './compile.ts';
import { matchRows } from './match-rows.ts';
import { OPERATOR_LABELS, takesNoValue } from './operators.ts';
import { FILTER_PARAMS, type FilterCondition, type FilterParams } from './params.ts';

export { FILTER_OPERATORS, OPERATOR_LABELS, type FilterOperator } from './operators.ts';

const STATE = v.object({ conditions: v.array(COMPILED_CONDITION) });

export const filter = defineStep({
	op: 'filter',
	label: 'Filter rows',
	summary:
		'Keeps only the rows that meet your conditions, for example to leave out rows with a missing answer or an impossible value.',
	params: FILTER_PARAMS,
	state: STATE,
	fields: [
		{
			kind: 'choice',
			key: 'match',
			label: 'Keep rows that meet',
			options: [
				{ value: 'all', label: 'all conditions' },
				{ value: 'any', label: 'any condition' }
			]
		},
		{
			kind: 'conditions',
			key: 'conditions',
			label: 'Conditions',
			help: 'Numbers and dates compare by value, categories by their label; “contains” ignores case. A missing value only matches “is missing”.'
		}
	],
	removesRows: true,
	defaults(schema, { target }): FilterParams {
		// Rows without an answer cannot teach a model anything: the natural first filter.
		const column = target[0] ?? schema[0]?.name ?? '';
		return { match: 'all', conditions: [{ column, operator: 'is-present' }] };
	},
	describe(params) {
		const joiner = params.match === 'all' ? ' and ' : ' or ';
		return `Keep rows where ${params.conditions.map(describeCondition).join(joiner)}`;
	},
	fit(params, input) {
		return { conditions: params.conditions.map((condition) => compileCondition(condition, input)) };
	},
	apply(params, state, input) {
		return takeRows(input, matchRows(input.table, state.conditions, params.match));
	}
});

function describeCondition({ column, operator, value }: FilterCondition): string {
	const name = isolated(column);
	if (takesNoValue(operator)) return `${name} ${OPERATOR_LABELS[operator]}`;
	if (operator === 'in') return `${name} is one of ${(value as string[]).map(isolated).join(', ')}`;
	if (operator === 'contains') return `${name} contains “${isolated(String(value))}”`;
	return `${name} ${operator} ${isolated(String(value))}`;
}
