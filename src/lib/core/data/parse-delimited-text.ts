// Parses CSV/TSV text held in memory into a typed table, synchronously: the same state machine and
// typing rules as the streaming importer, for callers that already have the whole text.
import type { ColumnTable } from 'arquero';
import type { ColumnSchema } from '../table/column-types.ts';
import { ColumnSink } from './import/column-sink.ts';
import { DelimitedParser } from './import/delimited-parser.ts';
import type { ImportOptions } from './import/import-types.ts';
import { delimitedStart, delimitedTable, SNIFF_CHARS, sinkRecords } from './import/read-delimited.ts';
import { typeColumns } from './import/type-columns.ts';

export interface TypedTable {
	table: ColumnTable;
	schema: ColumnSchema[];
}

export type DelimitedTextOptions = Pick<
	ImportOptions,
	'delimiter' | 'decimalComma' | 'raggedRows' | 'typeOverrides'
>;

export function parseDelimitedText(text: string, options: DelimitedTextOptions = {}): TypedTable {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const policy = options.raggedRows ?? 'error';
	const { delimiter, skip, firstLine, notices } = delimitedStart(
		options,
		false,
		body,
		body.length <= SNIFF_CHARS
	);
	const sink = new ColumnSink(policy);
	const parser = new DelimitedParser(delimiter, sink, firstLine);
	parser.push(body.slice(skip));
	parser.finish();
	const raw = delimitedTable(sinkRecords(sink), delimiter, policy, notices);
	const { table, schema } = typeColumns(raw, options);
	return { table, schema };
}
