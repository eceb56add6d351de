// Turns each condition into what apply compares: numbers (number and date columns, dates as epoch
// milliseconds) or labels (categories, booleans, text). This is where a value that does not suit its
// column's type is refused, with a message naming both.
import * as v from 'valibot';
import type { ColumnType } from '../../../table/column-types.ts';
import { BenchtopError } from '../../../errors.ts';
import { columnType } from '../../../table/require-columns.ts';
import { isNumericType } from '../../../table/column-kinds.ts';
import type { PrepTable } from '../../../table/prep-table.ts';
import { FILTER_OPERATORS, ORDERING_OPERATORS, takesNoValue } from './operators.ts';
import type { FilterCondition } from './params.ts';

export const COMPILED_CONDITION = v.object({
	column: v.string(),
	operator: v.picklist(FILTER_OPERATORS),
	/** number: compare readNumbers values; label: compare readLabels text; presence: only missing or not. */
	compare: v.picklist(['number', 'label', 'presence']),
	numbers: v.array(v.number()),
	labels: v.array(v.string())
});
export type CompiledCondition = v.InferOutput<typeof COMPILED_CONDITION>;

const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0']);

export function compileCondition(condition: FilterCondition, input: PrepTable): CompiledCondition {
	const { column, operator } = condition;
	const type = columnType(input, column);
	const base = { column, operator, numbers: [], labels: [] };
	if (takesNoValue(operator)) return { ...base, compare: 'presence' };
	const values = Array.isArray(condition.value) ? condition.value : [condition.value!];
	const fail = (why: string) => new BenchtopError('bad-input', `Condition on “${column}”: ${why}`);

	if (operator === 'contains') {
		if (type !== 'category' && type !== 'text') {
			throw fail(`column “${column}” is ${type}; “contains” looks inside text and category values.`);
		}
		// Case is ignored: “contains mr” should find “Mr” and “MR” alike.
		return { ...base, compare: 'label', labels: [String(values[0]).toLowerCase()] };
	}
	if (isNumericType(type) || type === 'date') {
		const read = type === 'date' ? readTime : readNumber;
		return { ...base, compare: 'number', numbers: values.map((value) => read(value, fail)) };
	}
	if (ORDERING_OPERATORS.has(operator)) {
		throw fail(
			`column “${column}” is ${type}; “${operator}” compares numbers or dates. Use =, != or “is one of” here.`
		);
	}
	return { ...base, compare: 'label', labels: values.map((value) => readLabel(value, type, fail)) };
}

type Fail = (why: string) => BenchtopError;

function readNumber(value: string | number | boolean, fail: Fail): number {
	const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
	if (typeof value === 'string' && value.trim() === '') throw fail('the value to compare with is empty.');
	if (!Number.isFinite(number)) throw fail(`“${String(value)}” is not a number.`);
	return number;
}

function readTime(value: string | number | boolean, fail: Fail): number {
	const time = typeof value === 'string' && value.trim() !== '' ? new Date(value.trim()).getTime() : NaN;
	if (!Number.isFinite(time)) {
		throw fail(`“${String(value)}” is not a date; write it like 2024-03-31 or 2024-03-31T14:30:00Z.`);
	}
	return time;
}

function readLabel(value: string | number | boolean, type: ColumnType, fail: Fail): string {
	if (type === 'boolean') {
		const word = String(value).trim().toLowerCase();
		if (TRUE_WORDS.has(word)) return 'true';
		if (FALSE_WORDS.has(word)) return 'false';
		throw fail(`the column holds true or false, not “${String(value)}”.`);
	}
	// Categories are stored trimmed by the importer; text is compared exactly as written.
	return type === 'category' ? String(value).trim() : String(value);
}
