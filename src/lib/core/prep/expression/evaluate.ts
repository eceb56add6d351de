// Evaluates a formula tree over whole columns at once. Missing values are NaN and stay NaN through every
// operation; a result that is not a finite number (division by zero, log of 0, overflow) is missing too.
import { BenchtopError } from '../../errors.ts';
import type { FormulaNode } from './ast.ts';
import { findFunction } from './functions.ts';

/** One Float64Array per column the formula reads; `rows` is the table's length. */
export function evaluateFormula(
	node: FormulaNode,
	columns: ReadonlyMap<string, Float64Array>,
	rows: number
): Float64Array {
	const out = evaluateNode(node, columns, rows);
	const result = out.length === rows ? Float64Array.from(out) : new Float64Array(rows).fill(out[0] ?? NaN);
	for (let i = 0; i < rows; i++) if (!Number.isFinite(result[i]!)) result[i] = NaN;
	return result;
}

/** A constant evaluates to a one-element array and is broadcast where it meets a column. */
function evaluateNode(
	node: FormulaNode,
	columns: ReadonlyMap<string, Float64Array>,
	rows: number
): Float64Array {
	switch (node.type) {
		case 'number':
			return Float64Array.of(node.value);
		case 'column': {
			const values = columns.get(node.name);
			if (!values) {
				throw new BenchtopError(
					'bad-input',
					`Formula refers to column “${node.name}”, which is not in the table at this step.`
				);
			}
			return values;
		}
		case 'negate':
			return map([evaluateNode(node.arg, columns, rows)], rows, (a) => -a[0]!);
		case 'binary': {
			const operands = [evaluateNode(node.left, columns, rows), evaluateNode(node.right, columns, rows)];
			return map(operands, rows, binary(node.op));
		}
		case 'call': {
			const fn = findFunction(node.fn);
			if (!fn) throw new BenchtopError('bad-input', `“${node.fn}” is not a function formulas know.`);
			return map(
				node.args.map((arg) => evaluateNode(arg, columns, rows)),
				rows,
				(a) => fn.apply(a)
			);
		}
	}
}

function binary(op: string): (a: number[]) => number {
	switch (op) {
		case '+':
			return (a) => a[0]! + a[1]!;
		case '-':
			return (a) => a[0]! - a[1]!;
		case '*':
			return (a) => a[0]! * a[1]!;
		// x/0 is ±Infinity or NaN in JavaScript; evaluateFormula turns both into missing.
		case '/':
			return (a) => a[0]! / a[1]!;
		default:
			return (a) => a[0]! ** a[1]!;
	}
}

function map(operands: Float64Array[], rows: number, f: (args: number[]) => number): Float64Array {
	const allConstant = operands.every((o) => o.length === 1 && rows !== 1);
	const length = allConstant ? 1 : rows;
	const out = new Float64Array(length);
	const args = new Array<number>(operands.length);
	for (let i = 0; i < length; i++) {
		for (let k = 0; k < operands.length; k++) {
			const o = operands[k]!;
			args[k] = o.length === 1 ? o[0]! : o[i]!;
		}
		out[i] = f(args);
	}
	return out;
}
