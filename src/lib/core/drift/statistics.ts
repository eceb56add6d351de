// The two-sample statistics a drift report rests on, written out so each can be checked against scipy on
// checked-in fixtures (tests/fixtures/drift): quantiles (numpy's default, linear), the population
// stability index over fixed bins, the two-sample Kolmogorov–Smirnov statistic with its asymptotic p-value,
// and Pearson's chi-square test of a 2 × k table of counts.

/** Added to an empty bin's share before the PSI's logarithm (an empty bin would make it infinite). */
export const PSI_EPSILON = 1e-4;

/** The q-quantile of ascending `sorted` values, linear between order statistics (numpy's default, R type 7). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
	const n = sorted.length;
	if (n === 0) throw new Error('quantile of no values');
	const position = (n - 1) * q;
	const low = Math.floor(position);
	const high = Math.min(low + 1, n - 1);
	const fraction = position - low;
	return sorted[low]! + (sorted[high]! - sorted[low]!) * fraction;
}

/**
 * Interior bin edges at the training values' deciles (or `bins` quantiles), repeats removed: a column with
 * few distinct values gets fewer bins. A value x falls in bin i = the number of edges strictly below x,
 * so bin 0 is x ≤ edges[0] and the last bin is x > the last edge (numpy's searchsorted, side 'left').
 */
export function quantileEdges(sorted: ArrayLike<number>, bins = 10): number[] {
	const edges: number[] = [];
	for (let i = 1; i < bins; i++) {
		const edge = quantileSorted(sorted, i / bins);
		if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge);
	}
	return edges;
}

/** The bin of `x` under `edges` (ascending): how many edges lie strictly below it. */
export function binOf(edges: readonly number[], x: number): number {
	let low = 0;
	let high = edges.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (edges[mid]! < x) low = mid + 1;
		else high = mid;
	}
	return low;
}

/** Counts of `values` per bin of `edges` (edges.length + 1 bins). */
export function binCounts(edges: readonly number[], values: Iterable<number>): number[] {
	const counts = new Array<number>(edges.length + 1).fill(0);
	for (const x of values) counts[binOf(edges, x)]!++;
	return counts;
}

/**
 * Population stability index of `actual` against `expected` counts over the same bins:
 * Σ (aᵢ − eᵢ) · ln(aᵢ / eᵢ), with aᵢ, eᵢ each bin's share of its total and a share of zero raised to
 * PSI_EPSILON. 0 when the shares agree; under 0.1 is usually read as stable, above 0.2 as a real shift.
 */
export function populationStabilityIndex(
	expected: readonly number[],
	actual: readonly number[],
	epsilon = PSI_EPSILON
): number {
	if (expected.length !== actual.length)
		throw new Error(`PSI needs the same bins on both sides (${expected.length} and ${actual.length})`);
	const totalE = expected.reduce((a, b) => a + b, 0);
	const totalA = actual.reduce((a, b) => a + b, 0);
	if (totalE === 0 || totalA === 0) return NaN;
	let psi = 0;
	for (let i = 0; i < expected.length; i++) {
		const e = Math.max(expected[i]! / totalE, epsilon);
		const a = Math.max(actual[i]! / totalA, epsilon);
		psi += (a - e) * Math.log(a / e);
	}
	return psi;
}

export interface TestResult {
	statistic: number;
	pValue: number;
}

/**
 * The two-sample Kolmogorov–Smirnov statistic D (the largest gap between the two empirical distribution
 * functions, as scipy.stats.ks_2samp computes it) and its two-sided p-value from the asymptotic Kolmogorov
 * distribution at √(n·m/(n+m))·D (scipy.stats.kstwobign.sf): fine from a few dozen rows a side.
 * `a` and `b` must be ascending and free of NaN.
 */
export function ksTwoSample(
	a: ArrayLike<number>,
	b: ArrayLike<number>,
	nA = a.length,
	nB = b.length
): TestResult {
	const n = a.length;
	const m = b.length;
	if (n === 0 || m === 0) throw new Error('the Kolmogorov–Smirnov test needs values on both sides');
	let i = 0;
	let j = 0;
	let d = 0;
	while (i < n && j < m) {
		const x = Math.min(a[i]!, b[j]!);
		while (i < n && a[i]! <= x) i++;
		while (j < m && b[j]! <= x) j++;
		d = Math.max(d, Math.abs(i / n - j / m));
	}
	const effective = (nA * nB) / (nA + nB);
	return { statistic: d, pValue: kolmogorovSurvival(Math.sqrt(effective) * d) };
}

/** P(K > x) for the Kolmogorov distribution (scipy.stats.kstwobign.sf), by whichever series converges fast. */
export function kolmogorovSurvival(x: number): number {
	if (!(x > 0)) return 1;
	if (x < 1.18) {
		// P(K ≤ x) = √(2π)/x · Σ exp(−(2k−1)²π²/(8x²)), fast for small x.
		const w = (Math.PI * Math.PI) / (8 * x * x);
		let sum = 0;
		for (let k = 1; k <= 20; k++) sum += Math.exp(-(2 * k - 1) * (2 * k - 1) * w);
		return 1 - (Math.sqrt(2 * Math.PI) / x) * sum;
	}
	// P(K > x) = 2 Σ (−1)^(k−1) exp(−2k²x²), fast for large x.
	let sum = 0;
	for (let k = 1; k <= 20; k++) sum += (k % 2 === 1 ? 1 : -1) * Math.exp(-2 * k * k * x * x);
	return Math.min(1, Math.max(0, 2 * sum));
}

export interface ChiSquareResult extends TestResult {
	degreesOfFreedom: number;
}

/**
 * Pearson's chi-square test of independence of a 2 × k table (row 0: `expected` side counts, row 1:
 * `actual`), without continuity correction (scipy.stats.chi2_contingency(..., correction=False)). Columns
 * empty on both sides are dropped first; with fewer than two columns left there is nothing to test.
 */
export function chiSquareTwoRows(expected: readonly number[], actual: readonly number[]): ChiSquareResult {
	const columns: [number, number][] = [];
	for (let i = 0; i < expected.length; i++)
		if (expected[i]! + actual[i]! > 0) columns.push([expected[i]!, actual[i]!]);
	const totalE = columns.reduce((s, c) => s + c[0], 0);
	const totalA = columns.reduce((s, c) => s + c[1], 0);
	const total = totalE + totalA;
	if (columns.length < 2 || totalE === 0 || totalA === 0)
		return { statistic: 0, pValue: 1, degreesOfFreedom: 0 };
	let statistic = 0;
	for (const [e, a] of columns) {
		const column = e + a;
		const fitE = (column * totalE) / total;
		const fitA = (column * totalA) / total;
		statistic += ((e - fitE) * (e - fitE)) / fitE + ((a - fitA) * (a - fitA)) / fitA;
	}
	const degreesOfFreedom = columns.length - 1;
	return { statistic, pValue: chiSquareSurvival(statistic, degreesOfFreedom), degreesOfFreedom };
}

/** P(X > x) for chi-square with `df` degrees of freedom (scipy.stats.chi2.sf): Q(df/2, x/2). */
export function chiSquareSurvival(x: number, df: number): number {
	if (!(x > 0)) return 1;
	return regularizedGammaQ(df / 2, x / 2);
}

const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
	12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
];

/** ln Γ(z) for z > 0 (Lanczos, g = 7): about 15 significant digits. */
export function logGamma(z: number): number {
	if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
	const x = z - 1;
	let sum = LANCZOS[0]!;
	for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (x + i);
	const t = x + 7.5;
	return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The regularised upper incomplete gamma function Q(a, x): a series below a + 1, a continued fraction above. */
export function regularizedGammaQ(a: number, x: number): number {
	if (x <= 0) return 1;
	const front = Math.exp(-x + a * Math.log(x) - logGamma(a));
	if (x < a + 1) {
		let term = 1 / a;
		let sum = term;
		for (let n = 1; n < 1000; n++) {
			term *= x / (a + n);
			sum += term;
			if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
		}
		return Math.max(0, 1 - sum * front);
	}
	// Lentz's continued fraction for Q.
	const tiny = 1e-300;
	let b = x + 1 - a;
	let c = 1 / tiny;
	let d = 1 / b;
	let h = d;
	for (let i = 1; i < 1000; i++) {
		const an = -i * (i - a);
		b += 2;
		d = an * d + b;
		if (Math.abs(d) < tiny) d = tiny;
		c = b + an / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		const delta = d * c;
		h *= delta;
		if (Math.abs(delta - 1) < 1e-16) break;
	}
	return front * h;
}
