// Delimited text read straight from UTF-8 bytes into columns: the same rules as DelimitedParser and
// ColumnSink together (quotes, CRLF / LF / lone CR, empty lines, ragged rows, line numbers), but a
// record's fields are kept as byte ranges until the record ends, so a number never becomes a string
// and a ragged row never touches a column.
import { BenchtopError } from '../../errors.ts';
import { ByteColumn, type ColumnPart } from './byte-column.ts';
import { TextEncodingError } from './read-text.ts';
import type { RaggedRow, RaggedPolicy } from './column-sink.ts';

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** How many ragged rows are named by line in a message; the rest are counted. */
export const LISTED_RAGGED = 5;

/** A field is a plain byte range, the inside of quotes, or (rarely) a string already put together. */
const PLAIN = 0;
const QUOTED = 1;
const BUILT = 2;

/** What one run of the reader over a part of a file found: its columns and what it counted. */
export interface RecordsPart {
	/** The first record, when this part held it (and was asked to look for one). */
	header?: string[];
	columns: ColumnPart[];
	rows: number;
	emptyLines: number;
	ragged: number;
	/** Lines counted from this part's first line, 1-based. */
	firstRagged: RaggedRow[];
	/** Fields with text after their closing quote (`"ab"cd`), and the line of the first (0: none). */
	strayQuotes: number;
	firstStrayQuote: number;
	/** Line breaks in this part, in and out of quotes: where the next part's lines start. */
	lineBreaks: number;
}

/**
 * The line (1-based, as an editor counts them: CRLF, LF or a lone CR ends one) that byte `at` is on.
 * Counted only when a message needs it, so the reading itself never tracks it per byte.
 */
export function lineAt(bytes: Uint8Array, at: number): number {
	let line = 1;
	for (let i = 0; i < at; i++) {
		const c = bytes[i];
		if (c === LF || (c === CR && bytes[i + 1] !== LF)) line++;
	}
	return line;
}

/**
 * UTF-8 bytes to text, with the message the streaming reader gives for bytes that are not UTF-8.
 * `baseOffset`: where the bytes handed in start in the file; 0 means they are the whole file from its
 * first byte, so the message can name the line too (a part read in parallel only says it failed).
 */
export function utf8Text(baseOffset: number): (bytes: Uint8Array, start: number, end: number) => string {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	return (bytes, start, end) => {
		const size = end - start;
		if (size < 48) {
			let ascii = true;
			for (let i = start; i < end; i++) if (bytes[i]! > 127) ascii = false;
			if (ascii) return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
		}
		try {
			return decoder.decode(bytes.subarray(start, end));
		} catch (error) {
			const line = baseOffset === 0 ? ` (line ${lineAt(bytes, start).toLocaleString('en')})` : '';
			throw new TextEncodingError(baseOffset + start, line, error);
		}
	};
}

export class ByteRecordReader {
	private readonly delimiter: number;
	private readonly text: ReturnType<typeof utf8Text>;
	header: string[] | undefined;
	columns: ByteColumn[] = [];
	rows = 0;
	emptyLines = 0;
	ragged = 0;
	readonly firstRagged: RaggedRow[] = [];
	strayQuotes = 0;
	firstStrayQuote = 0;
	private width = 0;
	/** False once an import is bound to fail on ragged rows: from then on rows are counted, not kept. */
	private keeping = true;
	/** The line the next record starts on, 1-based (line breaks inside quotes count). */
	line = 1;
	private starts = new Int32Array(64);
	private ends = new Int32Array(64);
	private kinds = new Uint8Array(64);
	private built: string[] = [];
	/** Stop right after the header: the rest is read in parts, in parallel. */
	headerOnly = false;

	/**
	 * `width` set: the header was read elsewhere (a part after the first), so every record is data.
	 * `baseOffset`: where these bytes sit in the whole file, for messages.
	 */
	constructor(
		delimiter: string,
		private readonly policy: RaggedPolicy,
		width?: number,
		baseOffset = 0
	) {
		this.delimiter = delimiter.charCodeAt(0);
		this.text = utf8Text(baseOffset);
		if (width !== undefined) this.startColumns(width);
	}

	private startColumns(width: number): void {
		this.width = width;
		this.columns = Array.from({ length: width }, () => new ByteColumn(this.text));
	}

	/**
	 * Reads the records in bytes[from, to); returns where it stopped: `to`, or the start of a record
	 * that is not complete yet (when `final` is false, more bytes will follow in the same array).
	 */
	read(bytes: Uint8Array, from: number, to: number, final: boolean): number {
		const delimiter = this.delimiter;
		let i = from;
		while (i < to) {
			const recordStart = i;
			const recordLine = this.line;
			let line = recordLine;
			let count = 0;
			let c = 0;
			// Counted when the record ends: a record read again with more bytes must not count twice.
			let strays = 0;
			let strayLine = 0;
			for (;;) {
				if (count === this.starts.length) this.grow();
				let start = i;
				let end: number;
				let kind = PLAIN;
				if (bytes[i] === QUOTE) {
					const quoteLine = line;
					kind = QUOTED;
					start = ++i;
					let pieces: string[] | undefined;
					for (;;) {
						const quote = bytes.indexOf(QUOTE, i);
						const stop = quote === -1 || quote >= to ? to : quote;
						// CRLF, LF and a lone CR each end a line; the opening quote is before bytes[i].
						for (let k = i; k < stop; k++) {
							const b = bytes[k]!;
							if (b > CR) continue;
							if (b === CR || (b === LF && bytes[k - 1] !== CR)) line++;
						}
						if (stop === to) {
							if (!final) return this.incomplete(recordStart, recordLine);
							throw new BenchtopError(
								'bad-input',
								`A quoted field that starts on line ${quoteLine}, column ${count + 1} is never closed: the file ends inside it. Check that line for a missing or extra ".`
							);
						}
						if (quote + 1 < to && bytes[quote + 1] === QUOTE) {
							// A doubled quote: one literal quote, and the field goes on.
							(pieces ??= []).push(this.text(bytes, start, quote + 1));
							i = start = quote + 2;
							continue;
						}
						if (quote + 1 === to && !final) return this.incomplete(recordStart, recordLine);
						end = quote;
						i = quote + 1;
						break;
					}
					c = i < to ? bytes[i]! : -1;
					const stray = c !== delimiter && c !== LF && c !== CR && c !== -1;
					if (stray && strays++ === 0) strayLine = line;
					if (pieces !== undefined || stray) {
						// Text after a closing quote (`"a"b`) is kept as part of the field, as spreadsheets do.
						const tailStart = i;
						while (i < to && (c = bytes[i]!) !== delimiter && c !== LF && c !== CR) i++;
						if (i === to) {
							if (!final) return this.incomplete(recordStart, recordLine);
							c = -1;
						}
						const head = this.text(bytes, start, end);
						this.built[count] = (pieces ?? []).join('') + head + this.text(bytes, tailStart, i);
						kind = BUILT;
					}
				} else {
					while (i < to && (c = bytes[i]!) !== delimiter && c !== LF && c !== CR) i++;
					end = i;
					if (i === to) {
						if (!final) return this.incomplete(recordStart, recordLine);
						c = -1;
					}
				}
				this.starts[count] = start;
				this.ends[count] = end;
				this.kinds[count++] = kind;
				if (c !== delimiter) break;
				i++;
			}
			// The record ends at a line break, or at the end of the file.
			if (c === CR) {
				if (i + 1 === to && !final) return this.incomplete(recordStart, recordLine);
				i += bytes[i + 1] === LF ? 2 : 1;
			} else if (c === LF) i++;
			this.line = line + 1;
			if (strays > 0) {
				if (this.strayQuotes === 0) this.firstStrayQuote = strayLine;
				this.strayQuotes += strays;
			}
			this.endRecord(bytes, count, recordLine);
			if (this.headerOnly && this.header !== undefined) return i;
		}
		return to;
	}

	/** Stops before a record the bytes read so far do not hold whole; it is read again with more. */
	private incomplete(recordStart: number, recordLine: number): number {
		this.line = recordLine;
		return recordStart;
	}

	private grow(): void {
		const size = this.starts.length * 2;
		const starts = new Int32Array(size);
		starts.set(this.starts);
		this.starts = starts;
		const ends = new Int32Array(size);
		ends.set(this.ends);
		this.ends = ends;
		const kinds = new Uint8Array(size);
		kinds.set(this.kinds);
		this.kinds = kinds;
	}

	private endRecord(bytes: Uint8Array, count: number, line: number): void {
		if (count === 1 && this.kinds[0] === PLAIN && this.isBlank(bytes)) {
			this.emptyLines++;
			return;
		}
		if (this.header === undefined && this.width === 0) {
			this.header = Array.from({ length: count }, (_, j) => this.fieldText(bytes, j));
			this.startColumns(count);
			return;
		}
		const width = this.width;
		if (count === width) {
			this.rows++;
			if (this.keeping) for (let j = 0; j < count; j++) this.pushField(bytes, j);
			return;
		}
		this.ragged++;
		if (this.firstRagged.length < LISTED_RAGGED) this.firstRagged.push({ line, fields: count });
		if (!this.keeping) return;
		if (this.policy === 'pad') {
			// Short rows get missing values; long rows lose their extra fields (the notice says so).
			const kept = Math.min(count, width);
			for (let j = 0; j < kept; j++) this.pushField(bytes, j);
			for (let j = kept; j < width; j++) this.columns[j]!.pushBytes(bytes, 0, 0);
			this.rows++;
		} else if (this.policy === 'error') {
			this.keeping = false;
			this.columns = [];
		}
	}

	/** An empty line: one unquoted field of nothing but white space. */
	private isBlank(bytes: Uint8Array): boolean {
		const start = this.starts[0]!;
		const end = this.ends[0]!;
		if (start === end) return true;
		if (bytes[start]! > 32) return false;
		return this.text(bytes, start, end).trim() === '';
	}

	private pushField(bytes: Uint8Array, j: number): void {
		if (this.kinds[j] === BUILT) this.columns[j]!.push(this.built[j]!);
		else this.columns[j]!.pushBytes(bytes, this.starts[j]!, this.ends[j]!);
	}

	private fieldText(bytes: Uint8Array, j: number): string {
		return this.kinds[j] === BUILT ? this.built[j]! : this.text(bytes, this.starts[j]!, this.ends[j]!);
	}

	/** What was read, as plain data; `lineBreaks` says how many lines the next part starts after. */
	part(): RecordsPart {
		return {
			header: this.header,
			columns: this.columns.map((column) => column.part()),
			rows: this.rows,
			emptyLines: this.emptyLines,
			ragged: this.ragged,
			firstRagged: this.firstRagged,
			strayQuotes: this.strayQuotes,
			firstStrayQuote: this.firstStrayQuote,
			lineBreaks: this.line - 1
		};
	}
}
