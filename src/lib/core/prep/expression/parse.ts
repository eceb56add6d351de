// A hand-written recursive-descent parser for derive formulas. Precedence, lowest first: + -, then * /,
// then unary minus, then ^ (right-associative, so 2^3^2 = 2^9 and -2^2 = -4, as in mathematics).
// The result is a plain syntax tree; nothing in a formula is ever handed to eval or Function.
import { type BinaryOperator, type FormulaNode } from './ast.ts';
import { findFunction } from './functions.ts';
import { formulaError, tokenize, type Token } from './tokenize.ts';

/** Longer formulas are refused before parsing: nobody types one, and it bounds the work. */
export const MAX_FORMULA_LENGTH = 2000;
/** Brackets, function calls and signs nest at most this deep: the parser recurses once per level. */
export const MAX_FORMULA_NESTING = 100;

export function parseFormula(formula: string): FormulaNode {
	if (formula.length > MAX_FORMULA_LENGTH) {
		throw formulaError(MAX_FORMULA_LENGTH, `formulas are at most ${MAX_FORMULA_LENGTH} characters long.`);
	}
	if (formula.trim() === '') throw formulaError(1, 'the formula is empty.');
	return new Parser(tokenize(formula)).parseAll();
}

function describe(token: Token): string {
	return token.kind === 'end' ? token.text : `“${token.text}”`;
}

class Parser {
	private index = 0;
	private depth = 0;

	constructor(private readonly tokens: Token[]) {}

	parseAll(): FormulaNode {
		const node = this.expression();
		const next = this.peek();
		if (next.kind !== 'end') {
			const hint =
				next.kind === 'symbol' && next.value === ')' ? ' (a closing bracket without an opening one)' : '';
			throw formulaError(next.at, `expected an operator (+ - * / ^) but found ${describe(next)}${hint}.`);
		}
		return node;
	}

	private peek(): Token {
		return this.tokens[this.index]!;
	}

	private next(): Token {
		return this.tokens[this.index++]!;
	}

	/** The symbol just consumed (called only after isSymbol said there is one). */
	private nextSymbol(): string {
		const token = this.next();
		return token.kind === 'symbol' ? token.value : '';
	}

	private isSymbol(value: string): boolean {
		const token = this.peek();
		return token.kind === 'symbol' && token.value === value;
	}

	private expect(value: string, what: string): void {
		if (!this.isSymbol(value))
			throw formulaError(this.peek().at, `expected ${what} but found ${describe(this.peek())}.`);
		this.index++;
	}

	/** Every nesting level passes through here, so the depth limit guards the whole recursion. */
	private expression(): FormulaNode {
		if (++this.depth > MAX_FORMULA_NESTING) {
			throw formulaError(this.peek().at, `the formula nests more than ${MAX_FORMULA_NESTING} levels deep.`);
		}
		let node = this.term();
		while (this.isSymbol('+') || this.isSymbol('-')) {
			const op = this.nextSymbol() as BinaryOperator;
			node = { type: 'binary', op, left: node, right: this.term() };
		}
		this.depth--;
		return node;
	}

	private term(): FormulaNode {
		let node = this.unary();
		while (this.isSymbol('*') || this.isSymbol('/')) {
			const op = this.nextSymbol() as BinaryOperator;
			node = { type: 'binary', op, left: node, right: this.unary() };
		}
		return node;
	}

	private unary(): FormulaNode {
		if (this.isSymbol('-') || this.isSymbol('+')) {
			const sign = this.nextSymbol();
			if (++this.depth > MAX_FORMULA_NESTING) {
				throw formulaError(this.peek().at, `the formula nests more than ${MAX_FORMULA_NESTING} levels deep.`);
			}
			const arg = this.unary();
			this.depth--;
			return sign === '-' ? { type: 'negate', arg } : arg;
		}
		return this.power();
	}

	private power(): FormulaNode {
		const base = this.primary();
		if (!this.isSymbol('^')) return base;
		this.index++;
		// The exponent may itself carry a sign (2^-1) and chains to the right (2^3^2 = 2^(3^2)).
		return { type: 'binary', op: '^', left: base, right: this.unary() };
	}

	private primary(): FormulaNode {
		const token = this.next();
		if (token.kind === 'number') return { type: 'number', value: token.value };
		if (token.kind === 'name') {
			if (!token.quoted && this.isSymbol('(')) return this.call(token);
			return { type: 'column', name: token.value };
		}
		if (token.kind === 'symbol' && token.value === '(') {
			const inner = this.expression();
			this.expect(')', '“)” to close the bracket opened at character ' + token.at);
			return inner;
		}
		throw formulaError(token.at, `expected a number, a column or “(” but found ${describe(token)}.`);
	}

	private call(name: Extract<Token, { kind: 'name' }>): FormulaNode {
		const fn = findFunction(name.value);
		if (!fn) {
			throw formulaError(
				name.at,
				`“${name.value}” is not a function formulas know (log, log1p, exp, sqrt, abs, min, max, round, floor, ceil, pow).`
			);
		}
		this.index++; // the “(”
		const args: FormulaNode[] = [];
		if (!this.isSymbol(')')) {
			args.push(this.expression());
			while (this.isSymbol(',')) {
				this.index++;
				args.push(this.expression());
			}
		}
		this.expect(')', `“,” or “)” in ${name.value}(…)`);
		if (args.length < fn.minArgs || args.length > fn.maxArgs) {
			throw formulaError(name.at, `${name.value} takes ${arityText(fn.minArgs, fn.maxArgs)}: ${fn.usage}.`);
		}
		return { type: 'call', fn: name.value, args };
	}
}

function arityText(min: number, max: number): string {
	const plural = (n: number) => `${n} ${n === 1 ? 'value' : 'values'}`;
	if (min === max) return plural(min);
	if (max === Infinity) return `at least ${plural(min)}`;
	return `${min} or ${plural(max)}`;
}
