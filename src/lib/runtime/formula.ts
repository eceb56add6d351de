// A derived column's fitted formula tree (core/prep/expression), evaluated row by row: numbers, columns,
// negation, + - * / ^ and the formula functions. A non-finite result is a gap, as in the studio.
type Node =
	| { type: 'number'; value: number }
	| { type: 'column'; name: string }
	| { type: 'negate'; arg: Node }
	| { type: 'binary'; op: string; left: Node; right: Node }
	| { type: 'call'; fn: string; args: Node[] };

const round = (x: number, digits = 0) =>
	Number.isInteger(digits) ? (Math.sign(x) * Math.round(Math.abs(x) * 10 ** digits)) / 10 ** digits : NaN;

const FUNCTIONS: Record<string, (a: number[]) => number> = {
	log: (a) => Math.log(a[0]!),
	log1p: (a) => Math.log1p(a[0]!),
	exp: (a) => Math.exp(a[0]!),
	sqrt: (a) => Math.sqrt(a[0]!),
	abs: (a) => Math.abs(a[0]!),
	floor: (a) => Math.floor(a[0]!),
	ceil: (a) => Math.ceil(a[0]!),
	round: (a) => round(a[0]!, a[1]),
	pow: (a) => a[0]! ** a[1]!,
	min: (a) => Math.min(...a),
	max: (a) => Math.max(...a)
};

export function formulaColumns(node: Node, out = new Set<string>()): Set<string> {
	if (node.type === 'column') out.add(node.name);
	else if (node.type === 'negate') formulaColumns(node.arg, out);
	else if (node.type === 'binary') [node.left, node.right].forEach((n) => formulaColumns(n, out));
	else if (node.type === 'call') node.args.forEach((n) => formulaColumns(n, out));
	return out;
}

export function evaluate(node: Node, row: (name: string) => number): number {
	switch (node.type) {
		case 'number':
			return node.value;
		case 'column':
			return row(node.name);
		case 'negate':
			return -evaluate(node.arg, row);
		case 'binary': {
			const a = evaluate(node.left, row);
			const b = evaluate(node.right, row);
			return node.op === '+'
				? a + b
				: node.op === '-'
					? a - b
					: node.op === '*'
						? a * b
						: node.op === '/'
							? a / b
							: a ** b;
		}
		case 'call': {
			const fn = FUNCTIONS[node.fn];
			if (!fn) throw new Error(`formula function ${node.fn} is unknown`);
			return fn(node.args.map((arg) => evaluate(arg, row)));
		}
	}
}
