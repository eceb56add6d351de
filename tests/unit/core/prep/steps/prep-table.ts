// Test helper: a small typed table from named columns, in the order given.
import * as aq from 'arquero';
import type { ColumnType } from '../../../../../src/lib/core/table/column-types.ts';
import type { PrepTable } from '../../../../../src/lib/core/table/prep-table.ts';

export function prepTable(columns: Record<string, { type: ColumnType; values: unknown[] }>): PrepTable {
	const entries = Object.entries(columns);
	return {
		table: aq.table(new Map(entries.map(([name, c]) => [name, c.values]))),
		schema: entries.map(([name, c]) => ({ name, type: c.type }))
	};
}
