// Types raw columns into the table Benchtop stores: each column's type from all of its values, from the
// format, or from the person's override; values converted, what did not fit counted and reported.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { tableFromColumns, type Column, type Table } from '@uwdata/flechette';
import type { ColumnSchema, ColumnType } from '../../table/column-types.ts';
import { convertColumn, type CellValue } from '../convert-column.ts';
import { inferColumnType } from '../infer-column-type.ts';
import { isMissingValue } from '../missing-values.ts';
import { valueAsText } from '../../table/value-text.ts';
import { abortIfCancelled } from './cancel.ts';
import { uniqueColumnNames } from './column-names.ts';
import { withDecimalPoint } from './decimal-comma.ts';
import type { ImportNotice, ImportOptions } from './import-types.ts';
import type { RawColumn, RawTable } from './raw-table.ts';
import {
	arrowTypeOf,
	codedColumn,
	columnFromCells,
	dateColumn,
	fitsInt32,
	numberColumn
} from './arrow-columns.ts';

export interface TypedColumns {
	/** Backed by `arrow`'s columns (no second copy): it reads as the stored version will once decoded. */
	table: ColumnTable;
	/** The columns as Arrow, ready to encode (absent for a table without columns). */
	arrow?: Table;
	schema: ColumnSchema[];
	rows: number;
	notices: ImportNotice[];
}

type TypingOptions = Pick<ImportOptions, 'typeOverrides' | 'decimalComma' | 'signal'> & {
	/** Called after each column, for progress. */
	onColumn?: () => void;
};

interface Typed {
	type: ColumnType;
	arrow: Column<unknown>;
	lost: number;
	/** The column was written with decimal commas and read as numbers. */
	decimalComma?: boolean;
}

/** A column from one JS value per row (the general path): as arquero's toArrowIPC would store it. */
function fromCells(type: ColumnType, values: CellValue[]): Column<unknown> {
	return columnFromCells(values, arrowTypeOf(type, type === 'integer' && fitsInt32(values)));
}

function typeColumn(column: RawColumn, override: ColumnType | undefined, decimalComma: boolean): Typed {
	if (column.kind === 'typed') {
		if (override === undefined || override === column.type)
			return { type: column.type, arrow: fromCells(column.type, column.values), lost: 0 };
		// The person asked for another type: go back to each value's text and read it as that.
		const converted = convertColumn(Array.from(column.values, valueAsText), override);
		return { type: override, arrow: fromCells(override, converted.values), lost: converted.lost };
	}
	if (column.kind === 'dates') {
		if (override === undefined || override === 'date')
			return { type: 'date', arrow: dateColumn(column.values), lost: 0 };
		// Another type asked for: each date's text, as a column of Dates would give it.
		const text = Array.from(column.values, (time) => (time === time ? valueAsText(new Date(time)) : null));
		return typeColumn({ kind: 'text', values: text }, override, decimalComma);
	}
	if (column.kind === 'dictionary') return typeDictionary(column, override ?? column.type, decimalComma);
	if (column.kind === 'numeric') {
		if (override !== undefined) return typeColumn({ kind: 'text', values: column.text() }, override, false);
		if (column.present === 0) {
			// Nothing but missing values: text, all null.
			return { type: 'text', arrow: fromCells('text', new Array(column.values.length).fill(null)), lost: 0 };
		}
		// Straight from the parsed doubles: no JS value per row.
		const type = column.integer ? 'integer' : 'number';
		return { type, arrow: numberColumn(column.values, column.integer), lost: column.lost };
	}
	const normalized = decimalComma ? withDecimalPoint(column.values) : undefined;
	const text = normalized ?? column.values;
	const type = override ?? inferColumnType(text);
	const converted = convertColumn(text, type);
	return {
		type,
		arrow: fromCells(type, converted.values),
		lost: converted.lost,
		decimalComma: normalized !== undefined && isNumeric(type)
	};
}

/** Types each distinct value once, then gives every row its value's Arrow form through its code. */
function typeDictionary(
	column: { codes: Uint16Array | Uint32Array; entries: string[] },
	override: ColumnType | undefined,
	decimalComma: boolean
): Typed {
	const { codes, entries } = column;
	const counts = new Uint32Array(entries.length);
	for (let i = 0; i < codes.length; i++) counts[codes[i]!]!++;
	// Values taken back from dropped rows may linger in the dictionary; they must not sway the type.
	const used = entries.map((entry, code) => (counts[code]! > 0 ? entry : null));
	const normalized = decimalComma ? withDecimalPoint(used) : undefined;
	const text = normalized ?? used;
	const type = override ?? inferColumnType(text, counts);
	const converted = convertColumn(text, type).values;
	let lost = 0;
	text.forEach((entry, code) => {
		if (converted[code] === null && !isMissingValue(entry)) lost += counts[code]!;
	});
	// Empty text takes the general path, which lays out a column of no rows its own way.
	const arrow =
		type === 'text' && codes.length === 0 ? fromCells(type, []) : codedColumn(codes, converted, type);
	return { type, arrow, lost, decimalComma: normalized !== undefined && isNumeric(type) };
}

export function typeColumns(raw: RawTable, options: TypingOptions = {}): TypedColumns {
	const { names, notice } = uniqueColumnNames(raw.names);
	const notices: ImportNotice[] = [...raw.notices];
	if (notice) notices.push(notice);
	const overrides = options.typeOverrides ?? {};
	const decimalComma = options.decimalComma ?? raw.delimiter === ';';
	const schema: ColumnSchema[] = [];
	const columns: [string, Column<unknown>][] = [];
	const commaColumns: string[] = [];
	for (let j = 0; j < names.length; j++) {
		abortIfCancelled(options.signal);
		const name = names[j]!;
		const column = raw.columns[j]!;
		// Overrides name columns as the table shows them, or as the file spelt them.
		const override = pick(overrides, name) ?? pick(overrides, raw.names[j]!);
		const typed = typeColumn(column, override, decimalComma);
		if (typed.decimalComma) commaColumns.push(name);
		// The strings are not needed any more: let them go before the next column is typed.
		raw.columns[j] = { kind: 'text', values: [] };
		if (typed.lost > 0) {
			notices.push({
				kind: 'lost-values',
				message: lostMessage(typed.lost, name, typed.type)
			});
		}
		schema.push({ name, type: typed.type });
		columns.push([name, typed.arrow]);
		options.onColumn?.();
	}
	if (commaColumns.length > 0) {
		notices.push({
			kind: 'info',
			message: `Read decimal commas (“3,14” as 3.14) in ${commaColumns.map((c) => `“${c}”`).join(', ')}.`
		});
	}
	if (columns.length === 0) return { table: aq.table({}), schema, rows: raw.rows, notices };
	const arrow = tableFromColumns(columns);
	return {
		table: aq.fromArrow(arrow as unknown as Parameters<typeof aq.fromArrow>[0]),
		arrow,
		schema,
		rows: raw.rows,
		notices
	};
}

function pick(overrides: Record<string, ColumnType>, name: string): ColumnType | undefined {
	return Object.hasOwn(overrides, name) ? overrides[name] : undefined;
}

function isNumeric(type: ColumnType): boolean {
	return type === 'integer' || type === 'number';
}

const TYPE_IN_WORDS: Record<ColumnType, [one: string, many: string]> = {
	integer: ['a whole number', 'whole numbers'],
	number: ['a number', 'numbers'],
	boolean: ['true or false', 'true or false'],
	date: ['a date', 'dates'],
	category: ['a category', 'categories'],
	text: ['text', 'text']
};

function lostMessage(lost: number, name: string, type: ColumnType): string {
	const [one, many] = TYPE_IN_WORDS[type];
	return lost === 1
		? `1 value of “${name}” is not ${one} and became missing.`
		: `${lost.toLocaleString('en')} values of “${name}” are not ${many} and became missing.`;
}
