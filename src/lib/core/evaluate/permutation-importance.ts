// Permutation importance like scikit-learn's permutation_importance: shuffle one raw input column of the
// held-out rows at a time (seeded, n_repeats times), put the rows through the fitted recipe again, predict,
// and measure how far the main metric (accuracy, or R² averaged over targets) falls. A column the model
// never reads scores exactly 0. The predictor is passed in, so any model (or a fixed rule in a test) fits.
import * as aq from 'arquero';
import { BenchtopError } from '../errors.ts';
import type { Task } from '../models/types.ts';
import { applyRecipe } from '../prep/recipe/apply-recipe.ts';
import { columnValues, readLabels, readNumbers } from '../table/read-column.ts';
import { takeRows } from '../table/take-rows.ts';
import type { FittedRecipe } from '../prep/recipe/types.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { loadPredictor, bundleFromRun } from '../predict/predictor.ts';
import { createRandom } from '../random/seeded-random.ts';
import type { ModelArtifact, RunRecord } from '../train/run-record.ts';
import { recreateSplit } from './evaluate-split.ts';
import { argmaxRows } from '../metrics/inputs.ts';
import { r2Score } from '../metrics/regression.ts';

export const DEFAULT_REPEATS = 5;

/** What scoring needs to know of the model: a ModelBundle is one. */
export interface ImportanceModel {
	task: Task;
	targets: string[];
	classes?: string[];
	fitted: FittedRecipe;
}

/** The part of a Predictor's output scoring reads. */
export interface ImportancePredictions {
	proba?: ArrayLike<number>;
	values?: ArrayLike<number>[];
}

export type PredictPrepared = (prepared: PrepTable) => Promise<ImportancePredictions>;

export interface ImportanceOptions {
	repeats?: number;
	seed?: number;
	/** Raw columns to permute; every column but the targets when absent. */
	columns?: string[];
	/** After each prediction: done of total. */
	onProgress?: (done: number, total: number) => void;
	signal?: AbortSignal;
}

export interface ColumnImportance {
	column: string;
	/** Baseline score minus the permuted score, per repeat. */
	drops: number[];
	mean: number;
	/** Population standard deviation, as scikit-learn's importances_std. */
	std: number;
}

export interface PermutationImportance {
	metric: 'accuracy' | 'r2';
	/** The metric on the untouched rows. */
	baseline: number;
	rows: number;
	repeats: number;
	seed: number;
	/** Most important first. */
	columns: ColumnImportance[];
}

function accuracyOf(prepared: PrepTable, model: ImportanceModel, predictions: ImportancePredictions): number {
	const classes = model.classes ?? [];
	const truth = readLabels(prepared.table, model.targets[0]!);
	if (!predictions.proba) throw new BenchtopError('bad-input', 'The classifier gave no probabilities.');
	const predicted = argmaxRows(predictions.proba, classes.length);
	// A label the model never saw (or a missing one) cannot be predicted: it counts as a miss, not a crash.
	let right = 0;
	for (let i = 0; i < truth.length; i++) if (classes[predicted[i]!] === truth[i]) right++;
	return right / truth.length;
}

function r2Of(prepared: PrepTable, model: ImportanceModel, predictions: ImportancePredictions): number {
	const values = predictions.values;
	if (!values) throw new BenchtopError('bad-input', 'The regression model gave no values.');
	const actual = model.targets.map((name) => readNumbers(prepared.table, name));
	// Rows without a target value say nothing about the model.
	const keep: number[] = [];
	for (let i = 0; i < prepared.table.numRows(); i++)
		if (actual.every((column) => column[i] === column[i])) keep.push(i);
	const pick = (column: ArrayLike<number>) => Float64Array.from(keep, (i) => column[i]!);
	return r2Score(actual.map(pick), values.map(pick));
}

async function scoreRows(raw: PrepTable, model: ImportanceModel, predict: PredictPrepared): Promise<number> {
	const prepared = applyRecipe(model.fitted, raw, 'evaluate');
	if (prepared.table.numRows() === 0)
		throw new BenchtopError('bad-input', 'No rows are left to score after the recipe.');
	const predictions = await predict(prepared);
	return model.task === 'classification'
		? accuracyOf(prepared, model, predictions)
		: r2Of(prepared, model, predictions);
}

/** The same rows with one column's values in the order `order` gives. */
function permuteColumn(raw: PrepTable, column: string, order: Uint32Array): PrepTable {
	const columns = new Map<string, ArrayLike<unknown>>();
	for (const { name } of raw.schema) {
		const values = columnValues(raw.table, name);
		if (name !== column) {
			columns.set(name, values);
			continue;
		}
		const permuted = Array.from(order, (row) => values[row]);
		columns.set(name, values instanceof Float64Array ? Float64Array.from(permuted as number[]) : permuted);
	}
	return { table: aq.table(columns), schema: raw.schema };
}

function spread(drops: number[]): { mean: number; std: number } {
	const mean = drops.reduce((sum, x) => sum + x, 0) / drops.length;
	return { mean, std: Math.sqrt(drops.reduce((sum, x) => sum + (x - mean) ** 2, 0) / drops.length) };
}

export async function permutationImportance(
	raw: PrepTable,
	model: ImportanceModel,
	predict: PredictPrepared,
	options: ImportanceOptions = {}
): Promise<PermutationImportance> {
	if (model.task === 'clustering') {
		throw new BenchtopError(
			'bad-input',
			'Permutation importance needs a target to score: a clustering has none.'
		);
	}
	const repeats = options.repeats ?? DEFAULT_REPEATS;
	if (!Number.isInteger(repeats) || repeats < 1)
		throw new BenchtopError('bad-input', `Repeats must be a whole number, at least 1 (got ${repeats}).`);
	const seed = options.seed ?? 0;
	const n = raw.table.numRows();
	if (n < 2)
		throw new BenchtopError(
			'bad-input',
			`Permutation importance needs at least 2 rows to shuffle (got ${n}).`
		);
	const columns =
		options.columns ?? raw.schema.map((c) => c.name).filter((name) => !model.targets.includes(name));
	const known = new Set(raw.schema.map((c) => c.name));
	for (const column of columns) {
		if (!known.has(column))
			throw new BenchtopError('bad-input', `There is no column “${column}” to permute.`);
	}

	const total = 1 + columns.length * repeats;
	let done = 0;
	const step = () => {
		if (options.signal?.aborted) throw new BenchtopError('aborted', 'Cancelled.');
		options.onProgress?.(++done, total);
	};
	const baseline = await scoreRows(raw, model, predict);
	step();
	const random = createRandom(seed);
	const results: ColumnImportance[] = [];
	for (const column of columns) {
		const drops: number[] = [];
		for (let r = 0; r < repeats; r++) {
			const order = random.shuffle(Uint32Array.from({ length: n }, (_, i) => i));
			drops.push(baseline - (await scoreRows(permuteColumn(raw, column, order), model, predict)));
			step();
		}
		results.push({ column, drops, ...spread(drops) });
	}
	// Stable: equal importances keep the table's column order.
	results.sort((a, b) => b.mean - a.mean);
	return {
		metric: model.task === 'classification' ? 'accuracy' : 'r2',
		baseline,
		rows: n,
		repeats,
		seed,
		columns: results
	};
}

/** A stored run's importance on its own test rows (the split drawn again from its record), seeded by the run. */
export async function permutationImportanceOfRun(
	input: PrepTable,
	run: RunRecord,
	artifact: ModelArtifact,
	options: Omit<ImportanceOptions, 'seed'> = {}
): Promise<PermutationImportance> {
	const split = recreateSplit(input, run.split, run.searchRows);
	if (split.test.length === 0) throw new BenchtopError('bad-input', 'This run has no test rows to shuffle.');
	const predictor = await loadPredictor(bundleFromRun(run, artifact));
	try {
		return await permutationImportance(
			takeRows(input, split.test),
			predictor.bundle,
			(prepared) => predictor.predictPrepared(prepared),
			{ ...options, seed: run.seed }
		);
	} finally {
		predictor.dispose();
	}
}
