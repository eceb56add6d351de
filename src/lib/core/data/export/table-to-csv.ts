// Writes a table as RFC 4180 CSV: quoted only where needed, dates as ISO 8601, missing as empty.
import type { ColumnTable } from 'arquero';
import type { ColumnSchema } from '../column-types.ts';
import { valueAsText } from '../retype-column.ts';

/** Delimiters, quotes and line breaks need quotes; so do edge spaces, which readers may trim. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function field(text: string | null): string {
	if (text === null) return '';
	return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function tableToCsv(table: ColumnTable, schema: ColumnSchema[]): string {
	const columns = schema.map(({ name }) => table.array(name) as ArrayLike<unknown>);
	const lines = [schema.map(({ name }) => field(name)).join(',')];
	const rows = table.numRows();
	for (let row = 0; row < rows; row++) {
		lines.push(columns.map((values) => field(valueAsText(values[row]))).join(','));
	}
	return `${lines.join('\r\n')}\r\n`;
}
