// Reads Arrow IPC (file or stream format); each column's Arrow type says its Benchtop type, and strings
// become categories or text by the same distinct-value rule as CSV text.
import { tableFromIPC, Type } from '@uwdata/flechette';
import type { DataType, Table } from '@uwdata/flechette';
import { BenchtopError } from '../../errors.ts';
import type { ColumnType } from '../../table/column-types.ts';
import type { CellValue } from '../convert-column.ts';
import { categoryOrText } from '../infer-column-type.ts';
import { damaged, sourceBytes } from './binary-source.ts';
import type { ImportOptions } from './import-types.ts';
import type { RawColumn, RawTable } from './raw-table.ts';

const ARROW_MAGIC = 'ARROW1';

/** The Benchtop type of an Arrow type; 'strings' is decided from the values (category or text). */
function benchtopType(type: DataType): ColumnType | 'strings' {
	switch (type.typeId) {
		case Type.Dictionary:
			return benchtopType(type.dictionary);
		case Type.Int:
			return 'integer';
		case Type.Float:
		case Type.Decimal:
			return 'number';
		case Type.Bool:
			return 'boolean';
		case Type.Date:
		case Type.Timestamp:
			return 'date';
		case Type.Utf8:
		case Type.LargeUtf8:
		case Type.Utf8View:
			return 'strings';
		default:
			// Lists, structs, maps, times, durations, binary: kept as readable text.
			return 'text';
	}
}

function cellValue(value: unknown, type: ColumnType): CellValue {
	if (value === null || value === undefined) return null;
	switch (type) {
		case 'integer':
		case 'number':
			return typeof value === 'bigint' ? Number(value) : Number.isNaN(value) ? null : (value as number);
		case 'boolean':
			return Boolean(value);
		case 'date':
			return value instanceof Date ? value : new Date(Number(value));
		default:
			return asText(value);
	}
}

function asText(value: unknown): string | null {
	if (typeof value === 'string') return value;
	if (value instanceof Uint8Array) return null;
	if (typeof value === 'bigint') return value.toString();
	if (typeof value === 'object' && value !== null)
		return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
	return String(value);
}

function decode(bytes: Uint8Array): Table {
	try {
		return tableFromIPC(bytes, { useDate: true });
	} catch (error) {
		const isFile = new TextDecoder().decode(bytes.subarray(0, 6)) === ARROW_MAGIC;
		const reason =
			isFile && new TextDecoder().decode(bytes.subarray(bytes.length - 6)) !== ARROW_MAGIC
				? 'it does not end with the Arrow footer, so it was probably cut short'
				: 'its data could not be decoded';
		throw damaged('Arrow', reason, error);
	}
}

export async function readArrow(
	source: Blob | Uint8Array | string,
	options: ImportOptions
): Promise<RawTable> {
	const bytes = await sourceBytes(source, 'Arrow', options.signal);
	const arrow = decode(bytes);
	const fields = arrow.schema.fields;
	if (fields.length === 0) throw new BenchtopError('bad-input', 'The Arrow file has no columns.');
	const rows = arrow.numRows;
	if (rows === 0) throw new BenchtopError('bad-input', 'The Arrow file has columns but no rows.');
	const columns: RawColumn[] = [];
	try {
		fields.forEach((field, index) => {
			const mapped = benchtopType(field.type);
			const readAs = mapped === 'strings' ? 'text' : mapped;
			const values = Array.from(arrow.getChildAt(index)?.toArray() ?? [], (v) => cellValue(v, readAs));
			const type = mapped === 'strings' ? categoryOrText(values as (string | null)[]) : mapped;
			columns.push({ kind: 'typed', type, values });
		});
	} catch (error) {
		throw damaged('Arrow', 'its data could not be decoded', error);
	}
	return { names: fields.map((f) => f.name), columns, rows, notices: [] };
}
