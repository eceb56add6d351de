// The encode step: one-hot and ordinal encodings checked against scikit-learn on the sample data, the
// maxLevels cap (including a column with 100,000 categories), unseen categories and bad input.
import * as v from 'valibot';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	applyRecipe,
	fitRecipe,
	parseFittedRecipe,
	validateStepParams
} from '../../../../../src/lib/core/prep/recipe/index.ts';
import { takeRows } from '../../../../../src/lib/core/table/take-rows.ts';
import { type PrepTable } from '../../../../../src/lib/core/table/prep-table.ts';
import { encode } from '../../../../../src/lib/core/prep/steps/encode/index.ts';
import { loadSample } from '../../data/profile/load-sample.ts';
import { prepTable } from './prep-table.ts';

interface FixtureCase {
	dataset: string;
	column: string;
	fitWhere: { column: string; notEqual: string } | null;
	params: Record<string, unknown>;
	names: string[];
	rows: (number | null)[][];
}
const FIXTURE = JSON.parse(
	readFileSync(new URL('../../../../fixtures/sklearn/prep-encode.json', import.meta.url), 'utf8')
) as { cases: FixtureCase[] };

function run(params: Record<string, unknown>, train: PrepTable, test: PrepTable = train) {
	const valid = validateStepParams('encode', params, 0) as v.InferOutput<typeof encode.params>;
	const state = encode.fit(valid, train);
	return { state, output: encode.apply(valid, state, test, 'evaluate') };
}

function column(table: PrepTable, name: string): unknown[] {
	return Array.from(table.table.array(name) as ArrayLike<unknown>);
}

describe('encode against scikit-learn', () => {
	for (const c of FIXTURE.cases) {
		const where = c.fitWhere ? ` fitted where ${c.fitWhere.column} ≠ ${c.fitWhere.notEqual}` : '';
		it(`${c.dataset} ${c.column} ${JSON.stringify(c.params)}${where}`, () => {
			const data = loadSample(c.dataset);
			let train: PrepTable = data;
			if (c.fitWhere) {
				const values = column(data, c.fitWhere.column);
				const rows = values.flatMap((value, i) => (value !== c.fitWhere!.notEqual ? [i] : []));
				train = takeRows(data, rows);
			}
			const { output } = run(c.params, train, data);
			const at = data.schema.findIndex((s) => s.name === c.column);
			const names = output.schema.map((s) => s.name);
			// The encoded columns sit where the original was, in sklearn's order.
			expect(names.slice(at, at + c.names.length)).toEqual(c.names);
			if (c.params.method === 'one-hot') expect(names).not.toContain(c.column);
			const got = Array.from({ length: data.table.numRows() }, (_, r) =>
				c.names.map((name) => (output.table.array(name) as ArrayLike<number | null>)[r])
			);
			expect(got).toEqual(c.rows);
			for (const name of c.names) expect(output.schema.find((s) => s.name === name)?.type).toBe('integer');
		});
	}
});

describe('encode', () => {
	const colours = () =>
		prepTable({
			id: { type: 'integer', values: [1, 2, 3, 4, 5, 6] },
			colour: { type: 'category', values: ['red', 'blue', 'red', null, 'green', 'red'] },
			size: { type: 'number', values: [1, 2, 3, 4, 5, 6] }
		});
	const unseen = () =>
		prepTable({
			id: { type: 'integer', values: [7, 8, 9] },
			colour: { type: 'category', values: ['purple', 'blue', null] },
			size: { type: 'number', values: [1, 2, 3] }
		});

	it('one-hot: a 0/1 column per category in place of the original, missing as all zeros', () => {
		const { output } = run({ columns: ['colour'] }, colours());
		expect(output.schema.map((s) => s.name)).toEqual([
			'id',
			'colour=blue',
			'colour=green',
			'colour=red',
			'size'
		]);
		expect(column(output, 'colour=red')).toEqual([1, 0, 1, 0, 0, 1]);
		expect(column(output, 'colour=blue')).toEqual([0, 1, 0, 0, 0, 0]);
		expect(column(output, 'colour=green')).toEqual([0, 0, 0, 0, 1, 0]);
	});

	it('ordinal: codes in sorted order, missing stays missing', () => {
		const { output } = run({ columns: ['colour'], method: 'ordinal' }, colours());
		expect(output.schema.map((s) => s.name)).toEqual(['id', 'colour', 'size']);
		expect(output.schema[1]!.type).toBe('integer');
		expect(column(output, 'colour')).toEqual([2, 0, 2, null, 1, 2]);
	});

	it('sorts the categories of an integer column by value', () => {
		const table = prepTable({ n: { type: 'integer', values: [10, 2, 1, 10] } });
		const { output } = run({ columns: ['n'] }, table);
		expect(output.schema.map((s) => s.name)).toEqual(['n=1', 'n=2', 'n=10']);
		expect(column(run({ columns: ['n'], method: 'ordinal' }, table).output, 'n')).toEqual([2, 1, 0, 2]);
	});

	it('encodes booleans as true/false', () => {
		const table = prepTable({ b: { type: 'boolean', values: [true, false, null] } });
		const { output } = run({ columns: ['b'] }, table);
		expect(output.schema.map((s) => s.name)).toEqual(['b=false', 'b=true']);
		expect(column(output, 'b=true')).toEqual([1, 0, 0]);
	});

	it('unseen categories: other (default), ignore and missing, one-hot and ordinal', () => {
		const capped = { columns: ['colour'], maxLevels: 1 };
		// red is kept; blue and green share colour_other; purple was never seen.
		let out = run(capped, colours(), unseen()).output;
		expect(out.schema.map((s) => s.name)).toEqual(['id', 'colour=red', 'colour_other', 'size']);
		expect(column(out, 'colour_other')).toEqual([1, 1, 0]);
		out = run({ ...capped, unseen: 'ignore' }, colours(), unseen()).output;
		expect(column(out, 'colour_other')).toEqual([0, 1, 0]);
		expect(column(out, 'colour=red')).toEqual([0, 0, 0]);
		out = run({ ...capped, unseen: 'missing' }, colours(), unseen()).output;
		expect(column(out, 'colour_other')).toEqual([null, 1, 0]);
		expect(column(out, 'colour=red')).toEqual([null, 0, 0]);
		// Without folded categories there is no other column: unseen with 'other' is all zeros.
		out = run({ columns: ['colour'] }, colours(), unseen()).output;
		expect(out.schema.map((s) => s.name)).toEqual([
			'id',
			'colour=blue',
			'colour=green',
			'colour=red',
			'size'
		]);
		expect([0, 1, 2].map((r) => ['blue', 'green', 'red'].map((l) => column(out, `colour=${l}`)[r]))).toEqual([
			[0, 0, 0],
			[1, 0, 0],
			[0, 0, 0]
		]);
		const ordinal = (unseenParam: string, maxLevels = 20) =>
			column(
				run({ columns: ['colour'], method: 'ordinal', unseen: unseenParam, maxLevels }, colours(), unseen())
					.output,
				'colour'
			);
		expect(ordinal('other')).toEqual([3, 0, null]);
		expect(ordinal('ignore')).toEqual([-1, 0, null]);
		expect(ordinal('missing')).toEqual([null, 0, null]);
		// Capped ordinal: red is 0, the folded blue and green share code 1.
		expect(
			column(run({ columns: ['colour'], method: 'ordinal', maxLevels: 1 }, colours()).output, 'colour')
		).toEqual([0, 1, 0, null, 1, 0]);
		expect(ordinal('ignore', 1)).toEqual([-1, 1, null]);
	});

	it('stores folded categories only when unseen ones must be told apart from them', () => {
		expect(run({ columns: ['colour'], maxLevels: 1 }, colours()).state.columns[0]).toEqual({
			name: 'colour',
			levels: ['red'],
			foldedCount: 2,
			folded: []
		});
		expect(
			run({ columns: ['colour'], maxLevels: 1, unseen: 'ignore' }, colours()).state.columns[0]!.folded
		).toEqual(['blue', 'green']);
	});

	// How long these two take is timed in bench/core-timings.ts (`npm run bench`), not asserted here.
	it('caps 100,000 distinct categories in 100,000 rows at maxLevels columns', () => {
		const rows = 100_000;
		const unique = Array.from({ length: rows }, (_, i) => `u-${i}`);
		const table = prepTable({ code: { type: 'category', values: unique } });
		const { state, output } = run({ columns: ['code'], unseen: 'ignore' }, table);
		expect(output.schema).toHaveLength(21);
		// All tied at one row each: the 20 labels that sort last keep their own columns, like sklearn.
		expect(state.columns[0]!.levels).toEqual([...unique].sort().slice(-20));
		expect(column(output, 'code_other').filter((x) => x === 1)).toHaveLength(rows - 20);
	});

	it('keeps the most frequent categories of a long-tailed column and a small state', () => {
		const rows = 100_000;
		// 30 common categories over the first half (0–19 seen 1,667 times, 20–29 1,666), then 50,000 seen once.
		const values = Array.from({ length: rows }, (_, i) => (i < rows / 2 ? `common-${i % 30}` : `id-${i}`));
		const { state, output } = run({ columns: ['code'] }, prepTable({ code: { type: 'category', values } }));
		expect(output.schema.map((s) => s.name)).toEqual([
			...Array.from({ length: 20 }, (_, i) => `code=common-${i}`).sort(),
			'code_other'
		]);
		expect(column(output, 'code_other').filter((x) => x === 1)).toHaveLength(rows - 20 * 1667);
		expect(column(output, 'code=common-3').filter((x) => x === 1)).toHaveLength(1667);
		// unseen='other' (the default) need not remember the 50,010 folded categories.
		expect(state.columns[0]!.foldedCount).toBe(50_010);
		expect(JSON.stringify(state).length).toBeLessThan(1000);
	});

	it('refuses maxLevels above 1000 and other bad parameters with a message', () => {
		expect(() => validateStepParams('encode', { columns: ['a'], maxLevels: 5000 }, 0)).toThrow(
			/maxLevels is at most 1000/
		);
		expect(() => validateStepParams('encode', { columns: ['a'], maxLevels: 2.5 }, 0)).toThrow(/whole number/);
		expect(() => validateStepParams('encode', { columns: [] }, 0)).toThrow(/at least one column/);
		expect(() => validateStepParams('encode', { columns: ['a'], method: 'target' }, 0)).toThrow(
			/“one-hot” or “ordinal”/
		);
	});

	it('names a missing column, a number column and a column with no values', () => {
		expect(() => run({ columns: ['shade'] }, colours())).toThrow(
			'Column “shade” is not in the table at this step'
		);
		expect(() => run({ columns: ['size'] }, colours())).toThrow(
			'Column “size” is number; encoding is for categories, booleans, text and whole numbers.'
		);
		const empty = prepTable({ c: { type: 'category', values: [null, null] } });
		expect(() => run({ columns: ['c'] }, empty)).toThrow('Column “c” has no values to learn categories from');
	});

	it('state survives JSON and the state schema', () => {
		const { state } = run({ columns: ['colour'], maxLevels: 1, unseen: 'ignore' }, colours());
		const back = v.parse(encode.state, JSON.parse(JSON.stringify(state)));
		expect(back).toEqual(state);
		expect(
			v.safeParse(encode.state, { columns: [{ name: 'x', levels: ['a'], foldedCount: -1, folded: [] }] })
				.success
		).toBe(false);
	});

	it('defaults to the category and boolean columns other than the target; describes itself', () => {
		const schema = [
			{ name: 'Species', type: 'category' as const },
			{ name: 'Island', type: 'category' as const },
			{ name: 'alive', type: 'boolean' as const },
			{ name: 'mass', type: 'number' as const }
		];
		const params = encode.defaults(schema, { target: ['Species'] });
		expect(params).toEqual({
			columns: ['Island', 'alive'],
			method: 'one-hot',
			maxLevels: 20,
			unseen: 'other'
		});
		expect(encode.describe(params)).toBe('One-hot encode Island, alive (at most 20 categories each)');
		// The quality report's proposal is a valid parameter set.
		expect(
			validateStepParams('encode', { columns: ['Island'], method: 'one-hot', maxLevels: 20 }, 0)
		).toEqual({
			columns: ['Island'],
			method: 'one-hot',
			maxLevels: 20,
			unseen: 'other'
		});
	});

	it('runs through fitRecipe and applyRecipe, including a fitted recipe read back from JSON', () => {
		const penguins = loadSample('penguins.csv');
		const recipe = {
			version: 1 as const,
			steps: [{ op: 'encode', params: { columns: ['Island', 'Sex'] }, enabled: true }]
		};
		const fitted = parseFittedRecipe(JSON.parse(JSON.stringify(fitRecipe(recipe, penguins))));
		expect(fitted.outputSchema.map((s) => s.name)).toEqual([
			'Species',
			'Island=Biscoe',
			'Island=Dream',
			'Island=Torgersen',
			'Beak Length (mm)',
			'Beak Depth (mm)',
			'Flipper Length (mm)',
			'Body Mass (g)',
			'Sex=.',
			'Sex=FEMALE',
			'Sex=MALE'
		]);
		const fresh = prepTable({
			Species: { type: 'category', values: ['Adelie'] },
			Island: { type: 'category', values: ['Atlantis'] },
			'Beak Length (mm)': { type: 'number', values: [40] },
			'Beak Depth (mm)': { type: 'number', values: [18] },
			'Flipper Length (mm)': { type: 'number', values: [190] },
			'Body Mass (g)': { type: 'number', values: [3700] },
			Sex: { type: 'category', values: ['FEMALE'] }
		});
		const out = applyRecipe(fitted, fresh, 'predict');
		expect(out.schema).toEqual(fitted.outputSchema);
		expect(
			['Island=Biscoe', 'Island=Dream', 'Island=Torgersen', 'Sex=FEMALE'].map((n) => column(out, n)[0])
		).toEqual([0, 0, 0, 1]);
	});
});
