// Types text columns into the table Benchtop stores: each column's type from all of its values (or
// the person's override), values converted, what did not fit counted and reported.
import * as aq from 'arquero';
import type { ColumnSchema } from '../column-types.ts';
import { convertColumn } from '../convert-column.ts';
import { inferColumnType } from '../infer-column-type.ts';
import type { ImportNotice, ImportOptions, ImportResult, TextColumns } from './import-types.ts';

const DECIMAL_COMMA = /^\s*[+-]?\d{1,3}(\.\d{3})*(,\d+)?\s*$|^\s*[+-]?\d+(,\d+)?\s*$/;

/** "1.234,5" → "1234.5", only when every present value of the column is written that way. */
function withDecimalPoint(values: (string | null)[]): (string | null)[] {
	const present = values.filter((v): v is string => v !== null && v.trim() !== '');
	if (present.length === 0 || !present.every((v) => DECIMAL_COMMA.test(v))) return values;
	return values.map((v) => (v === null ? v : v.replace(/\./g, '').replace(',', '.')));
}

export function typeColumns(
	raw: TextColumns,
	options: Pick<ImportOptions, 'typeOverrides' | 'decimalComma'>
): Pick<ImportResult, 'table' | 'schema' | 'rows' | 'notices'> {
	const schema: ColumnSchema[] = [];
	// Column names are data ("__proto__" is a valid one): keys go on an object without a prototype.
	const columns: Record<string, unknown[]> = Object.create(null);
	const notices: ImportNotice[] = [...raw.notices];
	const overrides = options.typeOverrides ?? {};
	raw.names.forEach((name, j) => {
		const text = options.decimalComma ? withDecimalPoint(raw.columns[j]!) : raw.columns[j]!;
		const overridden = Object.hasOwn(overrides, name) ? overrides[name] : undefined;
		const type = overridden ?? inferColumnType(text);
		const converted = convertColumn(text, type);
		if (converted.lost > 0) {
			notices.push({
				kind: 'lost-values',
				message: `${converted.lost.toLocaleString('en')} values of “${name}” are not ${type} values and became missing.`
			});
		}
		schema.push({ name, type });
		columns[name] = converted.values;
	});
	const rows = raw.columns[0]?.length ?? 0;
	return { table: aq.table(columns, raw.names), schema, rows, notices };
}
