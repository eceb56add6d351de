// Tables at rest are Arrow IPC bytes. The Arrow type of each column follows its Benchtop type, so a
// data set reads back with the same shape it was saved with.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { tableToIPC } from '@uwdata/flechette';
import type { DataType, Table } from '@uwdata/flechette';
import type { ColumnSchema } from '../table/column-types.ts';
import { arrowTypeOf, fitsInt32 } from './import/arrow-columns.ts';

export function tableToArrowIPC(table: ColumnTable, schema: ColumnSchema[]): Uint8Array {
	const types: Record<string, DataType> = {};
	for (const { name, type } of schema) {
		const int = type === 'integer' && fitsInt32(table.array(name) as ArrayLike<unknown>);
		types[name] = arrowTypeOf(type, int);
	}
	return aq.toArrowIPC(table, { types, format: 'file' });
}

/**
 * An Arrow table already built (an import's typed columns) as IPC file bytes: the same bytes
 * tableToArrowIPC writes for the same values and schema, without going through a JS value per row.
 */
export function arrowTableToIPC(table: Table): Uint8Array {
	return tableToIPC(table, { format: 'file' })!;
}

export function tableFromArrowIPC(bytes: Uint8Array): ColumnTable {
	return aq.fromArrow(bytes);
}
