// Clustering metrics: inertia, silhouette, Davies–Bouldin and the adjusted Rand index, computed as
// scikit-learn computes them (checked against its values in tests/fixtures/sklearn/clustering.json).
import { BenchtopError } from '../errors.ts';
import { createRandom } from '../random/seeded-random.ts';

/** Rows of numbers, row-major: row i is data[i*width .. (i+1)*width). */
export interface Points {
	data: Float64Array;
	/** Numbers per row (features). */
	width: number;
}

/** A cluster or class label per row; any numbers or strings, not necessarily 0..k-1. */
export type Labels = ArrayLike<number | string>;

/** Labels renumbered 0..k-1 in order of first appearance, with each cluster's size. */
export interface Coded {
	codes: Int32Array;
	sizes: number[];
}

export function codeLabels(labels: Labels): Coded {
	const index = new Map<number | string, number>();
	const codes = new Int32Array(labels.length);
	const sizes: number[] = [];
	for (let i = 0; i < labels.length; i++) {
		const label = labels[i]!;
		let code = index.get(label);
		if (code === undefined) {
			code = sizes.length;
			index.set(label, code);
			sizes.push(0);
		}
		codes[i] = code;
		sizes[code]!++;
	}
	return { codes, sizes };
}

function rowCount(points: Points, labels: Labels, metric: string): number {
	const { data, width } = points;
	if (!Number.isInteger(width) || width < 1 || data.length % width !== 0) {
		throw new BenchtopError('bad-input', `${metric}: the data is not whole rows of ${width} numbers.`);
	}
	const rows = data.length / width;
	if (labels.length !== rows) {
		throw new BenchtopError(
			'bad-input',
			`${metric}: there are ${labels.length} labels for ${rows} rows; give one label per row.`
		);
	}
	return rows;
}

/** scikit-learn's rule for silhouette and Davies–Bouldin: at least 2 clusters, and not one per row. */
function requireClusterCount(clusters: number, rows: number, metric: string): void {
	if (clusters < 2 || clusters > rows - 1) {
		throw new BenchtopError(
			'bad-input',
			`${metric} needs between 2 and ${rows - 1} clusters (one fewer than the rows), but the labels form ${clusters}.`
		);
	}
}

/** Each cluster's mean, k rows of `width` numbers. */
export function clusterMeans(points: Points, coded: Coded): Float64Array {
	const { data, width } = points;
	const k = coded.sizes.length;
	const means = new Float64Array(k * width);
	for (let i = 0; i < coded.codes.length; i++) {
		const base = coded.codes[i]! * width;
		const row = i * width;
		for (let j = 0; j < width; j++) means[base + j]! += data[row + j]!;
	}
	for (let c = 0; c < k; c++) {
		for (let j = 0; j < width; j++) means[c * width + j]! /= coded.sizes[c]!;
	}
	return means;
}

function squaredDistance(a: Float64Array, aStart: number, b: Float64Array, bStart: number, width: number) {
	let sum = 0;
	for (let j = 0; j < width; j++) {
		const diff = a[aStart + j]! - b[bStart + j]!;
		sum += diff * diff;
	}
	return sum;
}

/**
 * Sum of squared distances from each row to its cluster's centre (k-means' objective). The centres are the
 * cluster means unless given (k rows, in the order of first appearance of each label, or indexed by the
 * label when labels are 0..k-1 numbers and `centroids` has k rows).
 */
export function inertia(points: Points, labels: Labels, centroids?: Float64Array): number {
	const rows = rowCount(points, labels, 'Inertia');
	const { data, width } = points;
	if (centroids) {
		let total = 0;
		const k = centroids.length / width;
		for (let i = 0; i < rows; i++) {
			const c = labels[i];
			if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c >= k) {
				throw new BenchtopError(
					'bad-input',
					`Inertia: label ${String(c)} of row ${i + 1} is not 0..${k - 1}.`
				);
			}
			total += squaredDistance(data, i * width, centroids, c * width, width);
		}
		return total;
	}
	const coded = codeLabels(labels);
	const means = clusterMeans(points, coded);
	let total = 0;
	for (let i = 0; i < rows; i++)
		total += squaredDistance(data, i * width, means, coded.codes[i]! * width, width);
	return total;
}

export interface SilhouetteOptions {
	/** Score a seeded random sample of this many rows (distances within the sample only), as sklearn's
	 * sample_size does; the full score costs rows² distances. */
	sampleSize?: number;
	seed?: number;
}

/**
 * Mean silhouette coefficient with euclidean distances, like sklearn.metrics.silhouette_score: per row,
 * (b − a) / max(a, b) where a is the mean distance to the rest of its own cluster and b the mean distance
 * to the nearest other cluster; rows alone in their cluster score 0. From −1 (wrong cluster) to 1.
 */
export function silhouetteScore(points: Points, labels: Labels, options: SilhouetteOptions = {}): number {
	const rows = rowCount(points, labels, 'The silhouette score');
	let subset: Points = points;
	let subsetLabels: Labels = labels;
	if (options.sampleSize !== undefined && options.sampleSize < rows) {
		const picked = sampleRows(rows, options.sampleSize, options.seed ?? 0);
		subset = takeRows(points, picked);
		subsetLabels = Array.from(picked, (i) => labels[i]!);
	}
	const coded = codeLabels(subsetLabels);
	const n = coded.codes.length;
	requireClusterCount(coded.sizes.length, n, 'The silhouette score');
	const samples = silhouetteSamples(subset, coded);
	let sum = 0;
	for (let i = 0; i < n; i++) sum += samples[i]!;
	return sum / n;
}

/** Each row's silhouette coefficient (rows alone in their cluster: 0). */
export function silhouetteSamples(points: Points, coded: Coded): Float64Array {
	const { data, width } = points;
	const { codes, sizes } = coded;
	const n = codes.length;
	const k = sizes.length;
	// sums[i*k + c]: total distance from row i to the rows of cluster c. Each pair is computed once.
	const sums = new Float64Array(n * k);
	for (let i = 0; i < n; i++) {
		const ci = codes[i]!;
		for (let j = i + 1; j < n; j++) {
			const d = Math.sqrt(squaredDistance(data, i * width, data, j * width, width));
			sums[i * k + codes[j]!]! += d;
			sums[j * k + ci]! += d;
		}
	}
	const scores = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const own = codes[i]!;
		if (sizes[own]! <= 1) continue;
		const a = sums[i * k + own]! / (sizes[own]! - 1);
		let b = Infinity;
		for (let c = 0; c < k; c++) {
			if (c !== own) b = Math.min(b, sums[i * k + c]! / sizes[c]!);
		}
		const denominator = Math.max(a, b);
		// Both zero: duplicate rows split across clusters; sklearn's nan_to_num makes that 0.
		scores[i] = denominator > 0 ? (b - a) / denominator : 0;
	}
	return scores;
}

/**
 * Davies–Bouldin index, like sklearn.metrics.davies_bouldin_score: for each cluster, the worst ratio of
 * (its spread + another's spread) to the distance between their centres, averaged. Lower is better; 0 is
 * the floor.
 */
export function daviesBouldinScore(points: Points, labels: Labels): number {
	const rows = rowCount(points, labels, 'The Davies–Bouldin score');
	const coded = codeLabels(labels);
	const k = coded.sizes.length;
	requireClusterCount(k, rows, 'The Davies–Bouldin score');
	const { data, width } = points;
	const means = clusterMeans(points, coded);
	const spread = new Float64Array(k);
	for (let i = 0; i < rows; i++) {
		const c = coded.codes[i]!;
		spread[c]! += Math.sqrt(squaredDistance(data, i * width, means, c * width, width));
	}
	for (let c = 0; c < k; c++) spread[c]! /= coded.sizes[c]!;
	const centreDistance = new Float64Array(k * k);
	for (let a = 0; a < k; a++) {
		for (let b = 0; b < k; b++)
			centreDistance[a * k + b] = Math.sqrt(squaredDistance(means, a * width, means, b * width, width));
	}
	// sklearn's np.allclose(x, 0) test: every value within 1e-8 of zero.
	const allNearZero = (values: Float64Array) => values.every((x) => Math.abs(x) <= 1e-8);
	if (allNearZero(spread) || allNearZero(centreDistance)) return 0;
	let total = 0;
	for (let a = 0; a < k; a++) {
		let worst = 0;
		for (let b = 0; b < k; b++) {
			const distance = centreDistance[a * k + b]!;
			// Coinciding centres count as infinitely far apart, as in sklearn (the ratio would be undefined).
			if (distance === 0) continue;
			worst = Math.max(worst, (spread[a]! + spread[b]!) / distance);
		}
		total += worst;
	}
	return total / k;
}

/**
 * Adjusted Rand index, like sklearn.metrics.adjusted_rand_score: agreement of two labellings over all pairs
 * of rows, corrected for chance. 1 is the same partition (whatever the label names), about 0 is chance.
 */
export function adjustedRandScore(labelsA: Labels, labelsB: Labels): number {
	if (labelsA.length !== labelsB.length) {
		throw new BenchtopError(
			'bad-input',
			`The adjusted Rand index compares two labellings of the same rows, but they have ${labelsA.length} and ${labelsB.length} labels.`
		);
	}
	const n = labelsA.length;
	const a = codeLabels(labelsA);
	const b = codeLabels(labelsB);
	const kb = b.sizes.length;
	const contingency = new Map<number, number>();
	for (let i = 0; i < n; i++) {
		const cell = a.codes[i]! * kb + b.codes[i]!;
		contingency.set(cell, (contingency.get(cell) ?? 0) + 1);
	}
	let sumSquares = 0;
	for (const count of contingency.values()) sumSquares += count * count;
	const sumOfSquares = (sizes: number[]) => sizes.reduce((total, s) => total + s * s, 0);
	// The pair confusion matrix, as sklearn.metrics.cluster.pair_confusion_matrix builds it.
	const together = sumSquares - n;
	const onlyB = sumOfSquares(b.sizes) - sumSquares;
	const onlyA = sumOfSquares(a.sizes) - sumSquares;
	const apart = n * n - onlyB - onlyA - sumSquares;
	// No pair disagrees: identical partitions, including sklearn's limit cases (one cluster, all singletons).
	if (onlyA === 0 && onlyB === 0) return 1;
	return (
		(2 * (together * apart - onlyA * onlyB)) /
		((together + onlyA) * (onlyA + apart) + (together + onlyB) * (onlyB + apart))
	);
}

/** `count` distinct row numbers out of `rows`, seeded, in ascending order. */
export function sampleRows(rows: number, count: number, seed: number): Int32Array {
	const all = new Int32Array(rows);
	for (let i = 0; i < rows; i++) all[i] = i;
	const random = createRandom(seed);
	// A partial Fisher–Yates: the first `count` places end up a uniform sample.
	for (let i = 0; i < count; i++) {
		const j = i + random.int(rows - i);
		const held = all[i]!;
		all[i] = all[j]!;
		all[j] = held;
	}
	return all.subarray(0, count).sort();
}

export function takeRows(points: Points, rows: ArrayLike<number>): Points {
	const { data, width } = points;
	const out = new Float64Array(rows.length * width);
	for (let i = 0; i < rows.length; i++)
		out.set(data.subarray(rows[i]! * width, (rows[i]! + 1) * width), i * width);
	return { data: out, width };
}
