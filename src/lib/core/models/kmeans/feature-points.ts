// A prepared table's feature columns as the row-major points k-means and the clustering metrics take.
// Free of TF.js, so the data worker's k scan can use it without loading it.
import { BenchtopError } from '../../errors.ts';
import type { Points } from '../../metrics/clustering.ts';
import { readNumbers } from '../../table/read-column.ts';
import type { PrepTable } from '../../table/prep-table.ts';

/** Refuses, with the step that fixes it, a column that is not numbers or that has a missing value. */
export function featurePoints(prepared: PrepTable, features: string[]): Points {
	const n = prepared.table.numRows();
	const data = new Float64Array(n * features.length);
	features.forEach((name, j) => {
		const type = prepared.schema.find((c) => c.name === name)?.type;
		if (type === 'category' || type === 'text') {
			throw new BenchtopError(
				'bad-input',
				`${name} is ${type} after the recipe: encode it (or drop it) to cluster.`
			);
		}
		const values = readNumbers(prepared.table, name);
		for (let i = 0; i < n; i++) {
			const x = values[i]!;
			if (x !== x) {
				throw new BenchtopError(
					'bad-input',
					`${name} has missing values after the recipe: add an Impute step.`
				);
			}
			data[i * features.length + j] = x;
		}
	});
	return { data, width: features.length };
}
