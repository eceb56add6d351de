// Writes a table as Parquet with hyparquet-writer, each column in the Parquet type of its Benchtop type,
// so that importing the file gives back the same schema. Pages are compressed with ZSTD by default, the
// codec most writers (pyarrow, DuckDB, Spark) now choose: smaller files than Snappy at a similar speed.
import type { ColumnTable } from 'arquero';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ColumnSchema, ColumnType } from '../../table/column-types.ts';
import { loadZstdCompressor } from './zstd-compressor.ts';

type ParquetType = 'INT32' | 'INT64' | 'DOUBLE' | 'BOOLEAN' | 'TIMESTAMP' | 'STRING';

/** The page codecs Benchtop writes: ZSTD (the default), Snappy (hyparquet-writer's own) or none. */
export type ParquetCodec = 'ZSTD' | 'SNAPPY' | 'UNCOMPRESSED';

export interface ParquetWriteOptions {
	codec?: ParquetCodec;
}

const PARQUET_TYPE: Record<ColumnType, ParquetType> = {
	integer: 'INT64',
	number: 'DOUBLE',
	boolean: 'BOOLEAN',
	date: 'TIMESTAMP',
	category: 'STRING',
	text: 'STRING'
};

const INT32 = 2 ** 31;

function fitsInt32(values: unknown[]): boolean {
	return values.every((v) => v === null || (typeof v === 'number' && v >= -INT32 && v < INT32));
}

/** Missing is null in Parquet; integers past 32 bits are written as 64-bit, which takes BigInts. */
function parquetValue(value: unknown, type: ParquetType): unknown {
	if (value === undefined || value === null || (typeof value === 'number' && Number.isNaN(value)))
		return null;
	if (type === 'INT64' && typeof value === 'number') return BigInt(Math.round(value));
	if (type === 'TIMESTAMP' && value instanceof Date && Number.isNaN(value.getTime())) return null;
	return value;
}

export async function tableToParquet(
	table: ColumnTable,
	schema: ColumnSchema[],
	options: ParquetWriteOptions = {}
): Promise<Uint8Array<ArrayBuffer>> {
	const codec = options.codec ?? 'ZSTD';
	const compressors = codec === 'ZSTD' ? { ZSTD: await loadZstdCompressor() } : undefined;
	const columnData = schema.map(({ name, type }) => {
		const values = Array.from(table.array(name) as ArrayLike<unknown>);
		const parquetType = type === 'integer' && fitsInt32(values) ? 'INT32' : PARQUET_TYPE[type];
		return { name, data: values.map((v) => parquetValue(v, parquetType)), type: parquetType };
	});
	return new Uint8Array(parquetWriteBuffer({ columnData, codec, compressors }));
}
