// Reads one column as another type (the person's override), by going back to the text each value came
// from. Values that do not fit the new type become missing, and the count says how many.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { ColumnSchema, ColumnType } from '../table/column-types.ts';
import { convertColumn } from './convert-column.ts';
import { valueAsText } from '../table/value-text.ts';

export interface RetypedTable {
	table: ColumnTable;
	schema: ColumnSchema[];
	/** Values that were present before and are missing now, because they do not fit the new type. */
	lost: number;
}

export function retypeColumn(
	table: ColumnTable,
	schema: ColumnSchema[],
	column: string,
	type: ColumnType
): RetypedTable {
	const text = Array.from(table.array(column) as ArrayLike<unknown>, valueAsText);
	const converted = convertColumn(text, type);
	// Column names are data ("__proto__" is a valid one): keys go on an object without a prototype.
	const columns: Record<string, unknown> = Object.create(null);
	for (const { name } of schema) columns[name] = name === column ? converted.values : table.array(name);
	return {
		table: aq.table(
			columns,
			schema.map((c) => c.name)
		),
		schema: schema.map((c) => (c.name === column ? { name: c.name, type } : c)),
		lost: converted.lost
	};
}
