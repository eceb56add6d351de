// Writes a table as Parquet with hyparquet-writer, each column in the Parquet type of its Benchtop type.
import type { ColumnTable } from 'arquero';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ColumnSchema, ColumnType } from '../column-types.ts';

type ParquetType = 'INT32' | 'DOUBLE' | 'BOOLEAN' | 'TIMESTAMP' | 'STRING';

const PARQUET_TYPE: Record<ColumnType, ParquetType> = {
	integer: 'DOUBLE',
	number: 'DOUBLE',
	boolean: 'BOOLEAN',
	date: 'TIMESTAMP',
	category: 'STRING',
	text: 'STRING'
};

const INT32 = 2 ** 31;

function fitsInt32(values: unknown[]): boolean {
	return values.every(
		(v) => v === null || (typeof v === 'number' && Number.isInteger(v) && v >= -INT32 && v < INT32)
	);
}

export function tableToParquet(table: ColumnTable, schema: ColumnSchema[]): Uint8Array {
	const columnData = schema.map(({ name, type }) => {
		const data = Array.from(table.array(name) as ArrayLike<unknown>, (v) =>
			v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? null : v
		);
		const parquetType = type === 'integer' && fitsInt32(data) ? 'INT32' : PARQUET_TYPE[type];
		return { name, data, type: parquetType };
	});
	return new Uint8Array(parquetWriteBuffer({ columnData }));
}
