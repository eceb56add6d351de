// k-means: scikit-learn parity on standardized iris, determinism, prediction, scans, messages and speed.
import { describe, expect, it } from 'vitest';
import { adjustedRandScore, inertia } from '../../../../src/lib/core/metrics/clustering.ts';
import type { Points } from '../../../../src/lib/core/metrics/clustering.ts';
import { fitKMeans, predictKMeans } from '../../../../src/lib/core/models/kmeans/kmeans.ts';
import { scanK, SILHOUETTE_SAMPLE_ROWS } from '../../../../src/lib/core/models/kmeans/scan-k.ts';
import { createRandom } from '../../../../src/lib/core/random/seeded-random.ts';
import fixture from '../../../fixtures/sklearn/clustering.json';

const points = (rows: number[][]): Points => ({
	data: Float64Array.from(rows.flat()),
	width: rows[0]!.length
});
const iris = points(fixture.standardized);

/** Gaussian blobs (standard deviation 1) around centres 4√2 apart, with the blob each row came from. */
function blobs(rows: number, width: number, centres: number, seed: number): Points & { truth: number[] } {
	const random = createRandom(seed);
	const data = new Float64Array(rows * width);
	const truth: number[] = [];
	for (let i = 0; i < rows; i++) {
		const blob = random.int(centres);
		truth.push(blob);
		for (let j = 0; j < width; j++) data[i * width + j] = random.normal(blob * 4 * ((j % 2) * 2 - 1), 1);
	}
	return { data, width, truth };
}

const reference = (k: number) => fixture.kmeans.find((c) => c.k === k)!;
const relative = (value: number, expected: number) => Math.abs(value - expected) / expected;

// Iris has several local optima for k ≥ 3. scikit-learn's random_state=0 reaches the best one for k = 3;
// one k-means++ start reaches it about 13% of the time (in scikit-learn and here), so 10 restarts reach it
// for most seeds, not all: the tests say so instead of picking a lucky seed.
describe('k-means against scikit-learn on standardized iris', () => {
	it('k = 3, seed 0, 10 restarts: scikit-learn’s inertia to 1e-6, its clusters (ARI ≥ 0.99) and centres', () => {
		const fit = fitKMeans(iris, { k: 3, restarts: 10, maxIterations: 300 }, 0);
		expect(relative(fit.model.inertia, reference(3).inertia)).toBeLessThanOrEqual(1e-6);
		expect(adjustedRandScore(fit.labels, reference(3).labels)).toBeGreaterThanOrEqual(0.99);
		expect(fit.model.converged).toBe(true);
		for (const centre of reference(3).centroids) {
			const distances = fit.model.centroids.map((c) =>
				Math.hypot(...c.map((value, j) => value - centre[j]!))
			);
			expect(Math.min(...distances)).toBeLessThan(1e-9);
		}
		// The reported inertia is that of the reported centres and labels, and the best of the restarts.
		const centres = Float64Array.from(fit.model.centroids.flat());
		expect(relative(inertia(iris, fit.labels, centres), fit.model.inertia)).toBeLessThan(1e-12);
		expect(fit.restarts).toHaveLength(10);
		expect(Math.min(...fit.restarts.map((r) => r.inertia))).toBe(fit.model.inertia);
	});

	it('k = 2 always and k = 3 for most seeds (10 restarts) reach scikit-learn’s optimum', () => {
		let matched = 0;
		for (let seed = 0; seed < 20; seed++) {
			const two = fitKMeans(iris, { k: 2, restarts: 10, maxIterations: 300 }, seed);
			expect(relative(two.model.inertia, reference(2).inertia)).toBeLessThanOrEqual(1e-6);
			expect(adjustedRandScore(two.labels, reference(2).labels)).toBeGreaterThanOrEqual(0.99);
			const three = fitKMeans(iris, { k: 3, restarts: 10, maxIterations: 300 }, seed);
			if (relative(three.model.inertia, reference(3).inertia) <= 1e-6) matched++;
			// The other optima are within 0.2%.
			expect(three.model.inertia).toBeLessThan(reference(3).inertia * 1.002);
		}
		// 1 − 0.87¹⁰ ≈ 75% expected; 14 of 20 seeds today.
		expect(matched).toBeGreaterThanOrEqual(12);
	});

	it('one k-means++ start reaches the best k = 3 optimum about as often as scikit-learn’s does', () => {
		const { starts, best, shareBest } = fixture.kmeansSingleStarts;
		let hits = 0;
		for (let seed = 0; seed < starts; seed++) {
			const fit = fitKMeans(iris, { k: 3, restarts: 1, maxIterations: 300 }, seed);
			expect(fit.model.inertia).toBeGreaterThanOrEqual(best * (1 - 1e-9));
			if (fit.model.inertia <= best * (1 + 1e-9)) hits++;
		}
		// scikit-learn: 27 of 200. Two binomial standard deviations either side is about ±10.
		expect(Math.abs(hits / starts - shareBest)).toBeLessThan(0.05 + 1e-12);
	});

	it('k = 4 and 5: local optima within 1% of scikit-learn’s', () => {
		for (const k of [4, 5]) {
			const fit = fitKMeans(iris, { k, restarts: 10, maxIterations: 300 }, 0);
			expect(relative(fit.model.inertia, reference(k).inertia)).toBeLessThan(0.01);
		}
	});
});

describe('k-means', () => {
	it('is deterministic for a seed, and the seed matters', () => {
		const data = blobs(600, 3, 4, 5);
		const settings = { k: 6, restarts: 2, maxIterations: 300 };
		const a = fitKMeans(data, settings, 11);
		const b = fitKMeans(data, settings, 11);
		expect(b.model).toEqual(a.model);
		expect(Array.from(b.labels)).toEqual(Array.from(a.labels));
		const others = [12, 13, 14].map((seed) => fitKMeans(data, settings, seed).model.centroids);
		expect(others.some((c) => JSON.stringify(c) !== JSON.stringify(a.model.centroids))).toBe(true);
	});

	it('finds well-separated blobs exactly, and predict puts each row in its nearest centre', () => {
		const data = blobs(400, 2, 3, 8);
		const fit = fitKMeans(data, { k: 3, restarts: 3, maxIterations: 300 }, 2);
		// Blobs 3 standard deviations from the midpoint: a row or two may fall on the wrong side.
		expect(adjustedRandScore(fit.labels, data.truth)).toBeGreaterThan(0.97);
		expect(Array.from(predictKMeans(fit.model, data))).toEqual(Array.from(fit.labels));
		const [first] = fit.model.centroids;
		expect(predictKMeans(fit.model, points([first!]))[0]).toBe(0);
	});

	it('stops at maxIterations and says it did not converge', () => {
		const data = blobs(2000, 5, 6, 3);
		const fit = fitKMeans(data, { k: 12, restarts: 1, maxIterations: 1 }, 4);
		expect(fit.model.iterations).toBe(1);
		expect(fit.model.converged).toBe(false);
	});

	it('keeps k clusters when there are fewer distinct rows than k, and k = n puts each row alone', () => {
		const repeated = points([[0], [0], [0], [5], [5], [9]]);
		const fit = fitKMeans(repeated, { k: 4, restarts: 2, maxIterations: 50 }, 1);
		expect(fit.model.centroids).toHaveLength(4);
		expect(fit.model.inertia).toBe(0);
		const each = fitKMeans(points([[1], [2], [4]]), { k: 3, restarts: 1, maxIterations: 10 }, 1);
		expect(new Set(each.labels).size).toBe(3);
		expect(each.model.inertia).toBe(0);
	});

	it('refuses k above the row count, missing values and mismatched widths, with clear messages', () => {
		const small = points([[1], [2], [3]]);
		expect(() => fitKMeans(small, { k: 4, restarts: 1, maxIterations: 10 }, 1)).toThrow(
			'k-means with k = 4 needs at least 4 rows, but the data has 3: choose k of at most 3.'
		);
		expect(() =>
			fitKMeans(
				points([
					[1, 2],
					[3, NaN]
				]),
				{ k: 1, restarts: 1, maxIterations: 10 },
				1
			)
		).toThrow(/row 2, feature 2 is missing: impute or drop/);
		const fit = fitKMeans(small, { k: 2, restarts: 1, maxIterations: 10 }, 1);
		expect(() => predictKMeans(fit.model, points([[1, 2]]))).toThrow(
			/fitted on rows of 1 numbers, but these rows have 2/
		);
	});

	// Its time is measured in bench/core-timings.ts (kmeans-100k), not asserted here.
	it('fits 100,000 rows × 10 with k = 8 and 10 restarts, converging', () => {
		const data = blobs(100_000, 10, 8, 21);
		const fit = fitKMeans(data, { k: 8, restarts: 10, maxIterations: 300 }, 1);
		expect(fit.model.converged).toBe(true);
	}, 60_000);
});

describe('scanK', () => {
	it('reports inertia falling with k and the best silhouette at the true number of blobs', () => {
		const data = blobs(500, 2, 3, 6);
		const scan = scanK(data, [1, 2, 3, 4, 5], 7);
		expect(scan.points.map((p) => p.k)).toEqual([1, 2, 3, 4, 5]);
		expect(scan.points[0]!.silhouette).toBeNull();
		for (let i = 1; i < scan.points.length; i++) {
			expect(scan.points[i]!.inertia).toBeLessThan(scan.points[i - 1]!.inertia);
		}
		expect(scan.bestK).toBe(3);
		expect(scan.note).toBeNull();
		expect(scan.silhouetteRows).toBe(500);
	});

	it('scores the silhouette on a seeded sample of large data, and says so', () => {
		const data = blobs(5000, 2, 2, 9);
		const scan = scanK(data, [2, 3], 1, { restarts: 1 });
		expect(scan.silhouetteRows).toBe(SILHOUETTE_SAMPLE_ROWS);
		expect(scan.note).toMatch(/sample of 2,000 of the 5,000 rows/);
		expect(scanK(data, [2, 3], 1, { restarts: 1 })).toEqual(scan);
		expect(scan.bestK).toBe(2);
	});

	it('refuses a k larger than the data', () => {
		expect(() => scanK(points([[1], [2]]), [2, 3], 1)).toThrow(/Cannot try k = 3: the data has only 2 rows/);
	});
});
