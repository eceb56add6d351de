// One entry point for every format and every way in: bytes, a Blob (a File, a fetched body) or text.
import { BenchtopError, toBenchtopError } from '../../errors.ts';
import { abortIfCancelled } from './cancel.ts';
import { detectFormat } from './detect-format.ts';
import type { ImportFormat, ImportOptions, ImportResult } from './import-types.ts';
import type { RawTable } from './raw-table.ts';
import { readArrow } from './read-arrow.ts';
import { readDelimited } from './read-delimited.ts';
import { readJson } from './read-json.ts';
import { readJsonLines } from './read-json-lines.ts';
import { readParquet } from './read-parquet.ts';
import { EMPTY_FILE_MESSAGE, totalBytes } from './read-text.ts';
import { typeColumns } from './type-columns.ts';

const HEAD_BYTES = 512;

async function head(source: Blob | Uint8Array | string): Promise<Uint8Array> {
	if (typeof source === 'string') return new TextEncoder().encode(source.slice(0, HEAD_BYTES));
	if (source instanceof Uint8Array) return source.subarray(0, HEAD_BYTES);
	return new Uint8Array(await source.slice(0, HEAD_BYTES).arrayBuffer());
}

const READERS: Record<
	ImportFormat,
	(source: Blob | Uint8Array | string, options: ImportOptions) => Promise<RawTable>
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
	try {
		return await importOrThrow(source, options);
	} catch (error) {
		throw asImportError(error);
	}
}

/** Whatever went wrong, a BenchtopError: the readers' own, or the platform's errors put in words. */
function asImportError(error: unknown): BenchtopError {
	if (error instanceof BenchtopError) return error;
	const name = error instanceof Error ? error.name : '';
	const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	if (name === 'NotReadableError' || name === 'NotFoundError')
		return new BenchtopError(
			'bad-input',
			'The file could not be read: it may have been moved, changed or deleted since it was picked. Pick it again.',
			detail
		);
	if (error instanceof RangeError)
		return new BenchtopError(
			'bad-input',
			'The file is too large to import in this format here. CSV, JSON Lines and Parquet are read in parts, so saving it as one of those may help.',
			detail
		);
	return toBenchtopError(error, 'The file could not be imported.');
}

async function importOrThrow(
	source: Blob | Uint8Array | string,
	options: ImportOptions
): Promise<ImportResult> {
	abortIfCancelled(options.signal);
	const total = totalBytes(source);
	if (total === 0) throw new BenchtopError('bad-input', EMPTY_FILE_MESSAGE);
	const format = options.format ?? detectFormat(options.fileName, await head(source));
	if (!Object.hasOwn(READERS, format))
		throw new BenchtopError('bad-input', `Benchtop cannot read the format “${String(format)}”.`);
	const raw = await READERS[format](source, options);
	abortIfCancelled(options.signal);
	const progress = { bytesRead: total, totalBytes: total, rows: raw.rows, phase: 'typing' } as const;
	options.onProgress?.(progress);
	const typed = typeColumns(raw, {
		typeOverrides: options.typeOverrides,
		decimalComma: options.decimalComma,
		signal: options.signal,
		onColumn: () => options.onProgress?.(progress)
	});
	return { ...typed, format: raw.format ?? format, delimiter: raw.delimiter };
}
