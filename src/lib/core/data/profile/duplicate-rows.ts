// Counts rows identical to an earlier row without building a key per row: a 32-bit hash per row,
// column by column, into an open-addressing table of row indices; equal hashes are confirmed by
// comparing the rows' values, so the count is exact.
import { OVERFLOW_CODE, type ColumnData } from './column-data.ts';
import { hashString } from './hash.ts';

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

// The mixing runs once per cell, so it lives here rather than behind an import: transpiled to
// CommonJS (tsx, the CLI), every call to an imported function goes through a getter.
function mix(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

function combine(h: number, value: number): number {
	return mix(Math.imul(h ^ value, 0x9e3779b1) + 0x7f4a7c15);
}

function numberHash(x: number): number {
	// -0 and 0 are the same value; every NaN is the one "missing".
	bits[0] = x === 0 ? 0 : x !== x ? NaN : x;
	return mix(words[0]! ^ mix(words[1]!));
}

function rowHashes(columns: ColumnData[], rows: number): Uint32Array {
	const hashes = new Uint32Array(rows).fill(0x2545f491);
	for (const column of columns) {
		if (column.kind === 'numeric') {
			const values = column.values;
			for (let i = 0; i < rows; i++) hashes[i] = combine(hashes[i]!, numberHash(values[i]!));
		} else {
			const { codes, raw } = column;
			for (let i = 0; i < rows; i++) {
				const code = codes[i]!;
				// Overflowed values have no code; their text is hashed instead (never equal to a coded value).
				const h = code === OVERFLOW_CODE && raw ? hashString(String(raw[i])) : code;
				hashes[i] = combine(hashes[i]!, h);
			}
		}
	}
	return hashes;
}

function sameRow(columns: ColumnData[], i: number, j: number): boolean {
	for (const column of columns) {
		if (column.kind === 'numeric') {
			const a = column.values[i]!;
			const b = column.values[j]!;
			if (a !== b && !(a !== a && b !== b)) return false;
		} else {
			const a = column.codes[i]!;
			if (a !== column.codes[j]) return false;
			if (a === OVERFLOW_CODE && column.raw && String(column.raw[i]) !== String(column.raw[j])) return false;
		}
	}
	return true;
}

/** `distinct`: some column is already known to hold a different value in every row, so no row repeats. */
export function countDuplicateRows(columns: ColumnData[], rows: number, distinct = false): number {
	// With no columns every row looks like the first.
	if (columns.length === 0) return Math.max(0, rows - 1);
	if (rows < 2 || distinct) return 0;
	const hashes = rowHashes(columns, rows);
	let capacity = 1;
	while (capacity < rows * 2) capacity <<= 1;
	const mask = capacity - 1;
	// Row index + 1 per slot; 0 is empty.
	const slots = new Int32Array(capacity);
	let duplicates = 0;
	for (let i = 0; i < rows; i++) {
		const h = hashes[i]!;
		let slot = h & mask;
		for (;;) {
			const held = slots[slot]!;
			if (held === 0) {
				slots[slot] = i + 1;
				break;
			}
			const j = held - 1;
			if (hashes[j] === h && sameRow(columns, i, j)) {
				duplicates++;
				break;
			}
			slot = (slot + 1) & mask;
		}
	}
	return duplicates;
}
