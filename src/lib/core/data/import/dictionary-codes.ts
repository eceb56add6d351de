// The two dictionary column builders (text cells in column-builder.ts, UTF-8 bytes in byte-column.ts) keep
// each row as a code into the values seen so far; these are the pieces they share: appending a code to a
// growing array, and, when a column has too many distinct values for a dictionary, whether every value so
// far is a number (then the column goes on as numbers, else as strings).
import { NumericColumn } from './numeric-column.ts';

/** `codes` with `code` at `length`, grown (doubled) when full; the caller keeps the array returned. */
export function withCode(
	codes: Uint16Array<ArrayBuffer>,
	length: number,
	code: number
): Uint16Array<ArrayBuffer> {
	let out = codes;
	if (length === out.length) {
		out = new Uint16Array(Math.max(16, out.length * 2));
		out.set(codes);
	}
	out[length] = code;
	return out;
}

/** The first `length` coded values and then `next` as a numeric column, or undefined when one is not a number. */
export function numericFromCodes(
	entries: readonly string[],
	codes: Uint16Array,
	length: number,
	next: string
): NumericColumn | undefined {
	const numeric = new NumericColumn();
	for (let i = 0; i < length; i++) if (!numeric.push(entries[codes[i]!]!)) return undefined;
	return numeric.push(next) ? numeric : undefined;
}
