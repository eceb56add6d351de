// Splits a formula into tokens, each with the position (1-based character column) it starts at, so that
// every parse error can point at the place in the formula where it went wrong.
import { BenchtopError } from '../../errors.ts';

export type Token =
	| { kind: 'number'; value: number; at: number; text: string }
	| { kind: 'name'; value: string; at: number; text: string; quoted: boolean }
	| { kind: 'symbol'; value: '+' | '-' | '*' | '/' | '^' | '(' | ')' | ','; at: number; text: string }
	| { kind: 'end'; at: number; text: string };

const SYMBOLS = new Set(['+', '-', '*', '/', '^', '(', ')', ',']);
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
/** Bare column and function names: letters (any alphabet), digits and underscores, not starting with a digit. */
const NAME = /[\p{L}_][\p{L}\p{N}_]*/uy;
const CLOSING: Record<string, string> = { '`': '`', '[': ']' };

export function formulaError(at: number, message: string): BenchtopError {
	return new BenchtopError('bad-input', `Formula, at character ${at}: ${message}`);
}

export function tokenize(formula: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < formula.length) {
		const ch = formula[i]!;
		const at = i + 1;
		if (/\s/.test(ch)) {
			i++;
			continue;
		}
		if (SYMBOLS.has(ch)) {
			tokens.push({ kind: 'symbol', value: ch as '+', at, text: ch });
			i++;
			continue;
		}
		const close = CLOSING[ch];
		if (close) {
			const end = formula.indexOf(close, i + 1);
			if (end < 0) throw formulaError(at, `the column name opened with ${ch} has no closing ${close}.`);
			const name = formula.slice(i + 1, end);
			if (name.trim() === '') throw formulaError(at, `${ch}${close} names no column.`);
			tokens.push({ kind: 'name', value: name, at, text: formula.slice(i, end + 1), quoted: true });
			i = end + 1;
			continue;
		}
		NUMBER.lastIndex = i;
		const number = NUMBER.exec(formula);
		if (number) {
			tokens.push({ kind: 'number', value: Number(number[0]), at, text: number[0] });
			i += number[0].length;
			continue;
		}
		NAME.lastIndex = i;
		const name = NAME.exec(formula);
		if (name) {
			tokens.push({ kind: 'name', value: name[0], at, text: name[0], quoted: false });
			i += name[0].length;
			continue;
		}
		throw formulaError(
			at,
			`“${ch}” is not part of a formula. Names with spaces or symbols go in backticks or brackets: \`Body Mass (g)\` or [Body Mass (g)].`
		);
	}
	tokens.push({ kind: 'end', at: formula.length + 1, text: 'the end of the formula' });
	return tokens;
}
