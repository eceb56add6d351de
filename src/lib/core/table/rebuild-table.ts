// The next table a step builds from the one it was given.
import * as aq from 'arquero';
import { BenchtopError } from '../errors.ts';
import type { ColumnSchema, ColumnType } from './column-types.ts';
import type { PrepTable } from './prep-table.ts';

export interface OutputColumn {
	name: string;
	type: ColumnType;
	values: ArrayLike<unknown>;
}

/**
 * The next table: each column of `input` in order, replaced where `replace` names it (a replacement may be
 * several columns, e.g. one-hot), dropped where it maps to an empty list; then `append` at the end.
 */
export function rebuildTable(
	input: PrepTable,
	replace: ReadonlyMap<string, OutputColumn[]>,
	append: OutputColumn[] = []
): PrepTable {
	const columns = new Map<string, ArrayLike<unknown>>();
	const schema: ColumnSchema[] = [];
	const add = (column: OutputColumn) => {
		if (columns.has(column.name)) {
			throw new BenchtopError('bad-input', `This step would create a second column named “${column.name}”.`);
		}
		columns.set(column.name, column.values);
		schema.push({ name: column.name, type: column.type });
	};
	for (const column of input.schema) {
		const replacement = replace.get(column.name);
		if (replacement) replacement.forEach(add);
		// Passed through as the very same column object: no copy, and the preview can tell it is untouched.
		else add({ ...column, values: input.table.column(column.name) as unknown as ArrayLike<unknown> });
	}
	append.forEach(add);
	return { table: aq.table(columns), schema };
}
