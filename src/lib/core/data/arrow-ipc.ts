// Tables at rest are Arrow IPC bytes. The Arrow type of each column follows its Benchtop type, so a
// data set reads back with the same shape it was saved with.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { bool, dictionary, float64, int32, tableToIPC, timestamp, TimeUnit, utf8 } from '@uwdata/flechette';
import type { DataType, Table } from '@uwdata/flechette';
import type { ColumnSchema, ColumnType } from '../table/column-types.ts';

const INT32_MAX = 2 ** 31 - 1;

function fitsInt32(values: ArrayLike<unknown>): boolean {
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (typeof v === 'number' && (v > INT32_MAX || v < -INT32_MAX - 1)) return false;
	}
	return true;
}

function arrowType(type: ColumnType, values: ArrayLike<unknown>): DataType {
	switch (type) {
		case 'integer':
			return fitsInt32(values) ? int32() : float64();
		case 'number':
			return float64();
		case 'boolean':
			return bool();
		case 'date':
			return timestamp(TimeUnit.MILLISECOND);
		case 'category':
			return dictionary(utf8());
		case 'text':
			return utf8();
	}
}

export function tableToArrowIPC(table: ColumnTable, schema: ColumnSchema[]): Uint8Array {
	const types: Record<string, DataType> = {};
	for (const { name, type } of schema) {
		types[name] = arrowType(type, table.array(name) as ArrayLike<unknown>);
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
