// The columnar fast paths of fit and apply (dictionary keys for categories, epoch milliseconds for dates,
// typed numbers passed through) must give exactly what the value-by-value path gives. Seeded random
// tables are prepared twice: as plain JS arrays (strings, Date objects, nulls: the row-wise reference
// path) and as the same table stored to Arrow and read back (the path every imported table takes).
import * as aq from 'arquero';
import fc from 'fast-check';
import { dictionary, timestamp, TimeUnit, utf8 } from '@uwdata/flechette';
import { describe, expect, it } from 'vitest';
import { applyRecipe, fitRecipe } from '../../../../../src/lib/core/prep/recipe/index.ts';
import type { Recipe } from '../../../../../src/lib/core/prep/recipe/types.ts';
import type { PrepTable } from '../../../../../src/lib/core/table/prep-table.ts';
import { columnValues } from '../../../../../src/lib/core/table/read-column.ts';
import {
	datePart,
	datePartsOfTimes,
	DATE_PARTS
} from '../../../../../src/lib/core/prep/steps/date-parts/parts.ts';

const CITIES = ['Lisbon', 'Oslo', 'Lima', 'Hanoi', 'Accra', 'Quito', 'Tromsø', ''];

/** A table from one random seed: numbers with gaps, a category with gaps, dates from 1600 to 2400. */
function randomColumns(seed: number, rows: number) {
	let state = seed >>> 0 || 1;
	const next = () => {
		state = (Math.imul(state, 1103515245) + 12345) >>> 0;
		return state / 2 ** 32;
	};
	const amount: (number | null)[] = [];
	const visits: (number | null)[] = [];
	const city: (string | null)[] = [];
	const joined: (Date | null)[] = [];
	for (let r = 0; r < rows; r++) {
		amount.push(next() < 0.1 ? null : Math.round((next() - 0.3) * 1e6) / 100);
		visits.push(next() < 0.05 ? null : Math.floor(next() * 50));
		city.push(next() < 0.1 ? null : CITIES[Math.floor(next() ** 2 * CITIES.length)]!);
		const time = (next() - 0.5) * 2 * 1.3e13 + next() * 1000;
		joined.push(next() < 0.1 ? null : new Date(Math.trunc(time)));
	}
	return { amount, visits, city, joined };
}

const SCHEMA: PrepTable['schema'] = [
	{ name: 'amount', type: 'number' },
	{ name: 'visits', type: 'integer' },
	{ name: 'city', type: 'category' },
	{ name: 'joined', type: 'date' }
];

function plainTable(columns: ReturnType<typeof randomColumns>): PrepTable {
	return { table: aq.table(columns), schema: SCHEMA };
}

/** Stored as the studio stores tables (Arrow IPC, categories as dictionaries) and read back. */
function arrowTable(plain: PrepTable): PrepTable {
	const bytes = aq.toArrowIPC(plain.table, {
		types: { city: dictionary(utf8()), joined: timestamp(TimeUnit.MILLISECOND) }
	});
	return { table: aq.fromArrow(bytes), schema: plain.schema };
}

function recipe(maxLevels: number, method: 'one-hot' | 'ordinal'): Recipe {
	const parts = [...DATE_PARTS];
	return {
		version: 1,
		steps: [
			{ op: 'impute', params: { columns: ['amount', 'visits'], strategy: 'median' }, enabled: true },
			{
				op: 'impute',
				params: { columns: ['city'], strategy: 'most-frequent', indicator: true },
				enabled: true
			},
			{ op: 'date-parts', params: { columns: ['joined'], parts }, enabled: true },
			{
				op: 'impute',
				params: { columns: parts.map((p) => `joined_${p}`), strategy: 'median' },
				enabled: true
			},
			{ op: 'scale', params: { columns: ['amount', 'visits', 'joined_year'] }, enabled: true },
			{ op: 'encode', params: { columns: ['city'], method, maxLevels }, enabled: true }
		]
	};
}

/** Every column as plain values, for an exact comparison whatever array holds them. */
function contents(table: PrepTable): Record<string, unknown[]> {
	return Object.fromEntries(
		table.schema.map(({ name }) => [name, Array.from(columnValues(table.table, name))])
	);
}

describe('columnar recipe paths', () => {
	it('fit and apply on Arrow columns give exactly what they give on plain values', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 2 ** 31 - 1 }),
				fc.integer({ min: 1, max: 400 }),
				fc.integer({ min: 1, max: 8 }),
				fc.constantFrom('one-hot' as const, 'ordinal' as const),
				(seed, rows, maxLevels, method) => {
					const plain = plainTable(randomColumns(seed, rows));
					const arrow = arrowTable(plain);
					const fitted = fitRecipe(recipe(maxLevels, method), plain);
					expect(fitRecipe(recipe(maxLevels, method), arrow)).toEqual(fitted);
					const expected = applyRecipe(fitted, plain, 'evaluate');
					const actual = applyRecipe(fitted, arrow, 'evaluate');
					expect(actual.schema).toEqual(expected.schema);
					expect(contents(actual)).toEqual(contents(expected));
				}
			),
			{ numRuns: 60, seed: 20 }
		);
	});

	it('the filled category column stays an Arrow dictionary (no string per row)', () => {
		const arrow = arrowTable(plainTable(randomColumns(7, 50)));
		const fitted = fitRecipe(
			{
				version: 1,
				steps: [
					{
						op: 'impute',
						params: { columns: ['city'], strategy: 'most-frequent' },
						enabled: true
					}
				]
			},
			arrow
		);
		const out = applyRecipe(fitted, arrow, 'evaluate');
		const column = out.table.column('city') as unknown as { groups?: unknown };
		expect(typeof column.groups).toBe('function');
		expect(Array.from(columnValues(out.table, 'city'))).not.toContain(null);
	});
});

describe('datePartsOfTimes', () => {
	it('reads every part as a Date does, before 1970, past 9999, at the edges and for fractions', () => {
		const edges = [0, -1, -0.5, 0.5, 86_399_999, -86_400_000, 951_782_400_000, 8.64e15, -8.64e15];
		fc.assert(
			fc.property(
				fc.array(
					fc.oneof(
						fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }),
						fc.integer({ min: -1e13, max: 1e13 }),
						fc.constantFrom(...edges, 8.64e15 + 1, NaN, Infinity)
					),
					{ minLength: 1, maxLength: 50 }
				),
				(list) => {
					const times = Float64Array.from(list);
					const columns = datePartsOfTimes(times, DATE_PARTS);
					DATE_PARTS.forEach((part, p) => {
						const expected = list.map((t) => {
							const x = datePart(new Date(t), part);
							return Number.isNaN(x) ? null : x;
						});
						expect(Array.from(columns[p]!, (x) => (x === null || Number.isNaN(x) ? null : x))).toEqual(
							expected
						);
					});
				}
			),
			{ numRuns: 200, seed: 20 }
		);
	});
});
