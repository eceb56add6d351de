// One column's text as it is parsed, kept compactly: dictionary-encoded while it repeats a few values,
// then as numbers if every value has been one, else as one string per row.
import { NumericColumn } from './numeric-column.ts';
import { numericFromCodes, withCode } from './dictionary-codes.ts';
import type { RawColumn } from './raw-table.ts';

/** Past this many distinct values a dictionary stops paying off; it must also fit 16-bit codes. */
const MAX_DICTIONARY = 4096;
const FIRST_CAPACITY = 64;

/**
 * Most columns repeat a few values (labels, dates, small numbers): a code per row and each distinct
 * string once keeps memory near the column's information, and typing looks at each distinct value once.
 */
export class ColumnBuilder {
	length = 0;
	private dictionary: Map<string, number> | undefined = new Map();
	private entries: string[] = [];
	private codes = new Uint16Array(FIRST_CAPACITY);
	private numeric: NumericColumn | undefined;
	private strings: string[] | undefined;

	push(value: string): void {
		const dictionary = this.dictionary;
		if (dictionary === undefined) {
			this.length++;
			if (this.numeric === undefined) this.strings!.push(value);
			else if (!this.numeric.push(value)) {
				this.strings = this.numeric.materialize();
				this.strings.push(value);
				this.numeric = undefined;
			}
			return;
		}
		let code = dictionary.get(value);
		if (code === undefined) {
			if (this.entries.length === MAX_DICTIONARY) {
				this.leaveDictionary(value);
				return;
			}
			code = this.entries.length;
			dictionary.set(value, code);
			this.entries.push(value);
		}
		this.codes = withCode(this.codes, this.length++, code);
	}

	/** Too many distinct values for a dictionary: numbers if every value so far is one, else strings. */
	private leaveDictionary(value: string): void {
		const numeric = numericFromCodes(this.entries, this.codes, this.length, value);
		if (numeric) this.numeric = numeric;
		else {
			this.strings = this.materialize();
			this.strings.push(value);
		}
		this.length++;
		this.dictionary = undefined;
		this.entries = [];
		this.codes = new Uint16Array(0);
	}

	/** Takes back the last value (a row that turned out to have the wrong number of fields). */
	pop(): void {
		if (this.length === 0) return;
		this.length--;
		this.strings?.pop();
		this.numeric?.pop();
	}

	/** The values, one string per row; for tests and for callers that want plain text. */
	materialize(): string[] {
		if (this.numeric) return this.numeric.materialize();
		if (this.strings) return this.strings.slice(0, this.length);
		const out = new Array<string>(this.length);
		for (let i = 0; i < this.length; i++) out[i] = this.entries[this.codes[i]!]!;
		return out;
	}

	finish(): RawColumn {
		if (this.numeric) return this.numeric.finish();
		if (this.strings) return { kind: 'text', values: this.strings };
		return { kind: 'dictionary', codes: this.codes.subarray(0, this.length), entries: this.entries };
	}
}
