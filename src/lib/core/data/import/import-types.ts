// The importer's options, progress and result: one shape for every format and every way in.
import type { ColumnTable } from 'arquero';
import type { Table } from '@uwdata/flechette';
import type { ColumnSchema, ColumnType } from '../../table/column-types.ts';
import type { PartRunner } from './parallel-parse.ts';

export type ImportFormat = 'csv' | 'tsv' | 'json' | 'jsonl' | 'arrow' | 'parquet';

export interface ImportOptions {
	/** Default: from the file name's extension, then from the content. */
	format?: ImportFormat;
	fileName?: string;
	/** Default: sniffed among , ; tab and |. */
	delimiter?: string;
	/**
	 * Read "3,14" (and "1.234,5") as numbers in columns written that way throughout. Default: on for
	 * ";"-delimited files, where a decimal comma is the convention; `false` turns it off.
	 */
	decimalComma?: boolean;
	/** What to do with rows whose field count differs from the header's. Default 'error'. */
	raggedRows?: 'error' | 'pad' | 'skip';
	/** The person's choice of type wins over inference. */
	typeOverrides?: Record<string, ColumnType>;
	signal?: AbortSignal;
	/**
	 * Reads a big UTF-8 CSV/TSV in this many parts at once, through `parseParts` (a pool of workers the
	 * caller owns); the result is the same as reading it in one go.
	 */
	parallelParts?: number;
	parseParts?: PartRunner;
	/** Called per chunk; callers that cross a worker boundary throttle it. */
	onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
	bytesRead: number;
	totalBytes?: number;
	rows: number;
	phase: 'reading' | 'typing';
}

export interface ImportNotice {
	kind:
		| 'renamed-columns'
		| 'padded-rows'
		| 'skipped-rows'
		| 'dropped-empty-lines'
		| 'lost-values'
		| 'stray-quotes'
		| 'info';
	message: string;
}

export interface ImportResult {
	/** Backed by `arrow`'s columns where it is set. */
	table: ColumnTable;
	/** The table as Arrow columns, built from the typed columns: encode it with arrowTableToIPC. */
	arrow?: Table;
	schema: ColumnSchema[];
	format: ImportFormat;
	delimiter?: string;
	notices: ImportNotice[];
	rows: number;
}
