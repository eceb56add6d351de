// Evaluating formula trees over columns: arithmetic, functions, missing values and division by zero.
import { describe, expect, it } from 'vitest';
import { evaluateFormula, parseFormula } from '../../../../../src/lib/core/prep/expression/index.ts';

function run(formula: string, columns: Record<string, number[]> = {}, rows = 3): number[] {
	const map = new Map(Object.entries(columns).map(([k, values]) => [k, Float64Array.from(values)]));
	return Array.from(evaluateFormula(parseFormula(formula), map, rows));
}

describe('evaluateFormula', () => {
	it('computes arithmetic row by row, broadcasting constants', () => {
		expect(run('a * 2 + b', { a: [1, 2, 3], b: [10, 20, 30] })).toEqual([12, 24, 36]);
		expect(run('2 ^ 3 ^ 2', {}, 2)).toEqual([512, 512]);
		expect(run('-2 ^ 2', {}, 1)).toEqual([-4]);
		expect(run('(a - 1) / 2', { a: [1, 3, 5] })).toEqual([0, 1, 2]);
	});

	it('applies every function', () => {
		const row = (formula: string) => run(formula, { x: [4] }, 1)[0];
		expect(row('sqrt(x)')).toBe(2);
		expect(row('log(exp(x))')).toBeCloseTo(4, 12);
		expect(row('log1p(x)')).toBeCloseTo(Math.log(5), 12);
		expect(row('abs(-x)')).toBe(4);
		expect(row('min(x, 3, 7)')).toBe(3);
		expect(row('max(x, 3, 7)')).toBe(7);
		expect(row('pow(x, 0.5)')).toBe(2);
		expect(row('floor(x / 3)')).toBe(1);
		expect(row('ceil(x / 3)')).toBe(2);
		expect(row('round(x / 8)')).toBe(1);
		expect(row('round(-x / 8)')).toBe(-1);
		expect(row('round(x / 3, 2)')).toBe(1.33);
	});

	it('keeps missing values missing and makes non-finite results missing', () => {
		const out = run('a / b', { a: [1, NaN, 1, 0], b: [0, 1, 2, 0] }, 4);
		expect(out).toEqual([NaN, NaN, 0.5, NaN]);
		expect(run('log(a)', { a: [0, -1, 1] })).toEqual([NaN, NaN, 0]);
		expect(run('exp(a)', { a: [1000, 0, NaN] })).toEqual([NaN, 1, NaN]);
		expect(run('max(a, 1)', { a: [NaN, 0, 2] })).toEqual([NaN, 1, 2]);
	});

	it('fills a constant formula down every row, and handles an empty table', () => {
		expect(run('1 + 1', {}, 3)).toEqual([2, 2, 2]);
		expect(run('a + 1', { a: [] }, 0)).toEqual([]);
		expect(run('1 / 0', {}, 2)).toEqual([NaN, NaN]);
	});

	it('does not change the input column', () => {
		const a = Float64Array.of(1, 2);
		const out = evaluateFormula(parseFormula('a'), new Map([['a', a]]), 2);
		out[0] = 99;
		expect(a[0]).toBe(1);
	});

	it('names a column that is not there, including prototype names', () => {
		for (const name of ['x', 'constructor', '__proto__']) {
			expect(() => run(`${name} + 1`, { a: [1, 2, 3] })).toThrow(
				`Formula refers to column “${name}”, which is not in the table at this step.`
			);
		}
	});
});
