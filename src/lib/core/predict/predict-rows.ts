// Predictions for a raw table, row by row in input order: the table is put in the model's terms, the
// fitted recipe applied (row-removing steps skipped, so every row gets an answer), and a row that cannot
// be predicted (a value of the wrong type, a value missing after the recipe) gets an error instead of
// stopping the file.
import { applyRecipe } from '../prep/recipe/apply-recipe.ts';
import { takeRows } from '../table/take-rows.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { argmaxRows } from '../metrics/inputs.ts';
import { conformInput, requireFitInput, requiredColumns, type InputCheckOptions } from './check-input.ts';
import { completeRows } from './feature-matrix.ts';
import type { Predictor } from './predictor.ts';

export interface PredictedRows {
	rows: number;
	/** Per row: why it has no prediction, or null. */
	errors: (string | null)[];
	errorCount: number;
	/** Classification: n × k probabilities (NaN on error rows) and the predicted label (null there). */
	proba?: Float32Array;
	labels?: (string | null)[];
	/** Regression: one array per target, NaN on error rows. */
	values?: Float64Array[];
	/** Clustering: -1 on error rows. */
	clusters?: Int32Array;
	/** The rows after the recipe, in input order (targets included when the file has them). */
	prepared: PrepTable;
}

export interface PredictRowsOptions extends InputCheckOptions {
	/** Rows predicted so far, after each chunk. */
	onProgress?: (done: number, total: number) => void;
}

const CHUNK_ROWS = 8192;

export async function predictRows(
	predictor: Predictor,
	raw: PrepTable,
	options: PredictRowsOptions = {}
): Promise<PredictedRows> {
	const { bundle } = predictor;
	const conformed = conformInput(bundle, raw, options);
	requireFitInput(conformed.problems);
	const n = raw.table.numRows();
	const prepared = applyRecipe(bundle.fitted, conformed.input, 'predict');
	const errors = [...conformed.cellErrors];
	const complete = completeRows(prepared, bundle.features);
	const required = requiredColumns(bundle).map((name) => ({
		name,
		values: conformed.input.table.array(name) as ArrayLike<unknown>
	}));
	for (let i = 0; i < n; i++) {
		if (complete[i] || errors[i] !== null) continue;
		const empty = required.filter(({ values }) => values[i] === null || values[i] === undefined);
		errors[i] =
			empty.length > 0
				? `missing ${empty.map((c) => c.name).join(', ')}`
				: `no value for ${bundle.features.filter((f) => !Number.isFinite(Number(prepared.table.get(f, i)))).join(', ')} after the recipe`;
	}
	const good: number[] = [];
	for (let i = 0; i < n; i++) if (errors[i] === null) good.push(i);

	const result: PredictedRows = { rows: n, errors, errorCount: n - good.length, prepared };
	const k = bundle.classes?.length ?? 0;
	if (bundle.task === 'classification') result.proba = new Float32Array(n * k).fill(NaN);
	else if (bundle.task === 'clustering') result.clusters = new Int32Array(n).fill(-1);
	else result.values = bundle.targets.map(() => new Float64Array(n).fill(NaN));

	options.onProgress?.(0, good.length);
	for (let start = 0; start < good.length; start += CHUNK_ROWS) {
		const rows = good.slice(start, start + CHUNK_ROWS);
		const out = await predictor.predictPrepared(takeRows(prepared, rows));
		rows.forEach((row, i) => {
			if (out.proba) result.proba!.set(out.proba.subarray(i * k, (i + 1) * k), row * k);
			if (out.clusters) result.clusters![row] = out.clusters[i]!;
			if (out.values) out.values.forEach((column, j) => (result.values![j]![row] = column[i]!));
		});
		options.onProgress?.(Math.min(good.length, start + CHUNK_ROWS), good.length);
	}
	markNonFinite(result, good, k);
	if (result.proba) {
		const predicted = argmaxRows(result.proba, k);
		result.labels = Array.from(predicted, (c, i) => (errors[i] === null ? bundle.classes![c]! : null));
	}
	return result;
}

/** What a row gets when the network's output for it overflowed or was NaN (weights or inputs too large). */
export const NON_FINITE_PREDICTION =
	'the model gave no finite prediction for this row (NaN or ±Infinity: its output overflowed)';

/** A predicted row whose outputs are not all finite numbers is an error row, never a blank answer. */
function markNonFinite(result: PredictedRows, predicted: readonly number[], k: number): void {
	for (const row of predicted) {
		let finite = true;
		if (result.proba)
			for (let c = 0; c < k && finite; c++) finite = Number.isFinite(result.proba[row * k + c]!);
		if (result.values) finite = result.values.every((column) => Number.isFinite(column[row]!));
		if (finite) continue;
		result.errors[row] = NON_FINITE_PREDICTION;
		result.errorCount++;
		if (result.proba) result.proba.fill(NaN, row * k, (row + 1) * k);
		if (result.values) for (const column of result.values) column[row] = NaN;
	}
}
