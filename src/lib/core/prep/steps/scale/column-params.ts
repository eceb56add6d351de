// Pieces the numeric steps (impute, scale, bin, transform, clip) share: the "columns" parameter, the
// columns a step suggests by default, how a step line names its columns, and a column's present numbers.
import * as v from 'valibot';
import { isolated } from '../../../phrase.ts';
import type { ColumnSchema } from '../../../table/column-types.ts';
import { BenchtopError } from '../../../errors.ts';
import type { StepContext } from '../../recipe/step-definition.ts';
import { isNumericType } from '../../../table/column-kinds.ts';
import { sortNumbers } from '../../../data/profile/sort-values.ts';
import { readNumbers } from '../../../table/read-column.ts';
import type { PrepTable } from '../../../table/prep-table.ts';

/** At least one column, each named once. */
export const COLUMNS_PARAM = v.pipe(
	v.array(v.string()),
	v.minLength(1, 'Pick at least one column.'),
	v.check((names) => new Set(names).size === names.length, 'A column is listed twice.')
);

/** A finite number, as fitted states store them (JSON has no NaN or infinities). */
export const FINITE = v.pipe(v.number(), v.finite());

/** Numeric columns other than the target: what a numeric step suggests for a new table. */
export function numericColumns(schema: ColumnSchema[], context: StepContext): string[] {
	return schema.filter((c) => isNumericType(c.type) && !context.target.includes(c.name)).map((c) => c.name);
}

/** "bill_length, flipper" or, past a few names, "a, b, c and 4 more": short enough for a step list. */
export function columnsText(columns: readonly string[], shown = 3): string {
	if (columns.length <= shown + 1) return columns.map(isolated).join(', ');
	return `${columns.slice(0, shown).map(isolated).join(', ')} and ${columns.length - shown} more`;
}

/**
 * The present (finite) values of a column in the training rows, sorted ascending. Throws a message naming
 * the column when it has none, since no statistic can be learned from an empty column.
 */
export function presentSorted(input: PrepTable, column: string, what: string): Float64Array {
	const values = readNumbers(input.table, column);
	let count = 0;
	for (let i = 0; i < values.length; i++) if (values[i] === values[i]) values[count++] = values[i]!;
	if (count === 0) {
		throw new BenchtopError(
			'bad-input',
			`Column “${column}” has no values in the training rows, so there is nothing to ${what} from.`
		);
	}
	return sortNumbers(values.subarray(0, count));
}
