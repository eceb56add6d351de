// Pearson correlation matrix over the numeric (integer and number) columns, each pair over the rows
// where both are present, as pandas' DataFrame.corr() does.
import { pearson } from './association.ts';
import type { NumericData } from './column-data.ts';
import type { CorrelationMatrix } from './types.ts';

/** `means` shift each column before summing; `varies` says whether a column has two distinct values. */
export function correlationMatrix(
	columns: NumericData[],
	means: (number | null)[],
	varies: boolean[]
): CorrelationMatrix {
	const k = columns.length;
	const matrix: (number | null)[][] = Array.from({ length: k }, () => new Array<number | null>(k).fill(null));
	for (let a = 0; a < k; a++) {
		// A column correlates perfectly with itself unless it has no variance at all.
		matrix[a]![a] = varies[a] ? 1 : null;
		for (let b = a + 1; b < k; b++) {
			const { r } = pearson(columns[a]!.values, columns[b]!.values, means[a] ?? 0, means[b] ?? 0);
			matrix[a]![b] = r;
			matrix[b]![a] = r;
		}
	}
	return { columns: columns.map((c) => c.name), matrix };
}
