// What every reader hands to the typing step: columns still as text to infer from (one string per row,
// or dictionary-encoded), or already typed when the format says what they are (Arrow, Parquet, JSON).
import type { ColumnType } from '../../table/column-types.ts';
import type { CellValue } from '../convert-column.ts';
import type { ImportFormat, ImportNotice } from './import-types.ts';

export type RawColumn =
	| { kind: 'text'; values: (string | null)[] }
	/**
	 * Text stored once per distinct value: row i holds `entries[codes[i]]`. `type`, when the format says
	 * it (Parquet strings, booleans, dates), is used instead of inferring one from the entries. Codes are
	 * 32-bit when there are more than 65,536 entries (a Parquet string column).
	 */
	| { kind: 'dictionary'; codes: Uint16Array | Uint32Array; entries: string[]; type?: ColumnType }
	/** Numbers parsed while reading (NaN: missing or lost); `text` rebuilds each value's text exactly. */
	| {
			kind: 'numeric';
			values: Float64Array;
			integer: boolean;
			present: number;
			lost: number;
			text: () => string[];
	  }
	/** Dates as epoch milliseconds (NaN: missing), from a format that stores times (Parquet). */
	| { kind: 'dates'; values: Float64Array }
	| { kind: 'typed'; type: ColumnType; values: CellValue[] };

export interface RawTable {
	/** Names as the file spells them; made unique and safe when typed. */
	names: string[];
	columns: RawColumn[];
	rows: number;
	notices: ImportNotice[];
	delimiter?: string;
	/** Set when the content turned out to be another format than asked (JSON Lines in a .json file). */
	format?: ImportFormat;
}
