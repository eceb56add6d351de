// The prepared table as the arrays a network trains on: features as one row-major Float32Array, targets
// one-hot (classification) or as numbers (regression). Anything the recipe left unfit for a network (a
// category column, a missing value) is refused here with the column's name and the step that fixes it.
import type { ColumnType } from '../table/column-types.ts';
import { BenchtopError } from '../errors.ts';
import type { Task } from '../models/types.ts';
import { columnType, requireColumns } from '../table/require-columns.ts';
import { readLabels, readNumbers } from '../table/read-column.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { levelOrder } from '../prep/steps/encode/choose-levels.ts';

export type NetworkTask = Exclude<Task, 'clustering'>;

export interface TrainingShape {
	features: readonly string[];
	targets: readonly string[];
	task: NetworkTask;
	/** Class labels in output order; taken from the table's target (sorted) when absent. Pass the training
	 * table's classes when building validation and test arrays, so outputs line up. */
	classes?: readonly string[];
}

export interface TrainingArrays {
	/** n × featureCount, row-major. */
	x: Float32Array;
	/** n × outputSize: one-hot for classification, the target values for regression. */
	y: Float32Array;
	/** Classification: the class index of each row. */
	labels?: Int32Array;
	n: number;
	featureCount: number;
	outputSize: number;
	/** Class labels in output order (empty for regression). */
	classes: string[];
}

export function toTrainingArrays(prepared: PrepTable, shape: TrainingShape): TrainingArrays {
	const { features, targets, task } = shape;
	if (features.length === 0) {
		throw new BenchtopError(
			'bad-input',
			'A model needs at least one feature column: none is left after the recipe.'
		);
	}
	if (targets.length === 0) throw new BenchtopError('bad-input', 'Choose a target column to train on.');
	if (task === 'classification' && targets.length > 1) {
		throw new BenchtopError(
			'bad-input',
			`A classifier predicts one target column (got ${targets.length}: ${targets.join(', ')}).`
		);
	}
	requireColumns(prepared, [...features, ...targets]);
	const n = prepared.table.numRows();
	const featureCount = features.length;

	const x = new Float32Array(n * featureCount);
	features.forEach((name, j) => {
		requireNumeric(name, columnType(prepared, name), 'feature');
		const values = readNumbers(prepared.table, name);
		requireComplete(name, values, 'feature');
		for (let i = 0; i < n; i++) x[i * featureCount + j] = values[i]!;
	});

	if (task === 'classification') {
		const target = targets[0]!;
		const { labels, classes } = classLabels(prepared, target, shape.classes);
		const k = classes.length;
		const y = new Float32Array(n * k);
		for (let i = 0; i < n; i++) y[i * k + labels[i]!] = 1;
		return { x, y, labels, n, featureCount, outputSize: k, classes };
	}

	const outputSize = targets.length;
	const y = new Float32Array(n * outputSize);
	targets.forEach((name, j) => {
		requireNumeric(name, columnType(prepared, name), 'target');
		const values = readNumbers(prepared.table, name);
		requireComplete(name, values, 'target');
		for (let i = 0; i < n; i++) y[i * outputSize + j] = values[i]!;
	});
	return { x, y, n, featureCount, outputSize, classes: [] };
}

function requireNumeric(name: string, type: ColumnType, role: 'feature' | 'target'): void {
	// Booleans read as 0 and 1, which a network takes as they are.
	if (type === 'integer' || type === 'number' || type === 'boolean') return;
	if (role === 'target') {
		throw new BenchtopError(
			'bad-input',
			`${name} is a ${type} column: regression needs a number target (or choose classification).`
		);
	}
	const fix =
		type === 'date'
			? 'add a Date parts step so the model gets numbers'
			: type === 'text'
				? 'drop it, or add an Encode step if it holds a few repeated values, so the model gets numbers'
				: 'add an Encode step so the model gets numbers';
	throw new BenchtopError('bad-input', `${name} is still a ${type} column: ${fix}.`);
}

function requireComplete(name: string, values: Float64Array, role: 'feature' | 'target'): void {
	let missing = 0;
	for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) missing++;
	if (missing === 0) return;
	const count = missing === 1 ? '1 missing value' : `${missing} missing values`;
	const fix =
		role === 'feature'
			? 'add an Impute step'
			: 'add a Filter step that keeps rows with a target (targets are not imputed)';
	throw new BenchtopError('bad-input', `${name} has ${count} after the recipe: ${fix}.`);
}

function classLabels(
	prepared: PrepTable,
	target: string,
	given: readonly string[] | undefined
): { labels: Int32Array; classes: string[] } {
	const raw = readLabels(prepared.table, target);
	let missing = 0;
	for (const label of raw) if (label === null) missing++;
	if (missing > 0) {
		const count = missing === 1 ? '1 missing value' : `${missing} missing values`;
		throw new BenchtopError(
			'bad-input',
			`${target} has ${count} after the recipe: add a Filter step that keeps rows with a target (targets are not imputed).`
		);
	}
	const classes = given
		? [...given]
		: [...new Set(raw as string[])].sort(levelOrder(columnType(prepared, target)));
	const index = new Map(classes.map((c, i) => [c, i]));
	const labels = new Int32Array(raw.length);
	for (let i = 0; i < raw.length; i++) {
		const code = index.get(raw[i]!);
		if (code === undefined) {
			throw new BenchtopError(
				'bad-input',
				`${target} has the class “${raw[i]}”, which the training rows do not have: the model cannot predict it.`,
				`Classes the model knows: ${classes.join(', ')}`
			);
		}
		labels[i] = code;
	}
	return { labels, classes };
}
