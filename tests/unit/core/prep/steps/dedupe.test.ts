// The dedupe step: keeps the first copy of each row (pandas drop_duplicates), on all columns or a subset,
// treats missing values as equal, tells colliding hashes apart, and removes nothing when predicting.
import * as aq from 'arquero';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	applyRecipe,
	fitRecipe,
	parseFittedRecipe,
	parseRecipe,
	validateStepParams
} from '../../../../../src/lib/core/prep/recipe/index.ts';
import { type PrepTable } from '../../../../../src/lib/core/table/prep-table.ts';
import { dedupe } from '../../../../../src/lib/core/prep/steps/dedupe/index.ts';
import { firstOccurrences } from '../../../../../src/lib/core/prep/steps/dedupe/find-duplicates.ts';
import { prepTable } from './prep-table.ts';

type Params = v.InferOutput<typeof dedupe.params>;
const params = (p: Record<string, unknown> = {}) => validateStepParams('dedupe', p, 0) as Params;

const visits = () =>
	prepTable({
		id: { type: 'integer', values: [1, 2, 3, 4, 5, 6, 7] },
		who: { type: 'category', values: ['ann', 'bo', 'ann', null, null, 'ann', 'bo'] },
		when: {
			type: 'date',
			values: [new Date(0), new Date(0), new Date(0), null, null, new Date(1000), new Date(0)]
		},
		score: { type: 'number', values: [1, 2, 1, Number.NaN, null, 1, 2.5] }
	});

function ids(table: PrepTable): number[] {
	return Array.from(table.table.array('id') as ArrayLike<number>);
}

function run(p: Params, table: PrepTable) {
	return dedupe.apply(p, dedupe.fit(p, table), table, 'train');
}

describe('dedupe', () => {
	it('keeps the first copy of rows that repeat on the chosen columns, dates compared by time', () => {
		expect(ids(run(params({ columns: ['who', 'when', 'score'] }), visits()))).toEqual([1, 2, 4, 6, 7]);
		expect(ids(run(params({ columns: ['who'] }), visits()))).toEqual([1, 2, 4]);
		expect(ids(run(params({ columns: ['who', 'when'] }), visits()))).toEqual([1, 2, 4, 6]);
	});

	it('compares whole rows by default, like pandas drop_duplicates()', () => {
		const table = prepTable({
			a: { type: 'integer', values: [1, 1, 2, 1, 2] },
			b: { type: 'category', values: ['x', 'x', 'y', 'y', 'y'] }
		});
		const out = run(params(), table);
		expect(Array.from(out.table.array('a') as ArrayLike<number>)).toEqual([1, 2, 1]);
		expect(Array.from(out.table.array('b') as ArrayLike<string>)).toEqual(['x', 'y', 'y']);
		expect(dedupe.fit(params(), table)).toEqual({ columns: ['a', 'b'] });
	});

	it('accepts the quality report’s empty parameters and describes itself', () => {
		expect(params({})).toEqual({ columns: [], keep: 'first' });
		expect(dedupe.describe(params({}))).toBe('Remove duplicate rows');
		expect(dedupe.describe(params({ columns: ['who', 'when'] }))).toBe('Remove rows that repeat who, when');
		expect(dedupe.defaults(visits().schema, { target: ['score'] })).toEqual({ columns: [], keep: 'first' });
	});

	it('refuses other keep rules and names a missing column', () => {
		expect(() => params({ keep: 'last' })).toThrow(/Only the first copy of a row can be kept/);
		expect(() => dedupe.fit(params({ columns: ['where'] }), visits())).toThrow(
			'Column “where” is not in the table at this step'
		);
	});

	it('never drops a row whose hash collides with a different row', () => {
		// Many distinct rows over a few values each: any 32-bit hash collisions must be resolved exactly.
		const rows = 60_000;
		const a = Array.from({ length: rows }, (_, i) => i % 251);
		const b = Array.from({ length: rows }, (_, i) => Math.floor(i / 251) % 241);
		const table = aq.table(
			new Map<string, unknown[]>([
				['a', [...a, ...a]],
				['b', [...b, ...b]]
			])
		);
		const expected = new Set(a.map((x, i) => `${x}|${b[i]}`)).size;
		const kept = firstOccurrences(table, ['a', 'b']);
		expect(kept.length).toBe(expected);
		expect(Math.max(...kept)).toBeLessThan(rows);
	});

	// How long it takes is timed in bench/core-timings.ts (`npm run bench`), not asserted here.
	it('keeps all 100,000 distinct rows, and one of each repeated row', () => {
		const rows = 100_000;
		const table = prepTable({
			x: { type: 'number', values: Array.from({ length: rows }, (_, i) => i % 50_000) },
			y: { type: 'category', values: Array.from({ length: rows }, (_, i) => `c${i % 7}`) }
		});
		const out = run(params(), table);
		// i and i + 50,000 share x, and share y only when 50,000 is a multiple of 7 (it is not): nothing repeats.
		expect(out.table.numRows()).toBe(rows);
		const copies = prepTable({
			x: { type: 'number', values: Array.from({ length: rows }, (_, i) => i % 1000) }
		});
		expect(run(params(), copies).table.numRows()).toBe(1000);
	});

	it('state survives JSON and the state schema', () => {
		const state = dedupe.fit(params({ columns: ['who'] }), visits());
		expect(v.parse(dedupe.state, JSON.parse(JSON.stringify(state)))).toEqual(state);
		expect(v.safeParse(dedupe.state, { columns: [] }).success).toBe(false);
	});

	it('runs through fitRecipe and applyRecipe, and keeps every row when predicting', () => {
		const recipe = parseRecipe({
			version: 1,
			steps: [{ op: 'dedupe', params: { columns: ['who', 'when', 'score'] } }]
		});
		const fitted = parseFittedRecipe(JSON.parse(JSON.stringify(fitRecipe(recipe, visits()))));
		// Row 3 repeats row 1; row 5 repeats row 4 (missing, NaN or null, equals missing).
		expect(ids(applyRecipe(fitted, visits(), 'train'))).toEqual([1, 2, 4, 6, 7]);
		expect(ids(applyRecipe(fitted, visits(), 'evaluate'))).toEqual([1, 2, 4, 6, 7]);
		expect(ids(applyRecipe(fitted, visits(), 'predict'))).toEqual([1, 2, 3, 4, 5, 6, 7]);
	});
});
