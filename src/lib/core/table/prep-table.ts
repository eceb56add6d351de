// A table with the Benchtop type of each column: what every recipe step reads and writes.
import type { ColumnTable } from 'arquero';
import type { ColumnSchema } from './column-types.ts';

/** A table with the Benchtop type of each column: what every step reads and writes. */
export interface PrepTable {
	table: ColumnTable;
	schema: ColumnSchema[];
}
