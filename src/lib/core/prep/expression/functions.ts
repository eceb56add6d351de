// The functions a derive formula may call: a fixed table looked up by exact name (a Map, so names such
// as `constructor` or `__proto__` find nothing). Each works on one row's numbers; NaN means missing.

export interface FormulaFunction {
	minArgs: number;
	maxArgs: number;
	/** How the function reads in an error message: "log(x)". */
	usage: string;
	apply(args: number[]): number;
}

/** Rounds half away from zero (2.5 → 3, -2.5 → -3), the rule people learn at school. */
function roundHalfAway(x: number, digits = 0): number {
	if (!Number.isInteger(digits)) return NaN;
	const scale = 10 ** digits;
	return (Math.sign(x) * Math.round(Math.abs(x) * scale)) / scale;
}

const one = (usage: string, f: (x: number) => number): FormulaFunction => ({
	minArgs: 1,
	maxArgs: 1,
	usage,
	apply: (args) => f(args[0]!)
});

const FUNCTIONS = new Map<string, FormulaFunction>([
	['log', one('log(x), the natural logarithm', Math.log)],
	['log1p', one('log1p(x) = log(1 + x)', Math.log1p)],
	['exp', one('exp(x)', Math.exp)],
	['sqrt', one('sqrt(x)', Math.sqrt)],
	['abs', one('abs(x)', Math.abs)],
	['floor', one('floor(x)', Math.floor)],
	['ceil', one('ceil(x)', Math.ceil)],
	[
		'round',
		{
			minArgs: 1,
			maxArgs: 2,
			usage: 'round(x) or round(x, digits)',
			apply: (a) => roundHalfAway(a[0]!, a[1])
		}
	],
	['pow', { minArgs: 2, maxArgs: 2, usage: 'pow(x, y)', apply: (a) => a[0]! ** a[1]! }],
	// Math.min/max already give NaN when any argument is NaN: a missing value stays missing.
	['min', { minArgs: 1, maxArgs: Infinity, usage: 'min(a, b, …)', apply: (a) => Math.min(...a) }],
	['max', { minArgs: 1, maxArgs: Infinity, usage: 'max(a, b, …)', apply: (a) => Math.max(...a) }]
]);

export const FUNCTION_NAMES = [...FUNCTIONS.keys()] as [string, ...string[]];

export function findFunction(name: string): FormulaFunction | undefined {
	return FUNCTIONS.get(name);
}
