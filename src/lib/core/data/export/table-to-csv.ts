// Writes a table as RFC 4180 CSV: quoted only where needed, dates as ISO 8601, missing as empty; text
// cells and headers neutralised for spreadsheets unless raw cells are asked for (csv-cell.ts).
import type { ColumnTable } from 'arquero';
import type { ColumnSchema, ColumnType } from '../../table/column-types.ts';
import { valueAsText } from '../../table/value-text.ts';
import { csvField, type CsvCells } from './csv-cell.ts';

/** Dates repeat; writing each distinct one once saves most of the time a date column costs. */
const DATE_MEMORY = 4096;

function dateFormatter(): (value: unknown) => string {
	const written = new Map<number, string>();
	return (value) => {
		if (!(value instanceof Date)) return valueAsText(value) ?? '';
		const time = value.getTime();
		let text = written.get(time);
		if (text === undefined) {
			text = valueAsText(value) ?? '';
			if (written.size < DATE_MEMORY) written.set(time, text);
		}
		return text;
	};
}

/**
 * Numbers, booleans and ISO dates never need quotes and never start a formula (a negative number is read
 * as a number): only text is checked, value by value.
 */
function formatter(type: ColumnType, cells: CsvCells): (value: unknown) => string {
	switch (type) {
		case 'date':
			return dateFormatter();
		case 'integer':
		case 'number':
		case 'boolean':
			return (value) => valueAsText(value) ?? '';
		default:
			return (value) => csvField(valueAsText(value), cells);
	}
}

/** `cells`: 'spreadsheet' (the default, for people) or 'raw' (every cell as stored, for code). */
export function tableToCsv(
	table: ColumnTable,
	schema: ColumnSchema[],
	cells: CsvCells = 'spreadsheet'
): string {
	const columns = schema.map(({ name }) => table.array(name) as ArrayLike<unknown>);
	const formats = schema.map(({ type }) => formatter(type, cells));
	const lines = [schema.map(({ name }) => csvField(name, cells)).join(',')];
	const rows = table.numRows();
	const width = columns.length;
	for (let row = 0; row < rows; row++) {
		let line = formats[0]!(columns[0]![row]);
		for (let j = 1; j < width; j++) line += `,${formats[j]!(columns[j]![row])}`;
		lines.push(line);
	}
	return `${lines.join('\r\n')}\r\n`;
}
