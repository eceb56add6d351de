// The raw test rows a run held back, as plain objects (the columns the data set has, as typed there),
// drawn again from the run's split record: the rows each quantised variant of the edge bundle is scored
// on. Column by column: arquero's row objects are built by generated code, which the page's CSP forbids.
import { BenchtopError } from '../errors.ts';
import { recreateSplit } from './evaluate-split.ts';
import type { SplitRecord } from '../prep/split/types.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { columnValues } from '../table/read-column.ts';

/** Test rows scored per quantised variant, at most: enough for a stable figure, quick to score. */
export const MAX_TEST_ROWS = 5000;

/** The first `max` test rows; undefined when the split no longer fits the table (it changed) or is empty. */
export function splitTestRows(
	input: PrepTable,
	record: SplitRecord,
	max = MAX_TEST_ROWS
): Record<string, unknown>[] | undefined {
	if (record.counts.test === 0) return undefined;
	let split;
	try {
		split = recreateSplit(input, record);
	} catch (error) {
		if (error instanceof BenchtopError) return undefined;
		throw error;
	}
	const columns = input.schema.map((c) => [c.name, columnValues(input.table, c.name)] as const);
	return Array.from(split.test.subarray(0, max), (i) => {
		const row: Record<string, unknown> = {};
		for (const [name, values] of columns) {
			const value = values[i];
			row[name] = typeof value === 'bigint' ? Number(value) : value;
		}
		return row;
	});
}
