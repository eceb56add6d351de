// The Tree-structured Parzen Estimator, as Optuna's default sampler does it (univariate): the finished
// trials are split into a "good" share (the best ⌈γ·n⌉, γ = 10%, at most 25) and the rest; for each field
// a Parzen estimator (a mixture of one Gaussian per observation plus a wide prior) is fitted to each group,
// candidates are drawn from the good one, and the candidate with the largest l(x)/g(x), the ratio that
// maximises expected improvement under TPE's model, is tried next. Until enough trials have finished it
// samples at random, as Optuna does for its first 10.
import type { SeededRandom } from '../random/seeded-random.ts';
import { fromInternal, internalBounds, sampleRandom, toInternal, trialRandom } from './random-sampler.ts';
import {
	spaceFields,
	type ChoiceDomain,
	type RangeDomain,
	type SearchSpace,
	type TrialParams
} from './space.ts';

export interface TpeOptions {
	/** Random trials before the estimators take over (Optuna: 10). */
	startupTrials: number;
	/** Candidates drawn from l(x) per field (Optuna: 24). */
	candidates: number;
	/** The good share (Optuna: 0.1, capped at 25 trials). */
	gamma: number;
}

export const TPE_DEFAULTS: TpeOptions = { startupTrials: 10, candidates: 24, gamma: 0.1 };

/** A finished trial as TPE sees it: its values and its score (higher is better). */
export interface Observation {
	params: TrialParams;
	value: number;
}

/** How many of n finished trials count as good: ⌈γ·n⌉, at most 25, at least 1. */
export function goodCount(n: number, gamma: number): number {
	return Math.max(1, Math.min(Math.ceil(gamma * n), 25));
}

interface Parzen {
	mus: number[];
	sigmas: number[];
	weights: number[];
	low: number;
	high: number;
}

/** Optuna's Parzen estimator for one numeric field: a Gaussian at each observation whose width is the
 * larger gap to its sorted neighbours, clipped to [range / min(100, n + 1), range], plus a prior Gaussian
 * at the middle as wide as the range; each truncated to the range. */
export function fitParzen(points: readonly number[], low: number, high: number): Parzen {
	const range = high - low || 1;
	const mus = [...points, (low + high) / 2];
	const order = points.map((_, i) => i).sort((a, b) => points[a]! - points[b]!);
	const sigmas = new Array<number>(mus.length).fill(range);
	const minSigma = range / Math.min(100, points.length + 1);
	for (let k = 0; k < order.length; k++) {
		const i = order[k]!;
		const left = k > 0 ? points[i]! - points[order[k - 1]!]! : points[i]! - low;
		const right = k < order.length - 1 ? points[order[k + 1]!]! - points[i]! : high - points[i]!;
		sigmas[i] = Math.min(range, Math.max(minSigma, left, right));
	}
	const weights = new Array<number>(mus.length).fill(1 / mus.length);
	return { mus, sigmas, weights, low, high };
}

const SQRT2 = Math.SQRT2;

function erf(x: number): number {
	// Abramowitz and Stegun 7.1.26: absolute error below 1.5e-7, plenty for ranking candidates.
	const sign = x < 0 ? -1 : 1;
	const t = 1 / (1 + 0.3275911 * Math.abs(x));
	const y =
		1 -
		((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
			t *
			Math.exp(-x * x);
	return sign * y;
}

const normalCdf = (z: number) => 0.5 * (1 + erf(z / SQRT2));

/** log of the truncated mixture's density at x. */
export function parzenLogDensity(parzen: Parzen, x: number): number {
	let density = 0;
	for (let i = 0; i < parzen.mus.length; i++) {
		const mu = parzen.mus[i]!;
		const sigma = parzen.sigmas[i]!;
		const mass = normalCdf((parzen.high - mu) / sigma) - normalCdf((parzen.low - mu) / sigma);
		const z = (x - mu) / sigma;
		density +=
			(parzen.weights[i]! * Math.exp(-0.5 * z * z)) /
			(sigma * Math.sqrt(2 * Math.PI) * Math.max(mass, 1e-12));
	}
	return Math.log(Math.max(density, 1e-300));
}

/** One draw from the truncated mixture (redrawn until it lands in range; the prior makes that quick). */
export function sampleParzen(parzen: Parzen, random: SeededRandom): number {
	for (let attempt = 0; attempt < 100; attempt++) {
		let pick = random.next();
		let i = 0;
		while (i < parzen.weights.length - 1 && pick >= parzen.weights[i]!) pick -= parzen.weights[i++]!;
		const x = random.normal(parzen.mus[i]!, parzen.sigmas[i]!);
		if (x >= parzen.low && x <= parzen.high) return x;
	}
	return random.uniform(parzen.low, parzen.high);
}

function suggestRange(domain: RangeDomain, good: number[], bad: number[], random: SeededRandom, n: number) {
	const [low, high] = internalBounds(domain);
	// Ints widen by half a step on each side, as Optuna does, so the ends are reachable after rounding.
	const pad = domain.type === 'int' && !domain.log ? 0.5 : 0;
	const l = fitParzen(
		good.map((x) => toInternal(domain, x)),
		low - pad,
		high + pad
	);
	const g = fitParzen(
		bad.map((x) => toInternal(domain, x)),
		low - pad,
		high + pad
	);
	let best = NaN;
	let bestScore = -Infinity;
	for (let c = 0; c < n; c++) {
		const x = sampleParzen(l, random);
		const score = parzenLogDensity(l, x) - parzenLogDensity(g, x);
		if (score > bestScore) [best, bestScore] = [x, score];
	}
	return fromInternal(domain, best);
}

function suggestChoice(
	domain: ChoiceDomain,
	good: (string | number)[],
	bad: (string | number)[],
	random: SeededRandom,
	n: number
) {
	// Each option's count plus a prior of one, normalised (Optuna's categorical estimator with its prior).
	const weights = (values: (string | number)[]) => {
		const counts = domain.options.map((o) => 1 + values.filter((v) => v === o).length);
		const total = counts.reduce((a, b) => a + b, 0);
		return counts.map((c) => c / total);
	};
	const l = weights(good);
	const g = weights(bad);
	let best = 0;
	let bestScore = -Infinity;
	for (let c = 0; c < n; c++) {
		let pick = random.next();
		let i = 0;
		while (i < l.length - 1 && pick >= l[i]!) pick -= l[i++]!;
		const score = Math.log(l[i]!) - Math.log(g[i]!);
		if (score > bestScore) [best, bestScore] = [i, score];
	}
	return domain.options[best]!;
}

/**
 * Trial `trial`'s values under TPE, given the trials finished before it (in a fixed order, so the same
 * history gives the same suggestion). Higher values are better.
 */
export function sampleTpe(
	space: SearchSpace,
	seed: number,
	trial: number,
	history: readonly Observation[],
	options: TpeOptions = TPE_DEFAULTS
): TrialParams {
	const finished = history.filter((o) => Number.isFinite(o.value));
	if (finished.length < options.startupTrials) return sampleRandom(space, seed, trial);
	// Stable sort: ties keep the order trials were numbered in.
	const ranked = [...finished].sort((a, b) => b.value - a.value);
	const split = goodCount(ranked.length, options.gamma);
	const good = ranked.slice(0, split);
	const bad = ranked.slice(split);
	const random = trialRandom(seed, trial, 1);
	const params: TrialParams = {};
	for (const field of spaceFields(space)) {
		const domain = space.params[field]!;
		const values = (group: Observation[]) =>
			group.map((o) => o.params[field]).filter((x): x is string | number => x !== undefined);
		params[field] =
			domain.type === 'choice'
				? suggestChoice(domain, values(good), values(bad), random, options.candidates)
				: suggestRange(domain, values(good) as number[], values(bad) as number[], random, options.candidates);
	}
	return params;
}
