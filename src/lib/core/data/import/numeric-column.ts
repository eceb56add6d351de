// A column whose values have all been numbers (or missing) so far, kept as doubles rather than strings,
// with each value's text still exactly rebuildable (a later word, or a person who wants it as text).
import { INFINITY } from '../infer-column-type.ts';
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

const ZERO = 48;
const NINE = 57;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;

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
