// Reads CSV/TSV into one array of strings per column (never an array of rows), handling ragged rows
// as the person chose, reporting progress per chunk and stopping when cancelled.
import { BenchtopError } from '../../errors.ts';
import { abortIfCancelled } from './cancel.ts';
import { ColumnSink, type RaggedRow } from './column-sink.ts';
import { DelimitedParser } from './delimited-parser.ts';
import type { ImportNotice, ImportOptions } from './import-types.ts';
import type { RawTable } from './raw-table.ts';
import { EMPTY_FILE_MESSAGE, readText, totalBytes } from './read-text.ts';
import { sniffDelimiter } from './sniff-delimiter.ts';

const SNIFF_CHARS = 64 * 1024;

export async function readDelimited(
	source: Blob | Uint8Array | string,
	options: ImportOptions,
	tsv = false
): Promise<RawTable> {
	const policy = options.raggedRows ?? 'error';
	const notices: ImportNotice[] = [];
	const sink = new ColumnSink(policy);
	const total = totalBytes(source);
	let delimiter = options.delimiter ?? (tsv ? '\t' : undefined);
	let parser: DelimitedParser | undefined;
	const chunks = readText(source, { signal: options.signal, onNotice: (n) => notices.push(n) });
	for await (const chunk of chunks) {
		if (!parser) {
			delimiter ??= sniffDelimiter(chunk.text.slice(0, SNIFF_CHARS), chunk.bytesRead === total);
			parser = new DelimitedParser(delimiter, sink);
		}
		parser.push(chunk.text);
		abortIfCancelled(options.signal);
		options.onProgress?.({
			bytesRead: chunk.bytesRead,
			totalBytes: total,
			rows: sink.rows,
			phase: 'reading'
		});
	}
	parser?.finish();
	return delimitedTable(sink, delimiter ?? ',', policy, notices);
}

/** The columns a sink collected, or the error that stops the import; shared with the synchronous parse. */
export function delimitedTable(
	sink: ColumnSink,
	delimiter: string,
	policy: 'error' | 'pad' | 'skip',
	notices: ImportNotice[] = []
): RawTable {
	const header = sink.header;
	if (!header) throw new BenchtopError('bad-input', EMPTY_FILE_MESSAGE);
	if (sink.ragged > 0) {
		const what = raggedSummary(sink.ragged, sink.firstRagged, header.length);
		const detail = sink.firstRagged
			.map((r) => `line ${r.line}: ${r.fields} field${r.fields === 1 ? '' : 's'}`)
			.join('; ');
		if (policy === 'error') {
			const them = sink.ragged === 1 ? 'it' : 'them';
			throw new BenchtopError(
				'ragged-rows',
				`${what} Pad ${them} with empty values or skip ${them}.`,
				detail
			);
		}
		notices.push(
			policy === 'pad'
				? {
						kind: 'padded-rows',
						message: `${what} Short rows were padded with missing values, and fields past the last column were dropped.`
					}
				: { kind: 'skipped-rows', message: `${what} They were skipped.` }
		);
		if (sink.rows === 0)
			throw new BenchtopError(
				'bad-input',
				'No rows are left after skipping the ones with the wrong number of fields.'
			);
	}
	if (sink.rows === 0) {
		throw new BenchtopError(
			'bad-input',
			'The file has a header but no data rows.',
			`columns: ${header.join(', ')}`
		);
	}
	if (sink.emptyLines > 0) {
		const lines =
			sink.emptyLines === 1 ? '1 empty line was' : `${sink.emptyLines.toLocaleString('en')} empty lines were`;
		notices.push({ kind: 'dropped-empty-lines', message: `${lines} ignored.` });
	}
	return {
		names: header,
		columns: sink.columns.map((column) => column.finish()),
		rows: sink.rows,
		notices,
		delimiter
	};
}

/** "12 rows have a different number of fields than the header (5): lines 4, 9, 17, …" */
function raggedSummary(count: number, first: RaggedRow[], width: number): string {
	const lines = first.map((r) => r.line).join(', ');
	const where = count > first.length ? `lines ${lines}, …` : `line${first.length > 1 ? 's' : ''} ${lines}.`;
	const rows = count === 1 ? '1 row has' : `${count.toLocaleString('en')} rows have`;
	return `${rows} a different number of fields than the header (${width}): ${where}`;
}
