// Clustering metrics against scikit-learn 1.2 on iris (tests/fixtures/sklearn/make-clustering-fixtures.py).
import { describe, expect, it } from 'vitest';
import {
	adjustedRandScore,
	daviesBouldinScore,
	inertia,
	sampleRows,
	silhouetteScore
} from '../../../../src/lib/core/metrics/clustering.ts';
import type { Points } from '../../../../src/lib/core/metrics/clustering.ts';
import fixture from '../../../fixtures/sklearn/clustering.json';

const points = (rows: number[][]): Points => ({
	data: Float64Array.from(rows.flat()),
	width: rows[0]!.length
});
const data = { raw: points(fixture.features), standardized: points(fixture.standardized) };
const labelSets = fixture.labelSets as Record<string, number[]>;
const ones = new Array<number>(150).fill(0);
const alone = Array.from({ length: 150 }, (_, i) => i);
const labelsFor = (name: string) => (name === 'one' ? ones : name === 'alone' ? alone : labelSets[name]!);

function expectRelative(actual: number, expected: number, tolerance = 1e-9) {
	expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(Math.abs(expected), 1e-12));
}

describe('clustering metrics match scikit-learn on iris', () => {
	for (const c of fixture.metrics) {
		it(`${c.data} features, ${c.labels} labels`, () => {
			const x = data[c.data as 'raw' | 'standardized'];
			const labels = labelSets[c.labels]!;
			expectRelative(silhouetteScore(x, labels), c.silhouette);
			expectRelative(daviesBouldinScore(x, labels), c.daviesBouldin);
			expectRelative(inertia(x, labels), c.inertia);
		});
	}

	it('adjusted Rand index, every pair of labellings and the limit cases', () => {
		expect(fixture.ari.length).toBeGreaterThan(25);
		for (const c of fixture.ari) {
			expectRelative(adjustedRandScore(labelsFor(c.a), labelsFor(c.b)), c.ari);
		}
	});
});

describe('clustering metrics', () => {
	it('ignore what the labels are called: strings and renumbered clusters score the same', () => {
		const x = data.standardized;
		const species = labelSets.species!;
		const names = species.map((c) => ['setosa', 'versicolor', 'virginica'][c]!);
		expect(silhouetteScore(x, names)).toBe(silhouetteScore(x, species));
		expect(daviesBouldinScore(x, names)).toBe(daviesBouldinScore(x, species));
		expect(adjustedRandScore(names, labelSets.renumbered!)).toBe(1);
	});

	it('inertia against given centres equals inertia against the cluster means when the centres are the means', () => {
		const x = points([
			[0, 0],
			[2, 0],
			[10, 10],
			[10, 12]
		]);
		const labels = [0, 0, 1, 1];
		expect(inertia(x, labels)).toBe(4);
		expect(inertia(x, labels, Float64Array.from([1, 0, 10, 11]))).toBe(4);
		expect(inertia(x, labels, Float64Array.from([0, 0, 10, 10]))).toBe(4 + 4);
		expect(() => inertia(x, [0, 0, 1, 2], Float64Array.from([1, 0, 10, 11]))).toThrow(/label 2 of row 4/);
	});

	it('silhouette on a seeded sample is repeatable and close to the full score', () => {
		const x = data.standardized;
		const labels = labelSets.kmeans3!;
		const full = silhouetteScore(x, labels);
		const a = silhouetteScore(x, labels, { sampleSize: 100, seed: 3 });
		expect(silhouetteScore(x, labels, { sampleSize: 100, seed: 3 })).toBe(a);
		expect(silhouetteScore(x, labels, { sampleSize: 100, seed: 4 })).not.toBe(a);
		expect(Math.abs(a - full)).toBeLessThan(0.05);
		// A sample as large as the data is the data.
		expect(silhouetteScore(x, labels, { sampleSize: 150, seed: 3 })).toBe(full);
	});

	it('sampleRows picks distinct rows in order, the same ones for a seed', () => {
		const picked = sampleRows(1000, 200, 9);
		expect(picked.length).toBe(200);
		expect(new Set(picked).size).toBe(200);
		expect(Array.from(picked)).toEqual([...picked].sort((a, b) => a - b));
		expect(Array.from(sampleRows(1000, 200, 9))).toEqual(Array.from(picked));
		expect(picked[199]).toBeLessThan(1000);
	});

	it('refuse label counts the scores are undefined for, saying why', () => {
		const x = data.raw;
		expect(() => silhouetteScore(x, ones)).toThrow(/between 2 and 149 clusters.*form 1/);
		expect(() => daviesBouldinScore(x, alone)).toThrow(/form 150/);
		expect(() => silhouetteScore(x, ones.slice(1))).toThrow(/149 labels for 150 rows/);
		expect(() => adjustedRandScore([1, 2], [1])).toThrow(/2 and 1 labels/);
	});

	it('rows with a = b = 0 score 0 (sklearn’s nan_to_num), and identical clusters give Davies–Bouldin 0', () => {
		// Hand-computed: row 1 alone (0), row 2 (0 − 4.5)/4.5, row 3 (4 − 2.5)/4, row 4 (5 − 3)/5.
		expect(silhouetteScore(points([[1], [1], [5], [6]]), [0, 1, 1, 1])).toBeCloseTo(
			(0 - 1 + 0.375 + 0.4) / 4,
			14
		);
		expect(silhouetteScore(points([[1], [1], [1], [1]]), [0, 0, 1, 1])).toBe(0);
		expect(daviesBouldinScore(points([[1], [1], [1]]), [0, 1, 1])).toBe(0);
	});
});
