// A fitted recipe applied to some of a table's rows for evaluation, keeping track of which rows survive:
// row-removing steps (filter, dedupe) run as they did in training, so the metrics are the run's own, and
// each evaluated row still points back at its row in the data set version.
import * as aq from 'arquero';
import { BenchtopError } from '../errors.ts';
import { applyRecipe } from '../prep/recipe/apply-recipe.ts';
import { readNumbers } from '../table/read-column.ts';
import { takeRows } from '../table/take-rows.ts';
import type { FittedRecipe } from '../prep/recipe/types.ts';
import type { PrepTable } from '../table/prep-table.ts';

/** Rides along through the steps; fitted steps name the columns they touch, so none touches this one. */
const ROW_COLUMN = '__benchtop_row__';

export interface EvaluatedRows {
	prepared: PrepTable;
	/** Each prepared row's position in the input table. */
	rowIndex: Int32Array;
}

export function prepareRows(input: PrepTable, rows: ArrayLike<number>, fitted: FittedRecipe): EvaluatedRows {
	const raw = takeRows(input, rows);
	const positions = Int32Array.from(rows);
	const tagged: PrepTable = {
		table: raw.table.assign(
			aq.table({ [ROW_COLUMN]: Int32Array.from({ length: rows.length }, (_, i) => i) })
		),
		schema: [...raw.schema, { name: ROW_COLUMN, type: 'integer' }]
	};
	const prepared = applyRecipe(fitted, tagged, 'evaluate');
	const n = prepared.table.numRows();
	const tags = prepared.schema.some((c) => c.name === ROW_COLUMN)
		? readNumbers(prepared.table, ROW_COLUMN)
		: null;
	const rowIndex = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		const tag = tags ? tags[i]! : n === rows.length ? i : NaN;
		if (!Number.isInteger(tag) || tag < 0 || tag >= rows.length)
			throw new BenchtopError('internal', 'The recipe lost track of which rows it kept.');
		rowIndex[i] = positions[tag]!;
	}
	return {
		prepared: {
			table: prepared.table.select(prepared.schema.filter((c) => c.name !== ROW_COLUMN).map((c) => c.name)),
			schema: prepared.schema.filter((c) => c.name !== ROW_COLUMN)
		},
		rowIndex
	};
}
