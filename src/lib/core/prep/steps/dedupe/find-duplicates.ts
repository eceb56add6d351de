// Finds rows that repeat an earlier row on the given columns. Each column's values are first replaced by
// small integer codes (equal values, equal codes; all missing values share one), rows are bucketed by a
// hash of their codes, and a row counts as a repeat only if its codes equal those of an earlier row in its
// bucket exactly, so a hash collision can never drop a row.
import type { ColumnTable } from 'arquero';

/** Code 0 is missing, whatever the column's type (null, undefined and NaN are one value here). */
function columnCodes(values: ArrayLike<unknown>): Int32Array {
	const codes = new Int32Array(values.length);
	const seen = new Map<unknown, number>();
	for (let i = 0; i < values.length; i++) {
		const raw = values[i];
		if (raw === null || raw === undefined || (typeof raw === 'number' && raw !== raw)) continue;
		// Dates are objects: two equal dates are two objects, so they are compared by time.
		const key = raw instanceof Date ? raw.getTime() : raw;
		let code = seen.get(key);
		if (code === undefined) {
			code = seen.size + 1;
			seen.set(key, code);
		}
		codes[i] = code;
	}
	return codes;
}

/** Indices of the rows to keep: each row the first time its values appear, in the original order. */
export function firstOccurrences(table: ColumnTable, columns: readonly string[]): Int32Array {
	const rows = table.numRows();
	const codes = columns.map((name) => columnCodes(table.array(name) as ArrayLike<unknown>));
	const hashes = new Int32Array(rows);
	for (const column of codes) {
		for (let r = 0; r < rows; r++)
			hashes[r] = Math.imul(hashes[r]! ^ column[r]!, 0x9e3779b1) ^ (hashes[r]! >>> 15);
	}
	const sameRow = (a: number, b: number) => codes.every((column) => column[a] === column[b]);
	const buckets = new Map<number, number[]>();
	const keep: number[] = [];
	for (let r = 0; r < rows; r++) {
		const bucket = buckets.get(hashes[r]!);
		if (!bucket) {
			buckets.set(hashes[r]!, [r]);
			keep.push(r);
		} else if (!bucket.some((earlier) => sameRow(earlier, r))) {
			bucket.push(r);
			keep.push(r);
		}
	}
	return Int32Array.from(keep);
}
