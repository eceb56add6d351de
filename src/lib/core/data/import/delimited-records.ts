// A streaming state machine for delimited text (RFC 4180 and the real world around it): quoted fields
// with delimiters, doubled quotes and line breaks; CRLF, LF or lone CR. Text arrives in chunks of any
// size, a record may span chunks, and each record is handed on with the line it started on.
import { BenchtopError } from '../../errors.ts';

const QUOTE = 34;
const LF = 10;
const CR = 13;

export type RecordSink = (fields: string[], line: number) => void;

export class DelimitedRecords {
	private readonly delimiter: number;
	private row: string[] = [];
	/** Pieces of the current field when it spans chunks or holds escaped quotes. */
	private parts: string[] = [];
	private inQuotes = false;
	/** Just saw a quote inside a quoted field: a second quote means a literal one, else it closed. */
	private quoteJustClosed = false;
	private fieldWasQuoted = false;
	private skipLeadingLf = false;
	private line = 1;
	private recordLine = 1;
	private quoteLine = 0;
	emptyLines = 0;

	constructor(
		delimiter: string,
		private readonly sink: RecordSink
	) {
		if (delimiter.length !== 1)
			throw new BenchtopError('bad-input', `The delimiter must be one character, not “${delimiter}”.`);
		this.delimiter = delimiter.charCodeAt(0);
	}

	push(text: string): void {
		const n = text.length;
		let start = 0;
		let i = 0;
		if (this.skipLeadingLf && text.charCodeAt(0) === LF) start = i = 1;
		this.skipLeadingLf = false;
		for (; i < n; i++) {
			const c = text.charCodeAt(i);
			if (this.inQuotes) {
				if (c === QUOTE) {
					this.parts.push(text.slice(start, i));
					this.inQuotes = false;
					this.quoteJustClosed = true;
					start = i + 1;
				} else if (c === LF) {
					this.line++;
				}
				continue;
			}
			if (this.quoteJustClosed) {
				this.quoteJustClosed = false;
				if (c === QUOTE) {
					this.parts.push('"');
					this.inQuotes = true;
					start = i + 1;
					continue;
				}
			}
			if (c === this.delimiter) {
				this.endField(text, start, i);
				start = i + 1;
			} else if (c === LF || c === CR) {
				this.endField(text, start, i);
				this.endRecord();
				if (c === CR) {
					if (i + 1 < n) {
						if (text.charCodeAt(i + 1) === LF) i++;
					} else {
						this.skipLeadingLf = true;
					}
				}
				this.line++;
				this.recordLine = this.line;
				start = i + 1;
			} else if (c === QUOTE && i === start && this.parts.length === 0 && !this.fieldWasQuoted) {
				this.inQuotes = true;
				this.fieldWasQuoted = true;
				this.quoteLine = this.line;
				start = i + 1;
			}
		}
		if (start < n) this.parts.push(text.slice(start));
	}

	finish(): void {
		if (this.inQuotes) {
			throw new BenchtopError(
				'bad-input',
				`A quoted field that starts on line ${this.quoteLine} is never closed: the file ends inside quotes. Check for a missing " on that line.`
			);
		}
		if (this.row.length > 0 || this.parts.length > 0 || this.fieldWasQuoted) {
			this.endField('', 0, 0);
			this.endRecord();
		}
	}

	private endField(text: string, start: number, end: number): void {
		const tail = text.slice(start, end);
		this.row.push(this.parts.length === 0 ? tail : this.parts.join('') + tail);
		this.parts = [];
		this.fieldWasQuoted = false;
	}

	private endRecord(): void {
		const row = this.row;
		this.row = [];
		// A line of nothing but spaces is an empty line, not a row with one blank value.
		if (row.length === 1 && row[0]!.trim() === '') {
			this.emptyLines++;
			return;
		}
		this.sink(row, this.recordLine);
	}
}
