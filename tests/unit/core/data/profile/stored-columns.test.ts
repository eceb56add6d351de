import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { tableFromArrowIPC, tableToArrowIPC } from '../../../../../src/lib/core/data/arrow-ipc.ts';
import { profileTable } from '../../../../../src/lib/core/data/profile/index.ts';
import { storedCodes, storedDates } from '../../../../../src/lib/core/data/profile/stored-columns.ts';
import type { ColumnSchema } from '../../../../../src/lib/core/table/column-types.ts';

const SCHEMA: ColumnSchema[] = [
	{ name: 'when', type: 'date' },
	{ name: 'city', type: 'category' },
	{ name: 'note', type: 'text' }
];

function plain(rows: number) {
	const cities = ['Oslo', 'Lima', null, 'Accra'];
	return aq.table({
		when: Array.from({ length: rows }, (_, i) =>
			i % 11 === 0 ? null : new Date(Date.UTC(1900 + (i % 250), i % 12, 1 + (i % 28), i % 24))
		),
		city: Array.from({ length: rows }, (_, i) => cities[(i * 7) % 4] ?? null),
		note: Array.from({ length: rows }, (_, i) => (i % 13 === 0 ? null : `n${(i * 31) % 97}`))
	});
}

describe('stored columns', () => {
	it('reads dates and dictionary codes from the Arrow buffers, and the profile is the same as value by value', () => {
		const table = plain(5_000);
		const stored = tableFromArrowIPC(tableToArrowIPC(table, SCHEMA));
		const dates = storedDates(stored, 'when');
		expect(dates).not.toBeNull();
		expect(Number.isNaN(dates![0])).toBe(true);
		expect(dates![1]).toBe(Date.UTC(1901, 1, 2, 1));
		expect(dates![4_999]).toBe((table.get('when', 4_999) as Date).getTime());
		const codes = storedCodes(stored, 'city', 100);
		expect(codes).not.toBeNull();
		// First-seen order: Oslo (row 0), Accra (row 1, 7 % 4 = 3), Lima (row 3).
		expect(codes!.levels).toEqual(['Oslo', 'Accra', 'Lima']);
		expect(codes!.missing).toBe(1_250);
		expect(Array.from(codes!.counts)).toEqual([1_250, 1_250, 1_250]);
		expect(profileTable(stored, SCHEMA)).toEqual(profileTable(table, SCHEMA));
	});

	it('answers null where the column is not stored that way, so the value-by-value reader runs', () => {
		const table = plain(100);
		expect(storedDates(table, 'when')).toBeNull();
		expect(storedCodes(table, 'city', 100)).toBeNull();
		const stored = tableFromArrowIPC(tableToArrowIPC(table, SCHEMA));
		// More distinct values than allowed: the caller's dictionary (with its overflow) decides.
		expect(storedCodes(stored, 'city', 2)).toBeNull();
		// Plain text is stored without a dictionary.
		expect(storedCodes(stored, 'note', 1_000)).toBeNull();
		expect(
			storedCodes(
				stored.filter((d) => d.city === 'Oslo'),
				'city',
				100
			)
		).toBeNull();
	});
});
