// The derive step: a number column from a safe formula, appended at the end; messages for bad formulas,
// unknown or unsuitable columns and name clashes; the parsed tree as state.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	applyRecipe,
	fitRecipe,
	parseFittedRecipe,
	parseRecipe,
	validateStepParams
} from '../../../../../src/lib/core/prep/recipe/index.ts';
import { derive } from '../../../../../src/lib/core/prep/steps/derive/index.ts';
import { loadSample } from '../../data/profile/load-sample.ts';
import { prepTable } from './prep-table.ts';

type Params = v.InferOutput<typeof derive.params>;
const params = (p: Record<string, unknown>) => validateStepParams('derive', p, 0) as Params;

const shapes = () =>
	prepTable({
		'Width (cm)': { type: 'number', values: [2, 3, null, 4] },
		height: { type: 'integer', values: [5, 0, 1, 2] },
		solid: { type: 'boolean', values: [true, false, true, false] },
		kind: { type: 'category', values: ['a', 'b', 'a', 'b'] }
	});

function derived(formula: string, table = shapes(), name = 'out'): unknown[] {
	const p = params({ name, formula });
	const out = derive.apply(p, derive.fit(p, table), table, 'train');
	return Array.from(out.table.array(name) as ArrayLike<unknown>);
}

describe('derive', () => {
	it('appends a number column computed row by row, missing where an input is missing', () => {
		const p = params({ name: 'area', formula: '`Width (cm)` * height' });
		const out = derive.apply(p, derive.fit(p, shapes()), shapes(), 'train');
		expect(out.schema.at(-1)).toEqual({ name: 'area', type: 'number' });
		expect(out.schema.map((c) => c.name)).toEqual(['Width (cm)', 'height', 'solid', 'kind', 'area']);
		expect(Array.from(out.table.array('area') as ArrayLike<unknown>)).toEqual([10, 0, null, 8]);
	});

	it('makes division by zero missing and reads booleans as 0/1', () => {
		expect(derived('[Width (cm)] / height')).toEqual([0.4, null, null, 2]);
		expect(derived('solid * 10 + log1p(height)')).toEqual([
			10 + Math.log1p(5),
			0,
			10 + Math.log1p(1),
			Math.log1p(2)
		]);
		expect(derived('2 ^ 3 ^ 2 - height')).toEqual([507, 512, 511, 510]);
	});

	it('names a column that is not in the table, even one named like a prototype property', () => {
		for (const name of ['depth', 'constructor', '__proto__', 'toString']) {
			expect(() => derived(`${name} + 1`)).toThrow(
				`Formula refers to column “${name}”, which is not in the table at this step.`
			);
		}
	});

	it('refuses category columns, bad formulas, unknown functions and name clashes', () => {
		expect(() => derived('kind * 2')).toThrow(
			'Formula uses column “kind”, which is category; formulas work with numbers (encode categories first).'
		);
		expect(() => derived('height *')).toThrow(
			'Formula, at character 9: expected a number, a column or “(” but found the end of the formula.'
		);
		expect(() => derived('sin(height)')).toThrow(
			/Formula, at character 1: “sin” is not a function formulas know/
		);
		expect(() => derived('height', shapes(), 'kind')).toThrow(
			'A column named “kind” already exists; give the new column another name.'
		);
		expect(() => params({ name: '  ', formula: '1' })).toThrow(/The new column needs a name/);
		expect(() => params({ name: 'x', formula: '' })).toThrow(/Write a formula/);
		// "__proto__" (spaces trimmed) cannot be a table column: refused with a message, before any fit.
		expect(() => params({ name: ' __proto__ ', formula: '1' })).toThrow(
			'“__proto__” is a reserved name a table cannot store as a column; give the new column another name.'
		);
		expect(() =>
			parseRecipe({ version: 1, steps: [{ op: 'derive', params: { name: '__proto__', formula: '1' } }] })
		).toThrow(/reserved name/);
		expect(params({ name: 'constructor', formula: '1' }).name).toBe('constructor');
		expect(() => params({ name: 'x', formula: '1+'.repeat(1001) })).toThrow(/at most 2000 characters/);
	});

	it('never crashes on values it has not seen: text in a number column is missing', () => {
		const p = params({ name: 'double', formula: 'height * 2' });
		const state = derive.fit(p, shapes());
		const odd = prepTable({ height: { type: 'integer', values: [1, 'tall', null, Number.NaN] } });
		const out = derive.apply(p, state, odd, 'predict');
		expect(Array.from(out.table.array('double') as ArrayLike<unknown>)).toEqual([2, null, null, null]);
	});

	it('stores the parsed tree as state; it survives JSON and the state schema', () => {
		const p = params({ name: 'ratio', formula: 'max(height, 1) / `Width (cm)`' });
		const state = derive.fit(p, shapes());
		expect(state.tree).toEqual({
			type: 'binary',
			op: '/',
			left: {
				type: 'call',
				fn: 'max',
				args: [
					{ type: 'column', name: 'height' },
					{ type: 'number', value: 1 }
				]
			},
			right: { type: 'column', name: 'Width (cm)' }
		});
		expect(v.parse(derive.state, JSON.parse(JSON.stringify(state)))).toEqual(state);
		expect(v.safeParse(derive.state, { tree: { type: 'call', fn: 'eval', args: [] } }).success).toBe(false);
	});

	it('defaults to a fresh name and a formula over a number column; describes itself', () => {
		const taken = [...shapes().schema, { name: 'derived', type: 'number' as const }];
		const defaults = derive.defaults(taken, { target: [] });
		expect(defaults).toEqual({ name: 'derived_2', formula: '`Width (cm)` * 1' });
		expect(() => derived(defaults.formula)).not.toThrow();
		expect(derive.describe({ name: 'bmi', formula: 'mass / height ^ 2' })).toBe(
			'Add bmi = mass / height ^ 2'
		);
	});

	it('runs through fitRecipe and applyRecipe on penguins', () => {
		const penguins = loadSample('penguins.csv');
		const recipe = parseRecipe({
			version: 1,
			steps: [
				{ op: 'derive', params: { name: 'beak ratio', formula: '`Beak Length (mm)` / `Beak Depth (mm)`' } }
			]
		});
		const fitted = parseFittedRecipe(JSON.parse(JSON.stringify(fitRecipe(recipe, penguins))));
		const out = applyRecipe(fitted, penguins, 'predict');
		const length = penguins.table.array('Beak Length (mm)') as ArrayLike<number | null>;
		const depth = penguins.table.array('Beak Depth (mm)') as ArrayLike<number | null>;
		const ratio = out.table.array('beak ratio') as ArrayLike<number | null>;
		expect(ratio[0]).toBeCloseTo(39.1 / 18.7, 12);
		for (let i = 0; i < penguins.table.numRows(); i++) {
			expect(ratio[i]).toBe(length[i] === null || depth[i] === null ? null : length[i]! / depth[i]!);
		}
	});
});
