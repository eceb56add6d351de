// Test helper: a PrepTable from plain columns and their Benchtop types.
import * as aq from 'arquero';
import type { ColumnType } from '../../../../../src/lib/core/table/column-types.ts';
import type { PrepTable } from '../../../../../src/lib/core/table/prep-table.ts';

export function makeTable(
	columns: Record<string, { type: ColumnType; values: ArrayLike<unknown> }>
): PrepTable {
	return {
		table: aq.table(new Map(Object.entries(columns).map(([name, column]) => [name, column.values]))),
		schema: Object.entries(columns).map(([name, { type }]) => ({ name, type }))
	};
}

/** Every index list ascending, disjoint, and together exactly the rows not excluded. */
export function expectPartition(
	lists: readonly Uint32Array[],
	n: number,
	excluded: ReadonlySet<number> = new Set()
): void {
	const seen = new Uint8Array(n);
	for (const list of lists) {
		for (let i = 0; i < list.length; i++) {
			if (i > 0 && list[i - 1]! >= list[i]!) throw new Error(`indices not ascending at ${i}`);
			if (seen[list[i]!]) throw new Error(`row ${list[i]} is in two splits`);
			seen[list[i]!] = 1;
		}
	}
	for (let row = 0; row < n; row++) {
		if (!seen[row] !== excluded.has(row))
			throw new Error(`row ${row} is ${seen[row] ? 'in' : 'missing from'} the splits`);
	}
}
