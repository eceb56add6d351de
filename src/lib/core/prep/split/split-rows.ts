// Splits a table's rows into train, validation and test by the spec's method, and records how, so the
// same split can be reproduced, stored with a model and recognised by its hash.
import type { ColumnType } from '../../table/column-types.ts';
import { BenchtopError } from '../../errors.ts';
import { columnType, requireColumns, requireKinds } from '../../table/require-columns.ts';
import { isNumericType } from '../../table/column-kinds.ts';
import { readLabels, readNumbers } from '../../table/read-column.ts';
import type { PrepTable } from '../../table/prep-table.ts';
import { indicesFromAssignment } from './assignment.ts';
import { groupAssignment } from './group-split.ts';
import { hashIndices } from './indices-hash.ts';
import type { MethodResult } from './method-result.ts';
import { randomAssignment } from './random-split.ts';
import { parseSplitSpec, type SplitSpec } from './split-spec.ts';
import { stratifiedAssignment } from './stratified-split.ts';
import { timeAssignment } from './time-split.ts';
import { SPLIT_NAMES, type SplitRecord, type TableSplit } from './types.ts';

/** `spec` is checked and completed here, so it may come straight from a form, a file or the CLI. */
export function splitRows(input: PrepTable, spec: unknown): TableSplit {
	const checked = parseSplitSpec(spec);
	const result = assign(input, checked);
	const { train, validation, test } = indicesFromAssignment(result.assignment);
	const counts = { train: train.length, validation: validation.length, test: test.length };
	const warnings = [...result.warnings];
	for (const name of SPLIT_NAMES) {
		if (checked[name] > 0 && counts[name] === 0) {
			warnings.push(`The ${name} split is empty: ${emptyReason(checked, input.table.numRows())}.`);
		}
	}
	const record: SplitRecord = {
		method: checked.method,
		train: checked.train,
		validation: checked.validation,
		test: checked.test,
		seed: checked.seed,
		...(checked.method !== 'random' && checked.column !== undefined ? { column: checked.column } : {}),
		counts,
		excludedRows: result.excludedRows,
		indicesHash: hashIndices([train, validation, test]),
		warnings
	};
	return { train, validation, test, record };
}

function assign(input: PrepTable, spec: SplitSpec): MethodResult {
	const n = input.table.numRows();
	const column = spec.column!;
	switch (spec.method) {
		case 'random':
			return { assignment: randomAssignment(n, spec, spec.seed), excludedRows: 0, warnings: [] };
		case 'stratified':
			requireColumns(input, [column]);
			requireKinds(
				input,
				[column],
				'categorical',
				'a stratified split needs a class column (category, boolean, text or whole numbers)'
			);
			return stratifiedAssignment(readLabels(input.table, column), spec, spec.seed, column);
		case 'time':
			if (!isTimeType(columnType(input, column))) {
				const type = columnType(input, column);
				throw new BenchtopError(
					'bad-input',
					`Column “${column}” is ${type}; a time split needs a date or number column.`
				);
			}
			return timeAssignment(readNumbers(input.table, column), spec, column);
		case 'group':
			requireColumns(input, [column]);
			return groupAssignment(readLabels(input.table, column), spec, spec.seed, column);
	}
}

function emptyReason(spec: SplitSpec, rows: number): string {
	switch (spec.method) {
		case 'time':
			return `“${spec.column}” has too few distinct times to give it any rows`;
		case 'group':
			return `“${spec.column}” has too few groups to give every split one`;
		default:
			return `${rows.toLocaleString('en')} ${rows === 1 ? 'row is' : 'rows are'} too few to give every split one`;
	}
}

function isTimeType(type: ColumnType): boolean {
	return type === 'date' || isNumericType(type);
}
