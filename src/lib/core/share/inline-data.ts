// Small data sets travel inside the link as columns; opening the link turns them back into a CSV text the
// ordinary import reads, with the column types forced to the sender's (no guessing twice).
import type { ColumnType } from '../table/column-types.ts';
import type { InlineColumn, InlineValue } from './payload.ts';

function field(value: InlineValue): string {
	if (value === null) return '';
	const text = String(value);
	// Quoted when it holds a delimiter, quote or line break, or would read as a missing value otherwise.
	return /[",\r\n]/.test(text) || text.trim() !== text || text === ''
		? `"${text.replaceAll('"', '""')}"`
		: text;
}

/** The columns as CSV (header row first), in the order given. */
export function inlineColumnsToCsv(columns: readonly InlineColumn[]): string {
	const rows = columns[0]?.values.length ?? 0;
	const lines = [columns.map((c) => field(c.name)).join(',')];
	for (let r = 0; r < rows; r++) lines.push(columns.map((c) => field(c.values[r] ?? null)).join(','));
	return `${lines.join('\n')}\n`;
}

/** The types to force on import, by column name. */
export function inlineColumnTypes(columns: readonly InlineColumn[]): Record<string, ColumnType> {
	return Object.fromEntries(columns.map((c) => [c.name, c.type]));
}
