// One entry point for every format and every way in: bytes, a Blob (a File, a fetched body) or text.
import { BenchtopError } from '../../errors.ts';
import { detectFormat } from './detect-format.ts';
import type { ImportFormat, ImportOptions, ImportResult, TextColumns } from './import-types.ts';
import { readArrow, readParquet } from './read-binary.ts';
import { readDelimited } from './read-delimited.ts';
import { readJson, readJsonLines } from './read-json.ts';
import { totalBytes } from './read-text.ts';
import { typeColumns } from './type-columns.ts';

async function head(source: Blob | Uint8Array | string): Promise<Uint8Array> {
	if (typeof source === 'string') return new TextEncoder().encode(source.slice(0, 512));
	if (source instanceof Uint8Array) return source.subarray(0, 512);
	return new Uint8Array(await source.slice(0, 512).arrayBuffer());
}

const READERS: Record<
	ImportFormat,
	(source: Blob | Uint8Array | string, options: ImportOptions) => Promise<TextColumns>
> = {
	csv: (source, options) => readDelimited(source, options),
	tsv: (source, options) => readDelimited(source, options, true),
	json: readJson,
	jsonl: readJsonLines,
	arrow: readArrow,
	parquet: readParquet
};

export async function importTable(
	source: Blob | Uint8Array | string,
	options: ImportOptions = {}
): Promise<ImportResult> {
	if (totalBytes(source) === 0)
		throw new BenchtopError('bad-input', 'The file is empty: there is no header and no data.');
	const format = options.format ?? detectFormat(options.fileName, await head(source));
	const raw = await READERS[format](source, options);
	if (options.signal?.aborted) throw new BenchtopError('aborted', 'Import cancelled.');
	const rowCount = raw.columns[0]?.length ?? 0;
	options.onProgress?.({
		bytesRead: totalBytes(source),
		totalBytes: totalBytes(source),
		rows: rowCount,
		phase: 'typing'
	});
	const typed = typeColumns(raw, options);
	return { ...typed, format, delimiter: raw.delimiter };
}
