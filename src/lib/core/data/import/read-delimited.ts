// Reads CSV/TSV into one array of strings per column (never an array of rows), handling ragged rows
// as the person chose, reporting progress per chunk and stopping when cancelled. UTF-8 files are read
// from their bytes (numbers never become strings), in parallel parts when a runner is given; other
// encodings are decoded to text first.
import { BenchtopError } from '../../errors.ts';
import { joinColumnParts } from './byte-column.ts';
import { ByteRecordReader } from './byte-records.ts';
import { abortIfCancelled } from './cancel.ts';
import { ColumnSink, type RaggedPolicy, type RaggedRow } from './column-sink.ts';
import { DelimitedParser } from './delimited-parser.ts';
import { excelSepLine, sepLineNotice } from './excel-sep-line.ts';
import type { ImportNotice, ImportOptions } from './import-types.ts';
import { joinParts, partStarts, type PartTask } from './parallel-parse.ts';
import type { RawColumn, RawTable } from './raw-table.ts';
import {
	chooseEncoding,
	EMPTY_FILE_MESSAGE,
	type Encoding,
	firstNonAscii,
	readText,
	startsInvalidUtf8,
	TextEncodingError,
	totalBytes
} from './read-text.ts';
import { sniffDelimiter } from './sniff-delimiter.ts';

/** The start of a text the delimiter is guessed from. */
export const SNIFF_CHARS = 64 * 1024;
/** Bytes parsed between progress reports and cancel checks. */
const SLICE_BYTES = 1 << 20;
/** Bytes read from a Blob at a time. */
const READ_BYTES = 8 << 20;
/** Below this callers read a file in one go: starting workers would cost more than they save. */
export const PARALLEL_MIN_BYTES = 8 << 20;

/** What reading a delimited file collected, whichever way it was read. */
export interface CollectedRecords {
	header?: string[];
	rows: number;
	emptyLines: number;
	ragged: number;
	firstRagged: RaggedRow[];
	/** Fields with text after their closing quote (`"ab"cd`), and the line of the first (0: none). */
	strayQuotes: number;
	firstStrayQuote: number;
	/** Asked for only when the import goes on (not when ragged rows stop it). */
	columns: () => RawColumn[];
}

export async function readDelimited(
	source: Blob | Uint8Array | string,
	options: ImportOptions,
	tsv = false
): Promise<RawTable> {
	if (typeof source !== 'string') {
		const head =
			source instanceof Uint8Array
				? source.subarray(0, SNIFF_CHARS)
				: await blobBytes(source, 0, SNIFF_CHARS);
		if (head.length > 0 && chooseEncoding(head) === 'utf-8') {
			try {
				return await readDelimitedBytes(source, options, tsv);
			} catch (error) {
				if (!(error instanceof TextEncodingError && (await isLateWindows1252(source)))) throw error;
			}
			return readDelimitedText(source, options, tsv, 'windows-1252');
		}
	}
	return readDelimitedText(source, options, tsv);
}

/**
 * Whether a file that began as UTF-8 is Windows-1252 after all: no byte-order mark, and its first byte
 * above 127 (past the start that chose the encoding) is not UTF-8, so all before it was ASCII.
 */
async function isLateWindows1252(source: Blob | Uint8Array): Promise<boolean> {
	const total = totalBytes(source);
	for (let offset = 0; offset < total; offset += READ_BYTES) {
		const end = Math.min(total, offset + READ_BYTES);
		// A character cut by the piece's end is judged with the bytes after it.
		const piece =
			source instanceof Uint8Array
				? source.subarray(offset, Math.min(total, end + 3))
				: await blobBytes(source, offset, Math.min(total, end + 3));
		const at = firstNonAscii(piece.subarray(0, end - offset));
		if (at === -1) continue;
		// A byte-order mark is valid UTF-8 there, so a marked file is never taken for Windows-1252.
		return startsInvalidUtf8(piece, at, offset + piece.length === total);
	}
	return false;
}

async function blobBytes(blob: Blob, start: number, end: number): Promise<Uint8Array> {
	return new Uint8Array(await blob.slice(start, end).arrayBuffer());
}

/** How a delimited text begins: its delimiter, and Excel's "sep=" line when it has one (skipped, with a note). */
export interface DelimitedStart {
	delimiter: string;
	/** Characters (and bytes: Excel's line is ASCII) before the header. */
	skip: number;
	/** The line the header is on. */
	firstLine: number;
	notices: ImportNotice[];
}

/**
 * The delimiter as asked, or as Excel's first line names it, or guessed from the start of the text
 * (`whole`: that start is the whole file); refused when it cannot work.
 */
export function delimitedStart(
	options: Pick<ImportOptions, 'delimiter'>,
	tsv: boolean,
	text: string,
	whole: boolean
): DelimitedStart {
	const sepLine = excelSepLine(text);
	const delimiter =
		options.delimiter ??
		sepLine?.delimiter ??
		(tsv ? '\t' : sniffDelimiter(text.slice(0, SNIFF_CHARS), whole));
	// The text parser's checks (one character, not a quote or line break) and message.
	new DelimitedParser(delimiter, { field() {}, endRecord() {} });
	if (!sepLine) return { delimiter, skip: 0, firstLine: 1, notices: [] };
	return { delimiter, skip: sepLine.length, firstLine: 2, notices: [sepLineNotice(sepLine, delimiter)] };
}

/** A UTF-8 file from its bytes: read piece by piece with progress, or in parallel parts. */
async function readDelimitedBytes(
	source: Blob | Uint8Array,
	options: ImportOptions,
	tsv: boolean
): Promise<RawTable> {
	const policy = options.raggedRows ?? 'error';
	const total = totalBytes(source);
	const bytes = source instanceof Uint8Array ? source : new Uint8Array(total);
	let filled = source instanceof Uint8Array ? total : 0;
	/** `report`: say how much is read (when the parse waits for the whole file, to read it in parts). */
	const fill = async (upTo: number, report = false) => {
		while (filled < upTo) {
			// Read ahead in big pieces: each read of a Blob is a trip to the browser's file thread.
			abortIfCancelled(options.signal);
			const piece = await blobBytes(source as Blob, filled, Math.min(total, filled + READ_BYTES));
			bytes.set(piece, filled);
			filled += piece.length;
			if (report) progress(filled, 0);
		}
	};
	await fill(Math.min(total, SNIFF_CHARS));
	const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	const sample = new TextDecoder().decode(bytes.subarray(bom, Math.min(total, SNIFF_CHARS)));
	const { delimiter, skip, firstLine, notices } = delimitedStart(options, tsv, sample, total <= SNIFF_CHARS);
	/** Where the records start: after the byte-order mark and Excel's line. */
	const start = bom + skip;
	const progress = (at: number, rows: number) => {
		abortIfCancelled(options.signal);
		options.onProgress?.({ bytesRead: at, totalBytes: total, rows, phase: 'reading' });
	};

	if (options.parseParts && (options.parallelParts ?? 0) > 1) {
		await fill(total, true);
		const parallel = await readInParts(bytes, start, firstLine, delimiter, policy, options);
		if (parallel) {
			progress(total, parallel.rows);
			return delimitedTable(parallel, delimiter, policy, notices);
		}
	}

	const reader = new ByteRecordReader(delimiter, policy);
	reader.line = firstLine;
	let at = start;
	let to = start;
	while (to < total) {
		// The window always grows, so a record longer than a slice is read again whole, not forever.
		to = Math.min(total, to + SLICE_BYTES);
		await fill(to);
		at = reader.read(bytes, at, to, to === total);
		progress(to, reader.rows);
	}
	const part = reader.part();
	return delimitedTable(
		{ ...part, columns: () => part.columns.map((column) => joinColumnParts([column])) },
		delimiter,
		policy,
		notices
	);
}

/**
 * The records after the header, read in parts by the runner the caller gave (its workers); undefined
 * when a part did not start on a record (a quoted line break at a split), so the file is read in one go.
 */
async function readInParts(
	bytes: Uint8Array,
	start: number,
	firstLine: number,
	delimiter: string,
	policy: RaggedPolicy,
	options: ImportOptions
): Promise<CollectedRecords | undefined> {
	const header = new ByteRecordReader(delimiter, policy);
	header.headerOnly = true;
	header.line = firstLine;
	const bodyStart = header.read(bytes, start, bytes.length, true);
	const head = header.part();
	if (head.header === undefined || bodyStart >= bytes.length) return undefined;
	const starts = partStarts(bytes, bodyStart, bytes.length, options.parallelParts!);
	const tasks: PartTask[] = starts.map((start, k) => {
		const end = starts[k + 1] ?? bytes.length;
		return {
			bytes: bytes.slice(start, end),
			offset: start,
			delimiter,
			policy,
			width: head.header!.length,
			last: end === bytes.length
		};
	});
	const results = await options.parseParts!(tasks);
	abortIfCancelled(options.signal);
	if (!results.every((result) => result.complete)) return undefined;
	return joinParts(
		head,
		results.map((result) => result.records),
		policy
	);
}

/** Any other encoding: decoded to text chunk by chunk, then parsed as text. */
async function readDelimitedText(
	source: Blob | Uint8Array | string,
	options: ImportOptions,
	tsv: boolean,
	encoding?: Encoding
): Promise<RawTable> {
	const policy = options.raggedRows ?? 'error';
	const notices: ImportNotice[] = [];
	const sink = new ColumnSink(policy);
	const total = totalBytes(source);
	let delimiter: string | undefined;
	let parser: DelimitedParser | undefined;
	const chunks = readText(source, { signal: options.signal, encoding, onNotice: (n) => notices.push(n) });
	for await (const chunk of chunks) {
		let text = chunk.text;
		if (!parser) {
			const begin = delimitedStart(options, tsv, text, chunk.bytesRead === total);
			delimiter = begin.delimiter;
			notices.push(...begin.notices);
			text = text.slice(begin.skip);
			parser = new DelimitedParser(delimiter, sink, begin.firstLine);
		}
		parser.push(text);
		abortIfCancelled(options.signal);
		options.onProgress?.({
			bytesRead: chunk.bytesRead,
			totalBytes: total,
			rows: sink.rows,
			phase: 'reading'
		});
	}
	parser?.finish();
	return delimitedTable(sinkRecords(sink), delimiter ?? ',', policy, notices);
}

/** What a text parse's sink collected, in the shape every way of reading gives. */
export function sinkRecords(sink: ColumnSink): CollectedRecords {
	return {
		header: sink.header,
		rows: sink.rows,
		emptyLines: sink.emptyLines,
		ragged: sink.ragged,
		firstRagged: sink.firstRagged,
		strayQuotes: sink.strayQuotes,
		firstStrayQuote: sink.firstStrayQuote,
		columns: () => sink.columns.map((column) => column.finish())
	};
}

/** The columns a sink collected, or the error that stops the import; shared with the synchronous parse. */
export function delimitedTable(
	sink: CollectedRecords,
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
	if (sink.strayQuotes > 0) notices.push(strayQuoteNotice(sink.strayQuotes, sink.firstStrayQuote));
	if (sink.emptyLines > 0) {
		const lines =
			sink.emptyLines === 1 ? '1 empty line was' : `${sink.emptyLines.toLocaleString('en')} empty lines were`;
		notices.push({ kind: 'dropped-empty-lines', message: `${lines} ignored.` });
	}
	return {
		names: header,
		columns: sink.columns(),
		rows: sink.rows,
		notices,
		delimiter
	};
}

/** Quotes a spreadsheet dropped without a word: said, since a value may have lost the quotes it meant to hold. */
function strayQuoteNotice(count: number, firstLine: number): ImportNotice {
	const line = firstLine.toLocaleString('en');
	const what =
		count === 1
			? `A field on line ${line} goes on after its closing quote (like "ab"cd): it was read as one value without those quotes.`
			: `${count.toLocaleString('en')} fields go on after their closing quote (like "ab"cd), the first on line ${line}: each was read as one value without those quotes.`;
	return {
		kind: 'stray-quotes',
		message: `${what} To keep a quote inside a value, quote the whole value and double the quote ("a""b").`
	};
}

/** "12 rows have a different number of fields than the header (5): lines 4, 9, 17, …" */
function raggedSummary(count: number, first: RaggedRow[], width: number): string {
	const lines = first.map((r) => r.line).join(', ');
	const where = count > first.length ? `lines ${lines}, …` : `line${first.length > 1 ? 's' : ''} ${lines}.`;
	const rows = count === 1 ? '1 row has' : `${count.toLocaleString('en')} rows have`;
	return `${rows} a different number of fields than the header (${width}): ${where}`;
}
