// The prepared feature columns as one row-major matrix, the shape both a network and k-means read. A
// missing value here means the recipe left a hole the model cannot take, so it is refused by name.
import { BenchtopError } from '../errors.ts';
import { readNumbers } from '../table/read-column.ts';
import { requireColumns } from '../table/require-columns.ts';
import type { PrepTable } from '../table/prep-table.ts';

export interface FeatureMatrix {
	/** n × features.length, row-major. */
	data: Float64Array;
	n: number;
	width: number;
}

export function featureMatrix(prepared: PrepTable, features: readonly string[]): FeatureMatrix {
	requireColumns(prepared, features);
	const n = prepared.table.numRows();
	const width = features.length;
	const data = new Float64Array(n * width);
	features.forEach((name, j) => {
		const values = readNumbers(prepared.table, name);
		for (let i = 0; i < n; i++) {
			const x = values[i]!;
			if (!Number.isFinite(x)) {
				throw new BenchtopError(
					'bad-input',
					`${name} has a missing value after the recipe (row ${i + 1}): the model needs a number there.`
				);
			}
			data[i * width + j] = x;
		}
	});
	return { data, n, width };
}

/** Rows whose prepared features are all finite numbers: the ones a model can take. */
export function completeRows(prepared: PrepTable, features: readonly string[]): boolean[] {
	const n = prepared.table.numRows();
	const ok = new Array<boolean>(n).fill(true);
	for (const name of features) {
		const values = readNumbers(prepared.table, name);
		for (let i = 0; i < n; i++) if (!Number.isFinite(values[i]!)) ok[i] = false;
	}
	return ok;
}
