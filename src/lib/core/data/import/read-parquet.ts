// Reads Parquet with hyparquet one row group and one column at a time, straight from the Blob, into typed
// columns (numbers in a Float64Array, strings, booleans and dates as dictionary codes): a file larger
// than is comfortable in memory never holds more than one column chunk's decoded values at once, reports
// progress after each chunk and can be cancelled between them. Structs become one column per field.
import { parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import type { AsyncBuffer, Compressors, DecodedArray, FileMetaData, RowGroup } from 'hyparquet';
import { BenchtopError } from '../../errors.ts';
import { abortIfCancelled } from './cancel.ts';
import { damaged } from './binary-source.ts';
import type { ImportOptions } from './import-types.ts';
import { columnSink, type ParquetColumnSink } from './parquet-columns.ts';
import { flatChunk, readFlatChunk } from './parquet-pages.ts';
import { fieldOf, parquetLeaves, type ParquetLeaf } from './parquet-schema.ts';
import type { RawTable } from './raw-table.ts';

/**
 * A Blob read piece by piece as hyparquet asks (only the footer and one column chunk at a time are ever
 * in memory), checking for cancel before each piece.
 */
function asyncBuffer(source: Blob | Uint8Array, signal?: AbortSignal): AsyncBuffer {
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
			return await source.slice(start, end).arrayBuffer();
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

/** A top-level Parquet column and the table columns (one, or a struct's fields) filled from it. */
interface TopColumn {
	name: string;
	leaves: { leaf: ParquetLeaf; sink: ParquetColumnSink }[];
}

function topColumns(leaves: ParquetLeaf[], rows: number): TopColumn[] {
	const byName = new Map<string, TopColumn>();
	for (const leaf of leaves) {
		let top = byName.get(leaf.top);
		if (!top) byName.set(leaf.top, (top = { name: leaf.top, leaves: [] }));
		top.leaves.push({ leaf, sink: columnSink(leaf.kind, rows) });
	}
	return [...byName.values()];
}

/** The part of a chunk inside [from, to) (hyparquet may hand over rows outside the asked range). */
function clipped(data: DecodedArray, rowStart: number, from: number, to: number): ArrayLike<unknown> {
	const skip = Math.max(0, from - rowStart);
	const end = Math.min(data.length, to - rowStart);
	if (skip === 0 && end === data.length) return data;
	return ArrayBuffer.isView(data) ? (data as Float64Array).subarray(skip, end) : data.slice(skip, end);
}

/** One top-level column of one row group, poured into its sinks: page by page when it is flat. */
async function readChunk(
	file: AsyncBuffer,
	metadata: FileMetaData,
	compressors: Compressors,
	top: TopColumn,
	from: number,
	to: number,
	group: RowGroup
): Promise<void> {
	const chunks = group.columns.filter((chunk) => chunk.meta_data?.path_in_schema[0] === top.name);
	const flat =
		chunks.length === 1 && top.leaves.length === 1
			? flatChunk(metadata.schema, chunks[0]!, compressors)
			: undefined;
	if (flat) {
		const bytes = new Uint8Array(await file.slice(flat.start, flat.end));
		const read = readFlatChunk(bytes, flat, to - from, top.leaves[0]!.sink, from);
		if (read !== to - from) throw new Error(`parquet column chunk held ${read} rows of ${to - from}`);
		return;
	}
	await parquetRead({
		file,
		metadata,
		compressors,
		columns: [top.name],
		rowStart: from,
		rowEnd: to,
		onChunk: ({ columnData, rowStart }) => {
			const values = clipped(columnData, rowStart, from, to);
			const at = Math.max(rowStart, from);
			for (const { leaf, sink } of top.leaves) {
				if (leaf.path.length === 0) sink.put(values, at);
				else
					sink.put(
						Array.from(values, (row) => fieldOf(row, leaf.path)),
						at
					);
			}
		}
	});
}

/** The compressed size of a top-level column's chunks (a struct has one per field) in a row group. */
function chunkBytes(group: RowGroup, top: string): number {
	let bytes = 0;
	for (const chunk of group.columns)
		if (chunk.meta_data?.path_in_schema[0] === top) bytes += Number(chunk.meta_data.total_compressed_size);
	return bytes;
}

function decodeError(error: unknown): BenchtopError {
	const codec = (error instanceof Error ? error.message : '').match(/unsupported compression codec: (\w+)/);
	if (codec) {
		return new BenchtopError(
			'bad-input',
			`This Parquet file is compressed with ${codec[1]}, which Benchtop cannot read. Save it with ZSTD, Snappy, gzip, Brotli or LZ4 compression (or none) and import it again.`,
			String(error)
		);
	}
	return damaged('Parquet', 'its data pages could not be decoded', error);
}

export async function readParquet(
	source: Blob | Uint8Array | string,
	options: ImportOptions
): Promise<RawTable> {
	if (typeof source === 'string')
		throw new BenchtopError('bad-input', 'Parquet data must come from a file, not from text.');
	const total = source instanceof Uint8Array ? source.byteLength : source.size;
	// Progress counts the compressed bytes of the column chunks read so far, so it ends at the file's
	// data size whatever hyparquet fetched around them (the footer, read-ahead).
	let bytesRead = 0;
	const file = asyncBuffer(source, options.signal);
	const metadata = await readMetadata(file);
	const top = parquetSchema(metadata).children;
	if (top.length === 0) throw new BenchtopError('bad-input', 'The Parquet file has no columns.');
	const leaves = parquetLeaves(top);
	const rows = Number(metadata.num_rows);
	if (rows === 0) throw new BenchtopError('bad-input', 'The Parquet file has columns but no rows.');
	const columns = topColumns(leaves, rows);

	// The decompressors (Snappy's and Brotli's WebAssembly among them) load only when a Parquet file is
	// read: a CSV import, and the CLI's start, never pay for them.
	const { compressors } = await import('hyparquet-compressors');
	let groupStart = 0;
	for (const group of metadata.row_groups) {
		const groupEnd = Math.min(rows, groupStart + Number(group.num_rows));
		for (const column of columns) {
			if (groupEnd === groupStart) break;
			abortIfCancelled(options.signal);
			try {
				await readChunk(file, metadata, compressors, column, groupStart, groupEnd, group);
			} catch (error) {
				throw decodeError(error);
			}
			bytesRead = Math.min(total, bytesRead + chunkBytes(group, column.name));
			options.onProgress?.({ bytesRead, totalBytes: total, rows: groupStart, phase: 'reading' });
		}
		groupStart = groupEnd;
		options.onProgress?.({ bytesRead, totalBytes: total, rows: groupStart, phase: 'reading' });
	}
	abortIfCancelled(options.signal);

	return {
		names: leaves.map((leaf) => leaf.name),
		columns: columns.flatMap((column) => column.leaves.map(({ sink }) => sink.finish())),
		rows,
		notices: []
	};
}
