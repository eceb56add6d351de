// A streaming state machine for delimited text (RFC 4180 and the real world around it), fed chunks of
// any size; fields go to a sink one by one, so no row array is ever built here.
import { BenchtopError } from '../../errors.ts';

export interface FieldSink {
	/** `quoted` tells an empty line (one empty, unquoted field) from a row holding one empty string. */
	field(value: string, quoted: boolean): void;
	/** The record that just ended started on `line` (1-based, counting line breaks inside quotes). */
	endRecord(line: number): void;
	/** A field on `line` goes on after its closing quote (`"ab"cd`): read as one value, its quotes dropped. */
	strayQuote?(line: number): void;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Just saw a quote inside a quoted field: a second one is a literal quote, anything else closes it. */
const QUOTE_SEEN = 3;

/**
 * Quoted fields may hold delimiters, doubled quotes and line breaks; lines end with CRLF, LF or a lone
 * CR; a field may span chunks.
 */
export class DelimitedParser {
	private readonly delimiter: number;
	private state = FIELD_START;
	/** Pieces of the current field when it spans chunks or holds escaped quotes; usually empty. */
	private readonly parts: string[] = [];
	private quoted = false;
	/** A chunk ended on CR: a LF at the start of the next one belongs to the same line break. */
	private pendingCr = false;
	/** The last character of the text before: a quoted CRLF may be cut between two chunks. */
	private lastChar = 0;
	private line: number;
	private recordLine: number;
	private fieldsInRecord = 0;
	private quoteLine = 0;
	private quoteField = 0;

	/** `firstLine`: the line the text starts on, when lines before it were read apart. */
	constructor(
		delimiter: string,
		private readonly sink: FieldSink,
		firstLine = 1
	) {
		this.line = this.recordLine = firstLine;
		if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r')
			throw new BenchtopError(
				'bad-input',
				`The delimiter must be one character other than a quote or a line break, not “${delimiter}”.`
			);
		this.delimiter = delimiter.charCodeAt(0);
	}

	push(text: string): void {
		const n = text.length;
		const delimiter = this.delimiter;
		let state = this.state;
		let line = this.line;
		let i = 0;
		if (this.pendingCr && n > 0) {
			this.pendingCr = false;
			if (text.charCodeAt(0) === LF) i = 1;
		}
		let start = i;

		while (i < n) {
			if (state === QUOTED) {
				const quote = text.indexOf('"', i);
				const end = quote === -1 ? n : quote;
				// Counted within the field only: searching on past it would make wide quoted rows quadratic.
				// CRLF, LF and a lone CR each end a line, as in an editor.
				for (let k = i; k < end; k++) {
					const c = text.charCodeAt(k);
					if (c > CR) continue;
					if (c === CR || (c === LF && (k === 0 ? this.lastChar : text.charCodeAt(k - 1)) !== CR)) line++;
				}
				if (quote === -1) break;
				this.parts.push(text.slice(start, quote));
				i = start = quote + 1;
				state = QUOTE_SEEN;
				continue;
			}
			let c = text.charCodeAt(i);
			if (state === QUOTE_SEEN) {
				if (c === QUOTE) {
					// The second quote of a pair starts the next piece, so it is kept as one literal quote.
					start = i++;
					state = QUOTED;
					continue;
				}
				// Text after a closing quote (`"a"b`) is kept as part of the field, as spreadsheets do.
				if (c !== delimiter && c !== LF && c !== CR) this.sink.strayQuote?.(line);
				state = UNQUOTED;
			} else if (state === FIELD_START) {
				if (c === QUOTE) {
					state = QUOTED;
					this.quoted = true;
					this.quoteLine = line;
					this.quoteField = this.fieldsInRecord + 1;
					i = start = i + 1;
					continue;
				}
				state = UNQUOTED;
			}
			// The hot loop: most fields are short and unquoted, and end at a delimiter or a line break.
			while (c !== delimiter && c !== LF && c !== CR) {
				if (++i === n) break;
				c = text.charCodeAt(i);
			}
			if (i === n) break;
			const tail = text.slice(start, i);
			this.sink.field(this.parts.length === 0 ? tail : this.joinParts(tail), this.quoted);
			this.quoted = false;
			state = FIELD_START;
			if (c === delimiter) {
				this.fieldsInRecord++;
			} else {
				this.fieldsInRecord = 0;
				this.sink.endRecord(this.recordLine);
				if (c === CR) {
					if (i + 1 === n) this.pendingCr = true;
					else if (text.charCodeAt(i + 1) === LF) i++;
				}
				this.recordLine = ++line;
			}
			start = ++i;
		}

		if (start < n && (state === UNQUOTED || state === QUOTED)) this.parts.push(text.slice(start));
		if (n > 0) this.lastChar = text.charCodeAt(n - 1);
		this.state = state;
		this.line = line;
	}

	/** The field from its pieces, joined once (never character by character); usually a single piece. */
	private joinParts(tail: string): string {
		const parts = this.parts;
		let value: string;
		if (parts.length === 1 && tail === '') value = parts[0]!;
		else {
			if (tail !== '') parts.push(tail);
			value = parts.join('');
		}
		parts.length = 0;
		return value;
	}

	/** Ends the last record when the text does not end with a line break. */
	finish(): void {
		if (this.state === QUOTED) {
			throw new BenchtopError(
				'bad-input',
				`A quoted field that starts on line ${this.quoteLine}, column ${this.quoteField} is never closed: the file ends inside it. Check that line for a missing or extra ".`
			);
		}
		if (this.state !== FIELD_START || this.fieldsInRecord > 0) {
			this.sink.field(this.joinParts(''), this.quoted);
			this.quoted = false;
			this.sink.endRecord(this.recordLine);
		}
		this.state = FIELD_START;
		this.fieldsInRecord = 0;
	}
}
