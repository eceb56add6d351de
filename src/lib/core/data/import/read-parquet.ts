// Reads Parquet with hyparquet, column by column, straight from the Blob; each column's Parquet type
// says its Benchtop type, and strings become categories or text by CSV's distinct-value rule.
import { parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import type { AsyncBuffer, FileMetaData, SchemaTree } from 'hyparquet';
// Every codec Parquet writers use (ZSTD, GZIP, Brotli, LZ4, LZ4_RAW) beside hyparquet's own Snappy.
import { BenchtopError } from '../../errors.ts';
import type { ColumnType } from '../../table/column-types.ts';
import type { CellValue } from '../convert-column.ts';
import { categoryOrText } from '../infer-column-type.ts';
import { abortIfCancelled } from './cancel.ts';
import { damaged } from './binary-source.ts';
import type { ImportOptions } from './import-types.ts';
import type { RawColumn, RawTable } from './raw-table.ts';

/** The Benchtop type of a top-level Parquet column; 'strings' is decided from the values. */
function benchtopType(node: SchemaTree): ColumnType | 'strings' {
	const { type, converted_type: converted, logical_type: logical } = node.element;
	if (node.children.length > 0 || type === undefined) return 'text';
	if (logical?.type === 'DATE' || logical?.type === 'TIMESTAMP' || type === 'INT96') return 'date';
	if (converted === 'DATE' || converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS')
		return 'date';
	if (logical?.type === 'DECIMAL' || converted === 'DECIMAL' || logical?.type === 'FLOAT16') return 'number';
	if (logical?.type === 'JSON' || converted === 'JSON') return 'text';
	switch (type) {
		case 'BOOLEAN':
			return 'boolean';
		case 'INT32':
		case 'INT64':
			return 'integer';
		case 'FLOAT':
		case 'DOUBLE':
			return 'number';
		default:
			return 'strings';
	}
}

function cellValue(value: unknown, type: ColumnType): CellValue {
	if (value === null || value === undefined) return null;
	switch (type) {
		case 'integer':
		case 'number': {
			const number = Number(value);
			return Number.isFinite(number) ? number : null;
		}
		case 'boolean':
			return Boolean(value);
		case 'date':
			return value instanceof Date && !Number.isNaN(value.getTime()) ? value : null;
		default:
			return asText(value);
	}
}

function asText(value: unknown): string | null {
	if (value === null || value === undefined || value instanceof Uint8Array) return null;
	if (typeof value === 'string') return value;
	if (typeof value === 'object')
		return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
	return String(value);
}

/** A Blob read piece by piece as hyparquet asks, counting bytes for progress and checking for cancel. */
function asyncBuffer(
	source: Blob | Uint8Array,
	onRead: (bytes: number) => void,
	signal?: AbortSignal
): AsyncBuffer {
	if (source instanceof Uint8Array) {
		return {
			byteLength: source.byteLength,
			slice: (start, end) => source.slice(start, end).buffer
		};
	}
	return {
		byteLength: source.size,
		async slice(start, end) {
			abortIfCancelled(signal);
			const buffer = await source.slice(start, end).arrayBuffer();
			onRead(buffer.byteLength);
			return buffer;
		}
	};
}

async function readMetadata(file: AsyncBuffer): Promise<FileMetaData> {
	try {
		return await parquetMetadataAsync(file);
	} catch (error) {
		const message = error instanceof Error ? error.message : '';
		const reason = /footer != PAR1/.test(message)
			? 'it does not end with the Parquet footer, so it was probably cut short'
			: /exceeds available buffer/.test(message)
				? 'its footer says it is longer than it is, so it was probably cut short'
				: 'its footer could not be read';
		throw damaged('Parquet', reason, error);
	}
}

export async function readParquet(
	source: Blob | Uint8Array | string,
	options: ImportOptions
): Promise<RawTable> {
	if (typeof source === 'string')
		throw new BenchtopError('bad-input', 'Parquet data must come from a file, not from text.');
	const total = source instanceof Uint8Array ? source.byteLength : source.size;
	let bytesRead = 0;
	let rowsRead = 0;
	const file = asyncBuffer(source, (n) => (bytesRead += n), options.signal);
	const metadata = await readMetadata(file);
	const top = parquetSchema(metadata).children;
	if (top.length === 0) throw new BenchtopError('bad-input', 'The Parquet file has no columns.');
	const rows = Number(metadata.num_rows);
	if (rows === 0) throw new BenchtopError('bad-input', 'The Parquet file has columns but no rows.');

	const names = top.map((node) => node.element.name);
	const mapped = top.map(benchtopType);
	// Strings are read as text; whether they are a category is decided once all of them are in.
	const readAs = mapped.map((type) => (type === 'strings' ? 'text' : type));
	const values = names.map(() => new Array<CellValue>(rows).fill(null));
	const index = new Map(names.map((name, i) => [name, i]));
	// The decompressors (Snappy's and Brotli's WebAssembly among them) load only when a Parquet file is
	// read: a CSV import, and the CLI's start, never pay for them.
	const { compressors } = await import('hyparquet-compressors');
	try {
		await parquetRead({
			file,
			metadata,
			compressors,
			onChunk: ({ columnName, columnData, rowStart, rowEnd }) => {
				const j = index.get(columnName) ?? -1;
				const column = values[j];
				if (!column) return;
				const type = readAs[j]!;
				for (let i = 0; i < columnData.length; i++) column[rowStart + i] = cellValue(columnData[i], type);
				rowsRead = Math.max(rowsRead, rowEnd);
				options.onProgress?.({ bytesRead, totalBytes: total, rows: rowsRead, phase: 'reading' });
			}
		});
	} catch (error) {
		const codec = (error instanceof Error ? error.message : '').match(/unsupported compression codec: (\w+)/);
		if (codec) {
			throw new BenchtopError(
				'bad-input',
				`This Parquet file is compressed with ${codec[1]}, which Benchtop cannot read. Save it with ZSTD, Snappy, gzip, Brotli or LZ4 compression (or none) and import it again.`,
				String(error)
			);
		}
		throw damaged('Parquet', 'its data pages could not be decoded', error);
	}
	abortIfCancelled(options.signal);

	const columns: RawColumn[] = mapped.map((type, j) => {
		const column = values[j]!;
		const typed = type === 'strings' ? categoryOrText(column as (string | null)[]) : type;
		return { kind: 'typed', type: typed, values: column };
	});
	return { names, columns, rows, notices: [] };
}
