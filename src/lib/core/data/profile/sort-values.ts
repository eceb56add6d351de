// The present values of a column, sorted. Integer columns with a modest range are counting-sorted in
// linear time; everything else uses the engine's native typed-array sort.
import type { NumericData } from './column-data.ts';
import { radixSortFloat64 } from './radix-sort.ts';

/** Below this many values the native sort is as fast and needs no scratch buffer. */
const RADIX_FROM = 1 << 14;

/** Counting sort only pays while its buckets are not far more numerous than the values. */
const MAX_COUNTING_RANGE = 1 << 22;

function countingSort(values: Float64Array, present: number, min: number, max: number): Float64Array | null {
	const range = max - min + 1;
	if (range > MAX_COUNTING_RANGE || range > 4 * present + 1024) return null;
	const counts = new Int32Array(range);
	for (let i = 0; i < values.length; i++) {
		const x = values[i]!;
		if (x !== x) continue;
		const k = x - min;
		// Not a whole number after all (an integer column read from elsewhere): sort the usual way.
		if ((k | 0) !== k) return null;
		counts[k]!++;
	}
	const sorted = new Float64Array(present);
	let j = 0;
	for (let k = 0; k < range; k++) {
		const c = counts[k]!;
		if (c > 0) {
			sorted.fill(k + min, j, j + c);
			j += c;
		}
	}
	return sorted;
}

export function sortedPresentValues(column: NumericData): Float64Array {
	const values = column.values;
	const present = values.length - column.missing;
	if (column.type === 'integer' && present > 0) {
		let min = Infinity;
		let max = -Infinity;
		for (let i = 0; i < values.length; i++) {
			const x = values[i]!;
			if (x < min) min = x;
			if (x > max) max = x;
		}
		const sorted = countingSort(values, present, min, max);
		if (sorted) return sorted;
	}
	const out = new Float64Array(present);
	let j = 0;
	for (let i = 0; i < values.length; i++) {
		const x = values[i]!;
		if (x === x) out[j++] = x;
	}
	return sortNumbers(out);
}

/**
 * Numbers without NaN sorted ascending, the same order as the native typed-array sort (−0 before 0), in
 * linear time when there are many. Sorts in place or in a buffer of its own: use the returned array.
 */
export function sortNumbers(values: Float64Array): Float64Array {
	return values.length >= RADIX_FROM ? radixSortFloat64(values) : values.sort();
}
