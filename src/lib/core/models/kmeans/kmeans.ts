// k-means in plain TypeScript: seeded greedy k-means++ starts, exact Lloyd iterations (sped up with
// Hamerly's distance bounds, which skip rows whose nearest centre cannot have changed), several restarts
// keeping the lowest inertia. The same data, settings and seed always give the same clusters.
import { BenchtopError } from '../../errors.ts';
import type { Points } from '../../metrics/clustering.ts';
import { createRandom } from '../../random/seeded-random.ts';
import type { SeededRandom } from '../../random/seeded-random.ts';
import type { KMeansSpec } from '../types.ts';

/** A fitted k-means model: plain JSON, so it travels into run records and exports. */
export interface KMeansModel {
	k: number;
	/** Numbers per row the model was fitted on. */
	width: number;
	/** k centres, each `width` numbers. */
	centroids: number[][];
	/** Sum of squared distances from each training row to its centre. */
	inertia: number;
	/** Lloyd iterations of the winning restart. */
	iterations: number;
	/** Whether the winning restart stopped because no row changed cluster (not at maxIterations). */
	converged: boolean;
}

export interface KMeansFit {
	model: KMeansModel;
	/** The cluster of each training row, 0..k-1. */
	labels: Int32Array;
	/** Every restart, in order, so a person can see how much the start mattered. */
	restarts: { inertia: number; iterations: number; converged: boolean }[];
}

export type KMeansSettings = Pick<KMeansSpec, 'k' | 'restarts' | 'maxIterations'>;

export function fitKMeans(points: Points, settings: KMeansSettings, seed: number): KMeansFit {
	const rows = checkPoints(points);
	const { k, restarts, maxIterations } = settings;
	if (!Number.isInteger(k) || k < 1) {
		throw new BenchtopError('bad-input', `k-means needs k to be a whole number of at least 1 (got ${k}).`);
	}
	if (k > rows) {
		throw new BenchtopError(
			'bad-input',
			`k-means with k = ${k} needs at least ${k} rows, but the data has ${rows}: choose k of at most ${rows}.`
		);
	}
	const random = createRandom(seed);
	let best: Run | null = null;
	const summary: KMeansFit['restarts'] = [];
	for (let r = 0; r < Math.max(1, restarts); r++) {
		const run = lloyd(points, rows, initialCentres(points, rows, k, random), Math.max(1, maxIterations));
		summary.push({ inertia: run.inertia, iterations: run.iterations, converged: run.converged });
		// Strictly lower, so ties keep the earlier restart (as scikit-learn does).
		if (best === null || run.inertia < best.inertia) best = run;
	}
	const { centres, labels, inertia, iterations, converged } = best!;
	const width = points.width;
	const centroids = Array.from({ length: k }, (_, c) =>
		Array.from(centres.subarray(c * width, (c + 1) * width))
	);
	return { model: { k, width, centroids, inertia, iterations, converged }, labels, restarts: summary };
}

/**
 * Lloyd iterations from given centres instead of k-means++ starts (no restarts: the start is chosen): how a
 * saved k-means model is trained further on new rows. Its centres move to the new rows' means.
 */
export function fitKMeansFrom(points: Points, centroids: number[][], maxIterations: number): KMeansFit {
	const rows = checkPoints(points);
	const width = points.width;
	if (centroids.length < 1 || centroids.some((c) => c.length !== width)) {
		throw new BenchtopError(
			'bad-input',
			`The saved centres have ${centroids[0]?.length ?? 0} numbers each, but these rows have ${width}.`
		);
	}
	const k = centroids.length;
	if (k > rows) {
		throw new BenchtopError(
			'bad-input',
			`k-means with k = ${k} needs at least ${k} rows, but the data has ${rows}.`
		);
	}
	const run = lloyd(points, rows, Float64Array.from(centroids.flat()), Math.max(1, maxIterations));
	const centres = Array.from({ length: k }, (_, c) =>
		Array.from(run.centres.subarray(c * width, (c + 1) * width))
	);
	return {
		model: {
			k,
			width,
			centroids: centres,
			inertia: run.inertia,
			iterations: run.iterations,
			converged: run.converged
		},
		labels: run.labels,
		restarts: [{ inertia: run.inertia, iterations: run.iterations, converged: run.converged }]
	};
}

/** The nearest centre of each row (ties go to the lower cluster number). */
export function predictKMeans(model: KMeansModel, points: Points): Int32Array {
	const rows = checkPoints(points);
	if (points.width !== model.width) {
		throw new BenchtopError(
			'bad-input',
			`This k-means model was fitted on rows of ${model.width} numbers, but these rows have ${points.width}.`
		);
	}
	const centres = Float64Array.from(model.centroids.flat());
	const labels = new Int32Array(rows);
	for (let i = 0; i < rows; i++)
		labels[i] = nearest(points.data, i * points.width, centres, model.k, points.width).index;
	return labels;
}

function checkPoints(points: Points): number {
	const { data, width } = points;
	if (!Number.isInteger(width) || width < 1 || data.length % width !== 0) {
		throw new BenchtopError('bad-input', `k-means needs whole rows of ${width} numbers.`);
	}
	for (let i = 0; i < data.length; i++) {
		if (!Number.isFinite(data[i]!)) {
			throw new BenchtopError(
				'bad-input',
				`k-means needs a number in every cell, but row ${Math.floor(i / width) + 1}, feature ${(i % width) + 1} is ${
					Number.isNaN(data[i]!) ? 'missing' : data[i]
				}: impute or drop missing values in the recipe first.`
			);
		}
	}
	return data.length / width;
}

function squaredDistance(a: Float64Array, aStart: number, b: Float64Array, bStart: number, width: number) {
	let sum = 0;
	for (let j = 0; j < width; j++) {
		const diff = a[aStart + j]! - b[bStart + j]!;
		sum += diff * diff;
	}
	return sum;
}

/** Where nearest() leaves its answer: reused, since it runs for every row of every iteration. */
const found = { index: 0, first: Infinity, second: Infinity };

/** The nearest centre of a row and the squared distances to it and to the next nearest, into `found`. */
function nearest(data: Float64Array, start: number, centres: Float64Array, k: number, width: number) {
	let index = 0;
	let first = Infinity;
	let second = Infinity;
	for (let c = 0; c < k; c++) {
		const d = squaredDistance(data, start, centres, c * width, width);
		if (d < first) {
			second = first;
			first = d;
			index = c;
		} else if (d < second) second = d;
	}
	found.index = index;
	found.first = first;
	found.second = second;
	return found;
}

/**
 * Greedy k-means++ (scikit-learn's _kmeans_plusplus): each new centre is the best of 2 + ⌊ln k⌋ candidates
 * drawn with probability proportional to the squared distance to the nearest centre so far.
 */
function initialCentres(points: Points, rows: number, k: number, random: SeededRandom): Float64Array {
	const { data, width } = points;
	const centres = new Float64Array(k * width);
	const trials = 2 + Math.floor(Math.log(k));
	const first = random.int(rows);
	centres.set(data.subarray(first * width, (first + 1) * width), 0);
	let closest = new Float64Array(rows);
	let potential = 0;
	for (let i = 0; i < rows; i++) {
		closest[i] = squaredDistance(data, i * width, data, first * width, width);
		potential += closest[i]!;
	}
	const cumulative = new Float64Array(rows);
	let candidateClosest = new Float64Array(rows);
	let bestClosest = new Float64Array(rows);
	for (let c = 1; c < k; c++) {
		let running = 0;
		for (let i = 0; i < rows; i++) cumulative[i] = running += closest[i]!;
		let bestPotential = Infinity;
		let bestRow = 0;
		for (let t = 0; t < trials; t++) {
			// Every row already sits on a centre (fewer distinct rows than k): any row will do.
			const row = potential > 0 ? searchSorted(cumulative, random.next() * potential) : random.int(rows);
			let candidatePotential = 0;
			for (let i = 0; i < rows; i++) {
				const d = Math.min(closest[i]!, squaredDistance(data, i * width, data, row * width, width));
				candidateClosest[i] = d;
				candidatePotential += d;
			}
			if (candidatePotential < bestPotential) {
				bestPotential = candidatePotential;
				bestRow = row;
				[bestClosest, candidateClosest] = [candidateClosest, bestClosest];
			}
		}
		centres.set(data.subarray(bestRow * width, (bestRow + 1) * width), c * width);
		[closest, bestClosest] = [bestClosest, closest];
		potential = bestPotential;
	}
	return centres;
}

/** The first index whose cumulative sum exceeds `value` (numpy's searchsorted, side='left' on value). */
function searchSorted(cumulative: Float64Array, value: number): number {
	let low = 0;
	let high = cumulative.length - 1;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (cumulative[mid]! < value) low = mid + 1;
		else high = mid;
	}
	return low;
}

interface Run {
	centres: Float64Array;
	labels: Int32Array;
	inertia: number;
	iterations: number;
	converged: boolean;
}

/**
 * Lloyd's algorithm until no row changes cluster, with Hamerly's bounds: `upper` is at least the distance to
 * the row's own centre, `lower` at most the distance to any other; a row whose upper bound is below both its
 * lower bound and half the distance from its centre to the next centre cannot change, so is skipped. Cluster
 * sums are kept up to date row by row, so late iterations, where few rows move, cost little.
 */
function lloyd(points: Points, rows: number, centres: Float64Array, maxIterations: number): Run {
	const { data, width } = points;
	const k = centres.length / width;
	const labels = new Int32Array(rows);
	const upper = new Float64Array(rows);
	const lower = new Float64Array(rows);
	const counts = new Int32Array(k);
	const sums = new Float64Array(k * width);
	const moved = new Float64Array(k);
	const halfGap = new Float64Array(k);
	const assignAll = () => {
		for (let i = 0; i < rows; i++) {
			nearest(data, i * width, centres, k, width);
			labels[i] = found.index;
			upper[i] = Math.sqrt(found.first);
			lower[i] = Math.sqrt(found.second);
		}
		sumClusters(data, width, labels, counts, sums);
	};
	assignAll();
	let iterations = 0;
	let converged = false;
	while (iterations < maxIterations) {
		iterations++;
		if (counts.includes(0)) {
			// An empty cluster takes the farthest row; the bounds no longer hold, so start them afresh and go
			// round again (labels changed, so this cannot be the last iteration).
			relocateEmpty(data, width, labels, centres, counts);
			sumClusters(data, width, labels, counts, sums);
			centresFromSums(centres, sums, counts, moved);
			assignAll();
			continue;
		}
		centresFromSums(centres, sums, counts, moved);
		for (let c = 0; c < k; c++) {
			let gap = Infinity;
			for (let other = 0; other < k; other++) {
				if (other !== c)
					gap = Math.min(gap, squaredDistance(centres, c * width, centres, other * width, width));
			}
			halfGap[c] = Math.sqrt(gap) / 2;
		}
		// Bounds follow the centres: the own centre came at most moved[own] nearer or farther, any other at
		// most the largest move among the others.
		let most = 0;
		let mostAt = -1;
		let secondMost = 0;
		for (let c = 0; c < k; c++) {
			if (moved[c]! > most) {
				secondMost = most;
				most = moved[c]!;
				mostAt = c;
			} else if (moved[c]! > secondMost) secondMost = moved[c]!;
		}
		let changed = 0;
		for (let i = 0; i < rows; i++) {
			const own = labels[i]!;
			upper[i]! += moved[own]!;
			lower[i]! -= own === mostAt ? secondMost : most;
			const bound = Math.max(halfGap[own]!, lower[i]!);
			if (upper[i]! <= bound) continue;
			const ownDistance = squaredDistance(data, i * width, centres, own * width, width);
			upper[i] = Math.sqrt(ownDistance);
			if (upper[i]! <= bound) continue;
			nearest(data, i * width, centres, k, width);
			upper[i] = Math.sqrt(found.first);
			lower[i] = Math.sqrt(found.second);
			if (found.index === own) continue;
			// Only a strictly nearer centre moves a row, so exact ties never flip back and forth.
			if (found.first >= ownDistance) {
				lower[i] = upper[i]!;
				continue;
			}
			labels[i] = found.index;
			changed++;
			counts[own]!--;
			counts[found.index]!++;
			for (let j = 0; j < width; j++) {
				sums[own * width + j]! -= data[i * width + j]!;
				sums[found.index * width + j]! += data[i * width + j]!;
			}
		}
		if (changed === 0) {
			converged = true;
			break;
		}
	}
	// The running sums gather rounding as rows come and go: report the exact means of the final clusters.
	sumClusters(data, width, labels, counts, sums);
	if (!counts.includes(0)) centresFromSums(centres, sums, counts, moved);
	let inertia = 0;
	for (let i = 0; i < rows; i++)
		inertia += squaredDistance(data, i * width, centres, labels[i]! * width, width);
	return { centres, labels, inertia, iterations, converged };
}

function sumClusters(
	data: Float64Array,
	width: number,
	labels: Int32Array,
	counts: Int32Array,
	sums: Float64Array
) {
	counts.fill(0);
	sums.fill(0);
	for (let i = 0; i < labels.length; i++) {
		const base = labels[i]! * width;
		const row = i * width;
		counts[labels[i]!]!++;
		for (let j = 0; j < width; j++) sums[base + j]! += data[row + j]!;
	}
}

/** Moves each centre to the mean of its rows, recording how far it went. */
function centresFromSums(centres: Float64Array, sums: Float64Array, counts: Int32Array, moved: Float64Array) {
	const width = centres.length / counts.length;
	for (let c = 0; c < counts.length; c++) {
		let shift = 0;
		for (let j = 0; j < width; j++) {
			const mean = sums[c * width + j]! / counts[c]!;
			const diff = mean - centres[c * width + j]!;
			shift += diff * diff;
			centres[c * width + j] = mean;
		}
		moved[c] = Math.sqrt(shift);
	}
}

/**
 * scikit-learn's relocation: each empty cluster takes the row farthest from its own centre (from a cluster
 * that can spare it), so k clusters stay k.
 */
function relocateEmpty(
	data: Float64Array,
	width: number,
	labels: Int32Array,
	centres: Float64Array,
	counts: Int32Array
) {
	for (let c = 0; c < counts.length; c++) {
		if (counts[c] !== 0) continue;
		let far = -1;
		let farthest = -1;
		for (let i = 0; i < labels.length; i++) {
			if (counts[labels[i]!]! <= 1) continue;
			const d = squaredDistance(data, i * width, centres, labels[i]! * width, width);
			if (d > farthest) {
				farthest = d;
				far = i;
			}
		}
		// k ≤ rows, so some cluster always has two rows while another is empty.
		counts[labels[far]!]!--;
		counts[c] = 1;
		labels[far] = c;
	}
}
