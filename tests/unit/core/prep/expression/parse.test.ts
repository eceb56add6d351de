// The derive formula parser: precedence, associativity, quoting, and errors that point at the character.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	FORMULA_NODE,
	MAX_FORMULA_NESTING,
	formulaColumns,
	parseFormula,
	type FormulaNode
} from '../../../../../src/lib/core/prep/expression/index.ts';

/** Writes a tree back fully bracketed, so a test reads the grouping the parser chose. */
function show(node: FormulaNode): string {
	switch (node.type) {
		case 'number':
			return String(node.value);
		case 'column':
			return `{${node.name}}`;
		case 'negate':
			return `(-${show(node.arg)})`;
		case 'binary':
			return `(${show(node.left)} ${node.op} ${show(node.right)})`;
		case 'call':
			return `${node.fn}(${node.args.map(show).join(', ')})`;
	}
}

function errorOf(formula: string): string {
	try {
		parseFormula(formula);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error(`expected “${formula}” to be refused`);
}

describe('parseFormula', () => {
	it('gives * and / precedence over + and -, left to right', () => {
		expect(show(parseFormula('1 + 2 * 3 - 4 / 5'))).toBe('((1 + (2 * 3)) - (4 / 5))');
		expect(show(parseFormula('8 - 4 - 2'))).toBe('((8 - 4) - 2)');
		expect(show(parseFormula('8 / 4 / 2'))).toBe('((8 / 4) / 2)');
	});

	it('makes ^ right-associative and tighter than unary minus', () => {
		expect(show(parseFormula('2 ^ 3 ^ 2'))).toBe('(2 ^ (3 ^ 2))');
		expect(show(parseFormula('-2 ^ 2'))).toBe('(-(2 ^ 2))');
		expect(show(parseFormula('2 ^ -1'))).toBe('(2 ^ (-1))');
		expect(show(parseFormula('a * b ^ 2'))).toBe('({a} * ({b} ^ 2))');
	});

	it('honours brackets and unary signs', () => {
		expect(show(parseFormula('(1 + 2) * 3'))).toBe('((1 + 2) * 3)');
		expect(show(parseFormula('--x'))).toBe('(-(-{x}))');
		expect(show(parseFormula('+x'))).toBe('{x}');
	});

	it('reads numbers in the usual spellings', () => {
		expect(parseFormula('1.5e3')).toEqual({ type: 'number', value: 1500 });
		expect(parseFormula('.25')).toEqual({ type: 'number', value: 0.25 });
		expect(parseFormula('2E-2')).toEqual({ type: 'number', value: 0.02 });
	});

	it('reads bare, backtick-quoted and bracketed column names', () => {
		const tree = parseFormula('`Beak Length (mm)` / [Beak Depth (mm)] + petal_width + größe');
		expect(formulaColumns(tree)).toEqual(['Beak Length (mm)', 'Beak Depth (mm)', 'petal_width', 'größe']);
	});

	it('a quoted name followed by a bracket is a column, not a call', () => {
		expect(() => parseFormula('`log`(2)')).toThrow(/expected an operator/);
		expect(parseFormula('`log`')).toEqual({ type: 'column', name: 'log' });
	});

	it('parses function calls with their arguments', () => {
		expect(show(parseFormula('max(a, b, 0) + log(1 + x)'))).toBe('(max({a}, {b}, 0) + log((1 + {x})))');
		expect(show(parseFormula('round(x, 2)'))).toBe('round({x}, 2)');
	});

	it('names the position and what was expected', () => {
		expect(errorOf('1 +')).toBe(
			'Formula, at character 4: expected a number, a column or “(” but found the end of the formula.'
		);
		expect(errorOf('(1 + 2')).toBe(
			'Formula, at character 7: expected “)” to close the bracket opened at character 1 but found the end of the formula.'
		);
		expect(errorOf('1 + 2)')).toMatch(
			/^Formula, at character 6: expected an operator .* found “\)” \(a closing bracket/
		);
		expect(errorOf('a b')).toMatch(
			/^Formula, at character 3: expected an operator \(\+ - \* \/ \^\) but found “b”/
		);
		expect(errorOf('x * $')).toMatch(/^Formula, at character 5: “\$” is not part of a formula/);
		expect(errorOf('`Body mass')).toMatch(
			/^Formula, at character 1: the column name opened with ` has no closing `/
		);
		expect(errorOf('')).toBe('Formula, at character 1: the formula is empty.');
		expect(errorOf('1 * * 2')).toMatch(/^Formula, at character 5: expected a number/);
	});

	it('names unknown functions and wrong argument counts', () => {
		expect(errorOf('x + sin(x)')).toMatch(/^Formula, at character 5: “sin” is not a function formulas know/);
		expect(errorOf('pow(2)')).toBe('Formula, at character 1: pow takes 2 values: pow(x, y).');
		expect(errorOf('log()')).toMatch(/log takes 1 value/);
		expect(errorOf('min()')).toMatch(/min takes at least 1 value/);
		expect(errorOf('round(1, 2, 3)')).toMatch(/round takes 1 or 2 values/);
	});

	it('never reaches JavaScript globals or prototypes through function names', () => {
		for (const name of ['constructor', '__proto__', 'toString', 'eval', 'Function', 'hasOwnProperty']) {
			expect(errorOf(`${name}(1)`)).toMatch(new RegExp(`“${name}” is not a function formulas know`));
		}
		// As bare names they are just column names, which the evaluator looks up in a Map.
		expect(parseFormula('constructor + __proto__')).toEqual({
			type: 'binary',
			op: '+',
			left: { type: 'column', name: 'constructor' },
			right: { type: 'column', name: '__proto__' }
		});
	});

	it('refuses formulas that nest too deeply or run too long', () => {
		const deep = '('.repeat(MAX_FORMULA_NESTING + 1) + '1' + ')'.repeat(MAX_FORMULA_NESTING + 1);
		expect(errorOf(deep)).toMatch(/nests more than 100 levels/);
		expect(errorOf('-'.repeat(MAX_FORMULA_NESTING + 1) + '1')).toMatch(/nests more than 100 levels/);
		expect(errorOf('1+'.repeat(1000) + '1')).toMatch(/at most 2000 characters/);
	});

	it('produces trees the state schema accepts after a JSON round trip', () => {
		const tree = parseFormula('-log1p(`a b`) * 2 ^ [c] / max(d, 1.5) - pow(e, 2)');
		const back = JSON.parse(JSON.stringify(tree));
		expect(v.parse(FORMULA_NODE, back)).toEqual(tree);
	});

	it('the state schema refuses trees no parser would produce', () => {
		expect(v.safeParse(FORMULA_NODE, { type: 'call', fn: 'constructor', args: [] }).success).toBe(false);
		expect(v.safeParse(FORMULA_NODE, { type: 'binary', op: '%', left: 1, right: 2 }).success).toBe(false);
		expect(v.safeParse(FORMULA_NODE, { type: 'number', value: null }).success).toBe(false);
		expect(v.safeParse(FORMULA_NODE, { type: 'eval', code: 'x' }).success).toBe(false);
	});
});
