// What-if: one row typed in by hand, predicted at once, beside the training rows nearest to it. The form
// is generated from the run's input schema (the raw columns its recipe needs, each of its trained type),
// starting from a typical training row; the row goes through the same fitted recipe and model as a
// batch file (predictRows), and "nearest" is measured where the model looks: in the prepared feature
// space (scaled, encoded), with the training rows of the run's own split.
import * as aq from 'arquero';
import { BenchtopError } from '../errors.ts';
import { conformInput, requiredColumns } from '../predict/check-input.ts';
import { featureMatrix } from '../predict/feature-matrix.ts';
import { predictRows } from '../predict/predict-rows.ts';
import type { Predictor } from '../predict/predictor.ts';
import type { ColumnType } from '../table/column-types.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { columnValues } from '../table/read-column.ts';
import { takeRows } from '../table/take-rows.ts';
import { valueAsText } from '../table/value-text.ts';
import type { RunRecord } from '../train/run-record.ts';
import { prepareRows } from './evaluate-rows.ts';
import { recreateSplit } from './evaluate-split.ts';

export interface WhatIfField {
	name: string;
	type: ColumnType;
	/** The value the form starts from: the training rows' median (numbers, dates), or their commonest value. */
	start: string;
	/** Categories and true/false: the values seen in training, commonest first (at most 100). */
	choices?: string[];
	/** Numbers: the training rows' range. */
	min?: number;
	max?: number;
}

export interface WhatIfPrediction {
	/** Why this row has no prediction (a value that is not of its column's type, say), or null. */
	error: string | null;
	/** Classification: every class with its probability, likeliest first, and the predicted class. */
	classes?: { label: string; probability: number }[];
	label?: string;
	/** Regression: the predicted value of each target. */
	values?: { target: string; value: number }[];
}

export interface Neighbour {
	/** The row's position in the data set version (0-based). */
	row: number;
	distance: number;
	/** The raw values the form shows, and the targets, as text (null when missing). */
	values: Record<string, string | null>;
}

export interface WhatIfAnswer {
	prediction: WhatIfPrediction;
	neighbours: Neighbour[];
}

const CHOICE_LIMIT = 100;

/** Distinct texts of some values, commonest first (ties in first-seen order). */
function byFrequency(values: ArrayLike<unknown>): string[] {
	const counts = new Map<string, number>();
	for (let i = 0; i < values.length; i++) {
		const text = valueAsText(values[i]);
		if (text !== null) counts.set(text, (counts.get(text) ?? 0) + 1);
	}
	return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([text]) => text);
}

function median(sorted: readonly number[]): number {
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The form's fields: every raw column the model needs, started from the training rows. */
export function whatIfFields(
	inputSchema: readonly { name: string; type: ColumnType }[],
	needed: readonly string[],
	train: PrepTable
): WhatIfField[] {
	return needed.map((name) => {
		const type = inputSchema.find((c) => c.name === name)?.type ?? 'text';
		const values = columnValues(train.table, name);
		if (type === 'number' || type === 'integer') {
			const numbers = Array.from(values, Number)
				.filter((v, i) => values[i] !== null && Number.isFinite(v))
				.sort((a, b) => a - b);
			if (numbers.length === 0) return { name, type, start: '' };
			const middle = median(numbers);
			const start = type === 'integer' ? String(Math.round(middle)) : String(Number(middle.toPrecision(6)));
			return { name, type, start, min: numbers[0]!, max: numbers.at(-1)! };
		}
		if (type === 'date') {
			// The middle date, as for numbers: the commonest one is often a placeholder (movies.json's eight
			// "Dec 31 1969" releases, the Unix epoch's eve, tied for first among 3,201).
			const times = Array.from(values, (v) => (v instanceof Date ? v.getTime() : NaN))
				.filter(Number.isFinite)
				.sort((a, b) => a - b);
			const middle = times[Math.floor((times.length - 1) / 2)];
			return { name, type, start: middle === undefined ? '' : valueAsText(new Date(middle))! };
		}
		const common = byFrequency(values);
		const field: WhatIfField = { name, type, start: common[0] ?? '' };
		if (type === 'category' || type === 'boolean') field.choices = common.slice(0, CHOICE_LIMIT);
		return field;
	});
}

/** One typed row as a raw table: every field as text (empty is missing), read as its type by the check. */
export function whatIfTable(
	fields: readonly WhatIfField[],
	values: Readonly<Record<string, string>>
): PrepTable {
	const columns: Record<string, string[] | null[]> = {};
	for (const { name } of fields) {
		const text = (values[name] ?? '').trim();
		columns[name] = text === '' ? [null] : [text];
	}
	return {
		table: aq.table(
			columns,
			fields.map((f) => f.name)
		),
		schema: fields.map((f) => ({ name: f.name, type: 'text' as const }))
	};
}

/** The k rows of `matrix` (n × width, row-major) closest to `query`, nearest first (Euclidean). */
export function nearestRows(
	matrix: { data: ArrayLike<number>; n: number; width: number },
	query: ArrayLike<number>,
	k: number
): { index: number; distance: number }[] {
	if (query.length !== matrix.width)
		throw new BenchtopError(
			'bad-input',
			`The row has ${query.length} features, the training rows ${matrix.width}.`
		);
	const best: { index: number; distance: number }[] = [];
	for (let i = 0; i < matrix.n; i++) {
		let sum = 0;
		for (let j = 0; j < matrix.width; j++) sum += (matrix.data[i * matrix.width + j]! - query[j]!) ** 2;
		if (best.length === k && sum >= best[k - 1]!.distance) continue;
		let at = best.length;
		while (at > 0 && best[at - 1]!.distance > sum) at--;
		best.splice(at, 0, { index: i, distance: sum });
		if (best.length > k) best.pop();
	}
	return best.map((b) => ({ index: b.index, distance: Math.sqrt(b.distance) }));
}

export interface WhatIf {
	fields: WhatIfField[];
	trainRows: number;
	answer(values: Readonly<Record<string, string>>, k?: number): Promise<WhatIfAnswer>;
}

/**
 * Sets up what-if for a run on its data set version: the training rows drawn again from the run's split
 * (checked by hash), prepared once for the nearest-row search; the predictor is the caller's to dispose.
 */
export function createWhatIf(input: PrepTable, run: RunRecord, predictor: Predictor): WhatIf {
	const split = recreateSplit(input, run.split, run.searchRows);
	const rawTrain = takeRows(input, split.train);
	const needed = requiredColumns(predictor.bundle);
	const fields = whatIfFields(predictor.bundle.inputSchema, needed, rawTrain);
	const prepared = prepareRows(input, split.train, run.fitted);
	const matrix = featureMatrix(prepared.prepared, run.features);
	const shown = [...needed, ...run.targets.filter((t) => !needed.includes(t))];
	const rawColumns = shown.map((name) => ({ name, values: columnValues(input.table, name) }));
	return {
		fields,
		trainRows: matrix.n,
		async answer(values, k = 5) {
			const row = whatIfTable(fields, values);
			// A value of the wrong type is said per field here; predictRows would read one bad cell out of
			// one as a column of the wrong type and refuse the whole table.
			const typed = conformInput(predictor.bundle, row).cellErrors[0] ?? null;
			if (typed !== null) return { prediction: { error: typed }, neighbours: [] };
			const predicted = await predictRows(predictor, row);
			const error = predicted.errors[0] ?? null;
			const prediction: WhatIfPrediction = { error };
			let neighbours: Neighbour[] = [];
			if (error === null) {
				const classes = predictor.bundle.classes;
				if (predicted.proba && classes) {
					prediction.classes = classes
						.map((label, c) => ({ label, probability: predicted.proba![c]! }))
						.sort((a, b) => b.probability - a.probability);
					prediction.label = predicted.labels?.[0] ?? undefined;
				}
				if (predicted.values)
					prediction.values = predictor.bundle.targets.map((target, j) => ({
						target,
						value: predicted.values![j]![0]!
					}));
				if (predicted.clusters) prediction.label = `Cluster ${predicted.clusters[0]! + 1}`;
				const query = featureMatrix(predicted.prepared, run.features).data;
				neighbours = nearestRows(matrix, query, k).map(({ index, distance }) => {
					const row = prepared.rowIndex[index]!;
					return {
						row,
						distance,
						values: Object.fromEntries(rawColumns.map((c) => [c.name, valueAsText(c.values[row])]))
					};
				});
			}
			return { prediction, neighbours };
		}
	};
}
