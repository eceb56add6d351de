// A column whose values have all been numbers (or missing) so far, kept as doubles rather than strings,
// with each value's text still exactly rebuildable (a later word, or a person who wants it as text).
import { INFINITY, isUnsafeInteger } from '../infer-column-type.ts';
import { isMissingTrimmed, trimmed } from '../missing-values.ts';
import type { RawColumn } from './raw-table.ts';

/** `places` codes: the value is missing, or its text is kept verbatim because toFixed cannot rebuild it. */
const MISSING = 255;
const VERBATIM = 254;
/**
 * Up to 15 digits, a decimal's digits fit a double exactly, so digits / 10^places is the correctly
 * rounded value (what Number() gives), and toFixed(places) writes the same text back.
 */
const MAX_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: MAX_DIGITS + 1 }, (_, i) => 10 ** i);
const FIRST_CAPACITY = 4096;

/** Text of a byte range, for the values that are not plain decimals. */
export type TextOf = (bytes: Uint8Array, start: number, end: number) => string;

const ZERO = 48;
const NINE = 57;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;

export interface NumericData {
	values: Float64Array;
	places: Uint8Array;
	verbatimRows: number[];
	verbatimTexts: string[];
	integer: boolean;
	present: number;
	lost: number;
}

export class NumericColumn {
	length = 0;
	/** Whether every present value is written as a whole number. */
	integer = true;
	present = 0;
	/** Numbers too large for a double (1e999): present, typed, but lost. */
	lost = 0;
	private values = new Float64Array(FIRST_CAPACITY);
	/** Digits after the decimal point, for rebuilding the text with toFixed; or MISSING, VERBATIM. */
	private places = new Uint8Array(FIRST_CAPACITY);
	private verbatimRows: number[] = [];
	private verbatimTexts: string[] = [];

	/**
	 * Adds a value; false (and nothing added) when it is not a number, so the column must be text. The
	 * grammar is inferColumnType's: [+-] digits [. digits] [e [+-] digits], or [+-] . digits; no "0123".
	 */
	push(raw: string): boolean {
		const value = trimmed(raw);
		if (isMissingTrimmed(value)) {
			this.append(Number.NaN, raw === '' ? MISSING : VERBATIM, raw);
			return true;
		}
		// Only a value ending in f or y can be inf or Infinity: the hot path of digits skips the pattern.
		const last = value.charCodeAt(value.length - 1) | 32;
		if ((last === 102 || last === 121) && INFINITY.test(value)) {
			// inf, -Infinity: a number, if not a finite one (the training checks refuse it as a target).
			this.present++;
			this.integer = false;
			this.append(value.startsWith('-') ? -Infinity : Infinity, VERBATIM, raw);
			return true;
		}
		const n = value.length;
		let i = 0;
		let c = value.charCodeAt(0);
		const signed = c === PLUS || c === MINUS;
		if (signed) c = value.charCodeAt(++i);
		const wholeStart = i;
		let digits = 0;
		while (c >= ZERO && c <= NINE) {
			digits = digits * 10 + (c - ZERO);
			c = value.charCodeAt(++i);
		}
		const wholeDigits = i - wholeStart;
		if (wholeDigits > 1 && value.charCodeAt(wholeStart) === ZERO) return false;
		let places = -1;
		if (c === DOT) {
			const fractionStart = ++i;
			c = value.charCodeAt(i);
			while (c >= ZERO && c <= NINE) {
				digits = digits * 10 + (c - ZERO);
				c = value.charCodeAt(++i);
			}
			places = i - fractionStart;
		}
		if (wholeDigits === 0 && places <= 0) return false;
		let exponent = false;
		if (c === 101 || c === 69 /* e E */) {
			exponent = true;
			c = value.charCodeAt(++i);
			if (c === PLUS || c === MINUS) c = value.charCodeAt(++i);
			const exponentStart = i;
			while (c >= ZERO && c <= NINE) c = value.charCodeAt(++i);
			if (i === exponentStart) return false;
		}
		if (i !== n) return false;
		// A whole number too long for a double to hold exactly is an ID: text (the column's type says so).
		if (places === -1 && !exponent && wholeDigits > MAX_DIGITS && isUnsafeInteger(value)) return false;

		this.present++;
		if (places !== -1 || exponent) this.integer = false;
		const negative = value.charCodeAt(0) === MINUS;
		// "5." ".5" "+5" "-0" " 5" "1e3": numbers whose text toFixed would write differently.
		const exact =
			!exponent &&
			value === raw &&
			places !== 0 &&
			wholeDigits > 0 &&
			(!signed || negative) &&
			wholeDigits + Math.max(places, 0) <= MAX_DIGITS &&
			!(negative && digits === 0);
		if (exact) {
			const scale = places === -1 ? 0 : places;
			this.append((negative ? -digits : digits) / POWERS_OF_TEN[scale]!, scale, raw);
			return true;
		}
		const number = Number(value);
		if (!Number.isFinite(number)) this.lost++;
		this.append(Number.isFinite(number) ? number : Number.NaN, VERBATIM, raw);
		return true;
	}

	/**
	 * Adds a value from UTF-8 bytes: plain decimals ("-12.50", "7") are read from the bytes, with no
	 * string made; everything else (spaces, signs, exponents, missing spellings) goes through push.
	 */
	pushBytes(bytes: Uint8Array, start: number, end: number, decode: TextOf): boolean {
		if (start === end) {
			this.append(Number.NaN, MISSING, '');
			return true;
		}
		let i = start;
		let c = bytes[i]!;
		const negative = c === MINUS;
		if (negative) c = bytes[++i] ?? 0;
		const wholeStart = i;
		let digits = 0;
		while (c >= ZERO && c <= NINE && i < end) {
			digits = digits * 10 + (c - ZERO);
			c = ++i < end ? bytes[i]! : 0;
		}
		const wholeDigits = i - wholeStart;
		let places = 0;
		if (c === DOT && i < end) {
			const fractionStart = ++i;
			c = i < end ? bytes[i]! : 0;
			while (c >= ZERO && c <= NINE && i < end) {
				digits = digits * 10 + (c - ZERO);
				c = ++i < end ? bytes[i]! : 0;
			}
			places = i - fractionStart;
			if (places === 0) return this.push(decode(bytes, start, end));
		}
		// Anything but a plain decimal, a leading zero ("0123": text), -0, or more digits than a double
		// holds exactly takes the general path, which decides exactly as for text.
		if (
			i !== end ||
			wholeDigits === 0 ||
			(wholeDigits > 1 && bytes[wholeStart] === ZERO) ||
			wholeDigits + places > MAX_DIGITS ||
			(negative && digits === 0)
		)
			return this.push(decode(bytes, start, end));
		this.present++;
		if (places > 0) this.integer = false;
		this.append((negative ? -digits : digits) / POWERS_OF_TEN[places]!, places, '');
		return true;
	}

	private append(number: number, places: number, raw: string): void {
		if (this.length === this.values.length) {
			const values = new Float64Array(this.length * 2);
			values.set(this.values);
			this.values = values;
			const grown = new Uint8Array(this.length * 2);
			grown.set(this.places);
			this.places = grown;
		}
		if (places === VERBATIM) {
			this.verbatimRows.push(this.length);
			this.verbatimTexts.push(raw);
		}
		this.values[this.length] = number;
		this.places[this.length++] = places;
	}

	pop(): void {
		if (this.length === 0) return;
		const last = --this.length;
		const places = this.places[last]!;
		if (places === MISSING) return;
		if (places === VERBATIM && this.verbatimRows.at(-1) === last) {
			this.verbatimRows.pop();
			if (isMissingTrimmed(trimmed(this.verbatimTexts.pop()!))) return;
		}
		this.present--;
		if (Number.isNaN(this.values[last])) this.lost--;
		// `integer` cannot be taken back; a dropped "1.5" may leave a whole-number column typed as number.
	}

	/** The column as plain data (typed arrays and strings), to send from a parse worker. */
	toData(): NumericData {
		return {
			values: this.values.subarray(0, this.length),
			places: this.places.subarray(0, this.length),
			verbatimRows: this.verbatimRows,
			verbatimTexts: this.verbatimTexts,
			integer: this.integer,
			present: this.present,
			lost: this.lost
		};
	}

	static fromData(data: NumericData): NumericColumn {
		const column = new NumericColumn();
		column.appendData(data);
		return column;
	}

	/** Appends another part of the same column (the rows after these), as if pushed value by value. */
	appendData(data: NumericData): void {
		const size = data.values.length;
		const needed = this.length + size;
		if (needed > this.values.length) {
			const capacity = Math.max(needed, this.values.length * 2);
			const values = new Float64Array(capacity);
			values.set(this.values.subarray(0, this.length));
			this.values = values;
			const places = new Uint8Array(capacity);
			places.set(this.places.subarray(0, this.length));
			this.places = places;
		}
		this.values.set(data.values, this.length);
		this.places.set(data.places, this.length);
		for (let k = 0; k < data.verbatimRows.length; k++) {
			this.verbatimRows.push(data.verbatimRows[k]! + this.length);
			this.verbatimTexts.push(data.verbatimTexts[k]!);
		}
		this.length = needed;
		this.integer &&= data.integer;
		this.present += data.present;
		this.lost += data.lost;
	}

	/** Every value's text, exactly as it was written (a missing value as written, or empty). */
	materialize(): string[] {
		const out = new Array<string>(this.length);
		let verbatim = 0;
		for (let i = 0; i < this.length; i++) {
			const places = this.places[i]!;
			if (places === MISSING) out[i] = '';
			else if (places === VERBATIM) out[i] = this.verbatimTexts[verbatim++]!;
			else out[i] = this.values[i]!.toFixed(places);
		}
		return out;
	}

	finish(): RawColumn {
		return {
			kind: 'numeric',
			values: this.values.subarray(0, this.length),
			integer: this.integer,
			present: this.present,
			lost: this.lost,
			text: () => this.materialize()
		};
	}
}
