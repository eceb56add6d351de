// Parses CSV/TSV text held in memory into a typed table, synchronously: the same state machine and
// typing rules as the streaming importer, for callers that already have the whole text.
import type { ColumnTable } from 'arquero';
import { BenchtopError } from '../errors.ts';
import type { ColumnSchema } from './column-types.ts';
import { uniqueColumnNames } from './import/column-names.ts';
import { DelimitedRecords } from './import/delimited-records.ts';
import { sniffDelimiter } from './import/sniff-delimiter.ts';
import { typeColumns } from './import/type-columns.ts';

export interface TypedTable {
	table: ColumnTable;
	schema: ColumnSchema[];
}

export interface DelimitedTextOptions {
	delimiter?: string;
}

export function parseDelimitedText(text: string, options: DelimitedTextOptions = {}): TypedTable {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim() === '')
		throw new BenchtopError('bad-input', 'The file is empty: there is no header and no data.');
	let header: string[] | undefined;
	let columns: string[][] = [];
	const parser = new DelimitedRecords(
		options.delimiter ?? sniffDelimiter(body.slice(0, 64 * 1024)),
		(fields) => {
			if (!header) {
				header = fields;
				columns = fields.map(() => []);
				return;
			}
			header.forEach((_, j) => columns[j]!.push(fields[j] ?? ''));
		}
	);
	parser.push(body);
	parser.finish();
	if (!header) throw new BenchtopError('bad-input', 'The file has no columns.');
	const { names, notice } = uniqueColumnNames(header);
	const { table, schema } = typeColumns({ names, columns, notices: notice ? [notice] : [] }, {});
	return { table, schema };
}
