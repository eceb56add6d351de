// The filter step's parameters: conditions on columns, joined by "all" (and) or "any" (or). Each value is
// checked against its operator here; whether it suits the column's type is checked when fitting.
import * as v from 'valibot';
import { FILTER_OPERATORS, takesNoValue, type FilterOperator } from './operators.ts';

const SCALAR = v.union([v.string(), v.pipe(v.number(), v.finite()), v.boolean()]);

const CONDITION = v.pipe(
	v.object({
		column: v.pipe(v.string(), v.minLength(1, 'Choose a column for each condition.')),
		operator: v.picklist(
			FILTER_OPERATORS,
			`The operator must be one of ${FILTER_OPERATORS.map((o) => `“${o}”`).join(', ')}.`
		),
		value: v.optional(v.union([SCALAR, v.array(v.string())]))
	}),
	v.check(
		(c) => valueProblem(c.operator, c.value) === undefined,
		(issue) => {
			const c = issue.input as { operator: FilterOperator; value: unknown; column: string };
			return `Condition on “${c.column}”: ${valueProblem(c.operator, c.value)}`;
		}
	)
);

function valueProblem(operator: FilterOperator, value: unknown): string | undefined {
	if (takesNoValue(operator)) return undefined;
	if (operator === 'in') {
		return Array.isArray(value) && value.length > 0
			? undefined
			: '“is one of” needs a list of at least one value.';
	}
	if (value === undefined || Array.isArray(value)) return `“${operator}” needs one value to compare with.`;
	if (operator === 'contains' && (typeof value !== 'string' || value === '')) {
		return '“contains” needs some text to look for.';
	}
	return undefined;
}

export const FILTER_PARAMS = v.object({
	match: v.optional(v.picklist(['all', 'any'], 'Match must be “all” or “any”.'), 'all'),
	conditions: v.pipe(v.array(CONDITION), v.minLength(1, 'Add at least one condition.'))
});

export type FilterParams = v.InferOutput<typeof FILTER_PARAMS>;
export type FilterCondition = FilterParams['conditions'][number];
