// Parses CSV/TSV text into a typed table: every value read as a string first, then each column typed
// from all of its values (see inferColumnType), so what is stored is what the file says.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { BenchtopError } from '../errors.ts';
import type { ColumnSchema } from './column-types.ts';
import { convertColumn } from './convert-column.ts';
import { inferColumnType } from './infer-column-type.ts';

export interface TypedTable {
	table: ColumnTable;
	schema: ColumnSchema[];
}

export interface DelimitedTextOptions {
	delimiter?: string;
}

export function typeColumns(raw: ColumnTable): TypedTable {
	const schema: ColumnSchema[] = [];
	const columns: Record<string, unknown[]> = {};
	for (const name of raw.columnNames()) {
		const values = raw.array(name) as ArrayLike<string | null>;
		const type = inferColumnType(values);
		schema.push({ name, type });
		columns[name] = convertColumn(values, type);
	}
	return {
		table: aq.table(
			columns,
			schema.map((c) => c.name)
		),
		schema
	};
}

export function parseDelimitedText(text: string, options: DelimitedTextOptions = {}): TypedTable {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim() === '')
		throw new BenchtopError('bad-input', 'The file is empty: there is no header and no data.');
	const raw = aq.fromCSV(body, { delimiter: options.delimiter ?? ',', autoType: false });
	if (raw.numCols() === 0) throw new BenchtopError('bad-input', 'The file has no columns.');
	return typeColumns(raw);
}
