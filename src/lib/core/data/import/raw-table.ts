// What every reader hands to the typing step: columns still as text to infer from, or already typed
// when the format says what they are (Arrow, Parquet, JSON numbers and booleans).
import type { ColumnType } from '../column-types.ts';
import type { CellValue } from '../convert-column.ts';
import type { ImportFormat, ImportNotice } from './import-types.ts';

export type RawColumn =
	{ kind: 'text'; values: (string | null)[] } | { kind: 'typed'; type: ColumnType; values: CellValue[] };

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
