// Reads CSV/TSV into one array of strings per column (never an array of rows), handling ragged rows
// as the person chose, reporting progress per chunk and stopping when cancelled.
import { BenchtopError } from '../../errors.ts';
import { uniqueColumnNames } from './column-names.ts';
import { DelimitedRecords } from './delimited-records.ts';
import type { ImportNotice, ImportOptions, TextColumns } from './import-types.ts';
import { readText, totalBytes } from './read-text.ts';
import { sniffDelimiter } from './sniff-delimiter.ts';

const LISTED_LINES = 5;

export async function readDelimited(
	source: Blob | Uint8Array | string,
	options: ImportOptions,
	tsv = false
): Promise<TextColumns> {
	const policy = options.raggedRows ?? 'error';
	let delimiter = options.delimiter ?? (tsv ? '\t' : undefined);
	let header: string[] | undefined;
	let columns: string[][] = [];
	let rows = 0;
	let ragged = 0;
	const raggedLines: number[] = [];

	const onRecord = (fields: string[], line: number) => {
		if (!header) {
			header = fields;
			columns = fields.map(() => []);
			return;
		}
		const width = header.length;
		if (fields.length !== width) {
			ragged++;
			if (raggedLines.length < LISTED_LINES) raggedLines.push(line);
			if (policy !== 'pad') return;
		}
		for (let j = 0; j < width; j++) columns[j]!.push(fields[j] ?? '');
		rows++;
	};

	let parser: DelimitedRecords | undefined;
	const total = totalBytes(source);
	for await (const chunk of readText(source, options.signal)) {
		if (options.signal?.aborted) throw new BenchtopError('aborted', 'Import cancelled.');
		if (!parser) {
			delimiter ??= sniffDelimiter(chunk.text.slice(0, 64 * 1024));
			parser = new DelimitedRecords(delimiter, onRecord);
		}
		parser.push(chunk.text);
		options.onProgress?.({ bytesRead: chunk.bytesRead, totalBytes: total, rows, phase: 'reading' });
	}
	parser?.finish();

	if (!header) throw new BenchtopError('bad-input', 'The file is empty: there is no header and no data.');
	if (rows === 0 && ragged === 0) {
		throw new BenchtopError(
			'bad-input',
			'The file has a header but no data rows.',
			`columns: ${header.join(', ')}`
		);
	}
	const notices: ImportNotice[] = [];
	if (ragged > 0) {
		const lines = `line${raggedLines.length > 1 ? 's' : ''} ${raggedLines.join(', ')}${ragged > raggedLines.length ? ', …' : ''}`;
		const what = `${ragged.toLocaleString('en')} row${ragged > 1 ? 's have' : ' has'} a different number of fields than the header (${header.length}): ${lines}.`;
		if (policy === 'error') {
			throw new BenchtopError('ragged-rows', `${what} Pad them with empty values or skip them.`);
		}
		notices.push(
			policy === 'pad'
				? {
						kind: 'padded-rows',
						message: `${what} Short rows were padded with missing values and long rows cut.`
					}
				: { kind: 'skipped-rows', message: `${what} They were skipped.` }
		);
		if (rows === 0) throw new BenchtopError('bad-input', 'No rows are left after skipping the ragged ones.');
	}
	if (parser && parser.emptyLines > 0) {
		notices.push({
			kind: 'dropped-empty-lines',
			message: `${parser.emptyLines.toLocaleString('en')} empty lines were ignored.`
		});
	}
	const { names, notice } = uniqueColumnNames(header);
	if (notice) notices.push(notice);
	return { names, columns, notices, delimiter };
}
