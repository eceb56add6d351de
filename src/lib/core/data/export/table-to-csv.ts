// Writes a table as RFC 4180 CSV: quoted only where needed, dates as ISO 8601, missing as empty.
import type { ColumnTable } from 'arquero';
import type { ColumnSchema } from '../column-types.ts';
import { valueAsText } from '../retype-column.ts';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function field(text: string | null): string {
	if (text === null) return '';
	return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function tableToCsv(table: ColumnTable, schema: ColumnSchema[]): string {
	const columns = schema.map(({ name }) => table.array(name) as ArrayLike<unknown>);
	const lines = [schema.map(({ name }) => field(name)).join(',')];
	for (let row = 0; row < table.numRows(); row++) {
		lines.push(columns.map((values) => field(valueAsText(values[row]))).join(','));
	}
	return `${lines.join('\r\n')}\r\n`;
}
