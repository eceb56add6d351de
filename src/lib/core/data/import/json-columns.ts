// Gathers JSON records into one array of values per key (in first-seen order) and shapes each column
// from its JavaScript values: numbers and booleans stay so, strings are typed like CSV, nested is JSON text.
import { BenchtopError } from '../../errors.ts';
import type { CellValue } from '../convert-column.ts';
import type { ImportNotice } from './import-types.ts';
import type { RawColumn, RawTable } from './raw-table.ts';

export class JsonColumns {
	// Keys are data ("__proto__" is a valid one): a Map, never a plain object.
	private readonly byName = new Map<string, unknown[]>();
	rows = 0;

	/** `where` names the record for an error message ("item 3", "line 7"), built only when needed. */
	add(record: unknown, where: () => string): void {
		if (typeof record !== 'object' || record === null || Array.isArray(record)) {
			throw new BenchtopError(
				'bad-input',
				`Expected an object with one key per column at ${where()}, found ${describe(record)}.`
			);
		}
		const row = this.rows++;
		for (const key of Object.keys(record)) {
			let column = this.byName.get(key);
			if (!column) {
				column = new Array<unknown>(row).fill(null);
				this.byName.set(key, column);
			}
			while (column.length < row) column.push(null);
			column.push((record as Record<string, unknown>)[key]);
		}
	}

	table(notices: ImportNotice[] = []): RawTable {
		if (this.rows === 0) throw new BenchtopError('bad-input', 'The JSON holds no records.');
		if (this.byName.size === 0)
			throw new BenchtopError('bad-input', 'The JSON records have no keys, so there are no columns.');
		const columns: RawColumn[] = [];
		for (const values of this.byName.values()) {
			while (values.length < this.rows) values.push(null);
			columns.push(jsonColumn(values));
		}
		return { names: [...this.byName.keys()], columns, rows: this.rows, notices };
	}
}

function describe(value: unknown): string {
	if (Array.isArray(value)) return 'an array';
	if (value === null) return 'null';
	return `a ${typeof value}`;
}

function jsonColumn(values: unknown[]): RawColumn {
	let present = 0;
	let numbers = 0;
	let integers = 0;
	let booleans = 0;
	let strings = 0;
	let nested = 0;
	for (const value of values) {
		if (value === null || value === undefined) continue;
		present++;
		if (typeof value === 'number') {
			numbers++;
			if (Number.isInteger(value)) integers++;
		} else if (typeof value === 'boolean') booleans++;
		else if (typeof value === 'string') strings++;
		else nested++;
	}
	if (present > 0 && numbers === present)
		return {
			kind: 'typed',
			type: integers === present ? 'integer' : 'number',
			values: values as CellValue[]
		};
	if (present > 0 && booleans === present)
		return { kind: 'typed', type: 'boolean', values: values as CellValue[] };
	if (nested > 0) return { kind: 'typed', type: 'text', values: values.map(asText) };
	// Strings (or a mix like 1 and "N/A") are read like CSV text, so "2024-01-02" becomes a date.
	return { kind: 'text', values: strings === present ? (values as (string | null)[]) : values.map(asText) };
}

function asText(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
