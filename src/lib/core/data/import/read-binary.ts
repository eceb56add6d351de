// Reads the columnar binary formats, Arrow IPC and Parquet, into text columns so every format is typed
// by the same rules. A truncated or damaged file gets a message instead of a decoder's stack trace.
import * as aq from 'arquero';
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { BenchtopError } from '../../errors.ts';
import { valueAsText } from '../retype-column.ts';
import { uniqueColumnNames } from './column-names.ts';
import type { ImportOptions, TextColumns } from './import-types.ts';

async function bytesOf(source: Blob | Uint8Array | string, format: string): Promise<Uint8Array> {
	if (typeof source === 'string')
		throw new BenchtopError('bad-input', `${format} data must come from a file, not text.`);
	return source instanceof Uint8Array ? source : new Uint8Array(await source.arrayBuffer());
}

function cellText(value: unknown): string | null {
	if (typeof value === 'bigint') return value.toString();
	if (value instanceof Uint8Array) return null;
	return valueAsText(value);
}

function textColumns(rawNames: string[], columns: (string | null)[][]): TextColumns {
	const { names, notice } = uniqueColumnNames(rawNames);
	if (columns.length === 0 || columns[0]!.length === 0)
		throw new BenchtopError('bad-input', 'The file has columns but no rows.');
	return { names, columns, notices: notice ? [notice] : [] };
}

export async function readArrow(
	source: Blob | Uint8Array | string,
	options: ImportOptions
): Promise<TextColumns> {
	const bytes = await bytesOf(source, 'Arrow');
	if (options.signal?.aborted) throw new BenchtopError('aborted', 'Import cancelled.');
	let table: ReturnType<typeof aq.fromArrow>;
	try {
		table = aq.fromArrow(bytes);
	} catch (error) {
		throw new BenchtopError(
			'bad-input',
			'The Arrow file is incomplete or damaged; export it again.',
			String(error)
		);
	}
	const names = table.columnNames();
	return textColumns(
		names,
		names.map((name) => Array.from(table.array(name) as ArrayLike<unknown>, cellText))
	);
}

export async function readParquet(
	source: Blob | Uint8Array | string,
	options: ImportOptions
): Promise<TextColumns> {
	const bytes = await bytesOf(source, 'Parquet');
	const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	let names: string[];
	let rowCount: number;
	try {
		const metadata = parquetMetadata(file);
		names = parquetSchema(metadata).children.map((child) => child.element.name);
		rowCount = Number(metadata.num_rows);
	} catch (error) {
		throw new BenchtopError(
			'bad-input',
			'The Parquet file is incomplete or damaged; export it again.',
			String(error)
		);
	}
	const columns = names.map(() => new Array<string | null>(rowCount).fill(null));
	const index = new Map(names.map((name, i) => [name, i]));
	try {
		await parquetRead({
			file,
			onChunk: ({ columnName, columnData, rowStart }) => {
				const column = columns[index.get(columnName) ?? -1];
				if (!column) return;
				for (let i = 0; i < columnData.length; i++) column[rowStart + i] = cellText(columnData[i]);
			}
		});
	} catch (error) {
		throw new BenchtopError(
			'bad-input',
			'The Parquet file is incomplete or damaged; export it again.',
			String(error)
		);
	}
	if (options.signal?.aborted) throw new BenchtopError('aborted', 'Import cancelled.');
	return textColumns(names, columns);
}
