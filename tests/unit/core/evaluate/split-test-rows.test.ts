// The run's test rows drawn again from its split record, as plain row objects (the rows the edge bundle's
// quantised variants are scored on in the export worker).
import { describe, expect, it } from 'vitest';
import { splitTestRows } from '../../../../src/lib/core/evaluate/split-test-rows.ts';
import { splitRows } from '../../../../src/lib/core/prep/split/index.ts';
import { columnValues } from '../../../../src/lib/core/table/read-column.ts';
import { loadSample } from '../data/profile/load-sample.ts';

const iris = loadSample('iris.csv');

describe('splitTestRows', () => {
	it('gives the test rows, every column, in the split’s order', () => {
		const split = splitRows(iris, { seed: 4, train: 0.65, validation: 0.15, test: 0.2 });
		const rows = splitTestRows(iris, split.record)!;
		expect(rows).toHaveLength(split.test.length);
		expect(rows.length).toBeGreaterThan(20);
		const species = columnValues(iris.table, 'species');
		const petal = columnValues(iris.table, 'petal_length');
		rows.forEach((row, k) => {
			expect(Object.keys(row)).toEqual(iris.schema.map((c) => c.name));
			expect(row.species).toBe(species[split.test[k]!]);
			expect(row.petal_length).toBe(petal[split.test[k]!]);
		});
	});

	it('stops at the cap, and gives nothing for a split of other rows or without test rows', () => {
		const split = splitRows(iris, { seed: 4, train: 0.65, validation: 0.15, test: 0.2 });
		expect(splitTestRows(iris, split.record, 7)).toHaveLength(7);
		expect(splitTestRows(iris, { ...split.record, indicesHash: 'other' })).toBeUndefined();
		expect(
			splitTestRows(iris, { ...split.record, counts: { ...split.record.counts, test: 0 } })
		).toBeUndefined();
	});
});
