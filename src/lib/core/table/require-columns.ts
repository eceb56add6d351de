// Checks that named columns exist and are of a usable kind, with messages that name the first that is not.
import { BenchtopError } from '../errors.ts';
import { acceptsType, type ColumnKinds } from './column-kinds.ts';
import type { ColumnType } from './column-types.ts';
import type { PrepTable } from './prep-table.ts';

export function columnType(input: PrepTable, name: string): ColumnType {
	const column = input.schema.find((c) => c.name === name);
	if (!column) throw missingColumn(name, input);
	return column.type;
}

function missingColumn(name: string, input: PrepTable): BenchtopError {
	return new BenchtopError(
		'bad-input',
		`Column “${name}” is not in the table at this step: an earlier step may have dropped or renamed it.`,
		`Columns here: ${input.schema.map((c) => c.name).join(', ')}`
	);
}

/** Throws a message naming the first column that is not in the table. */
export function requireColumns(input: PrepTable, names: readonly string[]): void {
	const present = new Set(input.schema.map((c) => c.name));
	for (const name of names) if (!present.has(name)) throw missingColumn(name, input);
}

/** Throws unless every named column is of a kind the step can use, naming the first that is not. */
export function requireKinds(
	input: PrepTable,
	names: readonly string[],
	kinds: ColumnKinds,
	why: string
): void {
	for (const name of names) {
		const type = columnType(input, name);
		if (!acceptsType(kinds, type)) {
			throw new BenchtopError('bad-input', `Column “${name}” is ${type}; ${why}.`);
		}
	}
}
