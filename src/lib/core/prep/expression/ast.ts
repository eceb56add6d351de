// The syntax tree of a derive formula, and the valibot schema that checks one read back from a file or
// link. The tree is plain JSON: it is what a fitted recipe stores, and it is only ever walked, never run.
import * as v from 'valibot';
import { FUNCTION_NAMES } from './functions.ts';

export type BinaryOperator = '+' | '-' | '*' | '/' | '^';

export type FormulaNode =
	| { type: 'number'; value: number }
	| { type: 'column'; name: string }
	| { type: 'negate'; arg: FormulaNode }
	| { type: 'binary'; op: BinaryOperator; left: FormulaNode; right: FormulaNode }
	| { type: 'call'; fn: string; args: FormulaNode[] };

export const FORMULA_NODE: v.GenericSchema<unknown, FormulaNode> = v.lazy(() =>
	v.variant('type', [
		v.object({ type: v.literal('number'), value: v.pipe(v.number(), v.finite()) }),
		v.object({ type: v.literal('column'), name: v.pipe(v.string(), v.minLength(1)) }),
		v.object({ type: v.literal('negate'), arg: FORMULA_NODE }),
		v.object({
			type: v.literal('binary'),
			op: v.picklist(['+', '-', '*', '/', '^']),
			left: FORMULA_NODE,
			right: FORMULA_NODE
		}),
		v.object({ type: v.literal('call'), fn: v.picklist(FUNCTION_NAMES), args: v.array(FORMULA_NODE) })
	])
) as v.GenericSchema<unknown, FormulaNode>;

/** The columns a formula reads, each once, in the order they first appear. */
export function formulaColumns(node: FormulaNode): string[] {
	const names = new Set<string>();
	const visit = (n: FormulaNode): void => {
		switch (n.type) {
			case 'number':
				return;
			case 'column':
				names.add(n.name);
				return;
			case 'negate':
				return visit(n.arg);
			case 'binary':
				visit(n.left);
				return visit(n.right);
			case 'call':
				return n.args.forEach(visit);
		}
	};
	visit(node);
	return [...names];
}

export function formulaDepth(node: FormulaNode): number {
	switch (node.type) {
		case 'number':
		case 'column':
			return 1;
		case 'negate':
			return 1 + formulaDepth(node.arg);
		case 'binary':
			return 1 + Math.max(formulaDepth(node.left), formulaDepth(node.right));
		case 'call':
			return 1 + Math.max(0, ...node.args.map(formulaDepth));
	}
}
