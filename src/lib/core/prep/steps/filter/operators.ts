// The comparisons a filter condition can make, with the words the step list and the form use for them.

export const FILTER_OPERATORS = [
	'=',
	'!=',
	'<',
	'<=',
	'>',
	'>=',
	'is-missing',
	'is-present',
	'in',
	'contains'
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** How each operator reads in a form's drop-down. */
export const OPERATOR_LABELS: Record<FilterOperator, string> = {
	'=': 'equals',
	'!=': 'does not equal',
	'<': 'is less than',
	'<=': 'is at most',
	'>': 'is greater than',
	'>=': 'is at least',
	'is-missing': 'is missing',
	'is-present': 'is present',
	in: 'is one of',
	contains: 'contains'
};

/** Operators that order values: they make sense for numbers and dates only. */
export const ORDERING_OPERATORS: ReadonlySet<FilterOperator> = new Set(['<', '<=', '>', '>=']);

export function takesNoValue(operator: FilterOperator): boolean {
	return operator === 'is-missing' || operator === 'is-present';
}
