// Pearson correlation matrix over the numeric (integer and number) columns, each pair over the rows
// where both are present, as pandas' DataFrame.corr() does. A wide table's pairs can be split across
// threads: the upper triangle's rows are cut into contiguous ranges of about equal pair counts, each range
// computed anywhere by the same function of the same columns, so the matrix is identical to one thread's.
import { pearson } from './association.ts';
import type { NumericData } from './column-data.ts';
import type { CorrelationMatrix } from './types.ts';

/**
 * r for every pair (a, b) with `from` ≤ a < `to` and a < b < columns.length, row by row (a, then b):
 * the part of the upper triangle in rows [from, to). `shifts` (the columns' means) are subtracted first.
 */
export function correlationRows(
	columns: Float64Array[],
	shifts: number[],
	from: number,
	to: number
): (number | null)[] {
	const out: (number | null)[] = [];
	for (let a = from; a < to; a++)
		for (let b = a + 1; b < columns.length; b++)
			out.push(pearson(columns[a]!, columns[b]!, shifts[a]!, shifts[b]!).r);
	return out;
}

/**
 * The upper triangle of `k` columns cut into at most `shares` contiguous row ranges [from, to) with
 * about equal pair counts, in order and covering every row. The first range is the widest in columns
 * (its pairs reach every column), the last the narrowest: a worker given a later range needs only the
 * columns from its `from` on.
 */
export function pairRowRanges(k: number, shares: number): [from: number, to: number][] {
	const total = (k * (k - 1)) / 2;
	const ranges: [number, number][] = [];
	let from = 0;
	let done = 0;
	for (let s = 1; s <= shares && from < k - 1; s++) {
		const goal = (total * s) / shares;
		let to = from;
		while (to < k - 1 && (s === shares || done + (k - 1 - to) / 2 < goal)) done += k - 1 - to++;
		if (to === from) continue;
		ranges.push([from, to]);
		from = to;
	}
	return ranges;
}

/** The symmetric matrix from each row range's r values (as correlationRows gives them), in range order. */
export function matrixFromRows(
	names: string[],
	varies: boolean[],
	ranges: [number, number][],
	rows: (number | null)[][]
): CorrelationMatrix {
	const k = names.length;
	const matrix: (number | null)[][] = Array.from({ length: k }, () => new Array<number | null>(k).fill(null));
	// A column correlates perfectly with itself unless it has no variance at all.
	for (let a = 0; a < k; a++) matrix[a]![a] = varies[a] ? 1 : null;
	ranges.forEach(([from, to], p) => {
		const values = rows[p]!;
		let i = 0;
		for (let a = from; a < to; a++)
			for (let b = a + 1; b < k; b++) {
				const r = values[i++];
				if (r === undefined) throw new Error('a correlation part answered fewer pairs than it was given');
				matrix[a]![b] = r;
				matrix[b]![a] = r;
			}
		if (i !== values.length) throw new Error('a correlation part answered more pairs than it was given');
	});
	return { columns: names, matrix };
}

/** `means` shift each column before summing; `varies` says whether a column has two distinct values. */
export function correlationMatrix(
	columns: NumericData[],
	means: (number | null)[],
	varies: boolean[]
): CorrelationMatrix {
	const k = columns.length;
	const values = columns.map((c) => c.values);
	const shifts = means.map((m) => m ?? 0);
	const ranges: [number, number][] = k > 1 ? [[0, k - 1]] : [];
	return matrixFromRows(
		columns.map((c) => c.name),
		varies,
		ranges,
		ranges.map(([from, to]) => correlationRows(values, shifts, from, to))
	);
}
