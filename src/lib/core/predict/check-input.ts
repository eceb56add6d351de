// Whether a raw table can go through a model's recipe: the columns it needs are there, and each is of the
// type the model was trained on (or close enough to read as it). Every problem is listed at once, so a
// person fixes the file in one go instead of one column per try.
import * as aq from 'arquero';
import type { ColumnSchema, ColumnType } from '../table/column-types.ts';
import { convertColumn } from '../data/convert-column.ts';
import { isMissingValue } from '../data/missing-values.ts';
import { valueAsText } from '../table/value-text.ts';
import { BenchtopError } from '../errors.ts';
import type { PrepTable } from '../table/prep-table.ts';
import type { ModelBundle } from './model-bundle.ts';

export type InputProblem =
	| { kind: 'missing-columns'; columns: string[]; message: string }
	| { kind: 'wrong-type'; column: string; expected: ColumnType; actual: ColumnType; message: string };

export interface InputCheckOptions {
	/** Evaluating needs the targets too; predicting does not. */
	withTargets?: boolean;
}

/** The raw table put in the model's terms: its input columns, in order, each of the trained type. */
export interface ConformedInput {
	input: PrepTable;
	problems: InputProblem[];
	/** Per row: why it cannot be predicted (a value that is not of its column's type), or null. */
	cellErrors: (string | null)[];
}

/** More than this share of a column's values failing to read as the trained type makes it the wrong type
 * (not a few bad cells): the file's column means something else. */
const WRONG_TYPE_SHARE = 0.5;

const TYPE_WORDS: Record<ColumnType, string> = {
	integer: 'whole numbers',
	number: 'numbers',
	boolean: 'true/false values',
	date: 'dates',
	category: 'categories',
	text: 'text'
};

const VALUE_WORDS: Record<ColumnType, string> = {
	integer: 'a whole number',
	number: 'a number',
	boolean: 'true or false',
	date: 'a date',
	category: 'a category',
	text: 'text'
};

/** Raw columns the recipe cannot do without: every input column except targets (unless asked for) and
 * those a Drop step removes (a prediction file need not carry an identifier the model never saw). */
export function requiredColumns(bundle: ModelBundle, options: InputCheckOptions = {}): string[] {
	const dropped = new Set<string>();
	for (const step of bundle.fitted.steps) {
		if (step.op !== 'drop') continue;
		const columns = (step.params as { columns?: unknown }).columns;
		if (Array.isArray(columns)) for (const name of columns) if (typeof name === 'string') dropped.add(name);
	}
	const targets = new Set(bundle.targets);
	return bundle.inputSchema
		.map((c) => c.name)
		.filter(
			(name) => (options.withTargets && targets.has(name)) || (!targets.has(name) && !dropped.has(name))
		);
}

function columnLabel(bundle: ModelBundle, name: string): string {
	return bundle.targets.includes(name) ? `${name} (target)` : name;
}

export function conformInput(
	bundle: ModelBundle,
	table: PrepTable,
	options: InputCheckOptions = {}
): ConformedInput {
	const n = table.table.numRows();
	const present = new Map(table.schema.map((c) => [c.name, c.type]));
	const problems: InputProblem[] = [];
	const missing = requiredColumns(bundle, options).filter((name) => !present.has(name));
	if (missing.length > 0) {
		const list = missing.map((name) => columnLabel(bundle, name)).join(', ');
		problems.push({
			kind: 'missing-columns',
			columns: missing,
			message: `The file lacks ${missing.length === 1 ? 'a column' : `${missing.length} columns`} the model needs: ${list}.`
		});
	}
	const cellErrors = new Array<string | null>(n).fill(null);
	const columns: Record<string, unknown> = Object.create(null);
	const schema: ColumnSchema[] = [];
	for (const { name, type: expected } of bundle.inputSchema) {
		schema.push({ name, type: expected });
		const actual = present.get(name);
		if (actual === undefined) {
			// Absent but not required (a target when predicting, a dropped column): missing throughout.
			columns[name] = new Array(n).fill(null);
			continue;
		}
		const values = table.table.array(name) as ArrayLike<unknown>;
		if (actual === expected) {
			columns[name] = values;
			continue;
		}
		const text = Array.from(values, valueAsText);
		const converted = convertColumn(text, expected).values;
		let given = 0;
		const failed: number[] = [];
		for (let i = 0; i < n; i++) {
			if (isMissingValue(text[i])) continue;
			given++;
			if (converted[i] === null) failed.push(i);
		}
		if (given > 0 && failed.length > given * WRONG_TYPE_SHARE) {
			problems.push({
				kind: 'wrong-type',
				column: name,
				expected,
				actual,
				message: `${columnLabel(bundle, name)} holds ${TYPE_WORDS[actual]} in this file, but the model was trained on ${TYPE_WORDS[expected]} (${actual} instead of ${expected}).`
			});
		}
		for (const i of failed) {
			const why = `${name}: “${text[i]}” is not ${VALUE_WORDS[expected]}`;
			cellErrors[i] = cellErrors[i] === null ? why : `${cellErrors[i]}; ${why}`;
		}
		columns[name] = converted;
	}
	return {
		input: {
			table: aq.table(
				columns,
				schema.map((c) => c.name)
			),
			schema
		},
		problems,
		cellErrors
	};
}

/** The problems that stop a file, in the order a person should read them. */
export function checkInputTable(
	bundle: ModelBundle,
	table: PrepTable,
	options: InputCheckOptions = {}
): InputProblem[] {
	return conformInput(bundle, table, options).problems;
}

/** One error naming every problem, or nothing when the table is fit for the model. */
export function requireFitInput(problems: readonly InputProblem[]): void {
	if (problems.length === 0) return;
	throw new BenchtopError('bad-input', problems.map((p) => p.message).join(' '));
}
