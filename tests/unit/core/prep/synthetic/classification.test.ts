import { describe, expect, it } from 'vitest';
import { findSyntheticGenerator } from '../../../../../src/lib/core/prep/synthetic/index.ts';
import { countBy, labels, mean, numbers, std } from './read-columns.ts';

const blobs = findSyntheticGenerator('blobs');
const moons = findSyntheticGenerator('moons');
const circles = findSyntheticGenerator('circles');
const spirals = findSyntheticGenerator('spirals');
const xor = findSyntheticGenerator('xor');

describe('blobs', () => {
	const data = blobs.generate({ n_samples: 3000, centers: 3, n_features: 4, cluster_std: 1.5 }, 1);
	const cluster = labels(data, 'cluster');

	it('has one number column per feature and a category column of cluster labels', () => {
		expect(data.schema).toEqual([
			{ name: 'x1', type: 'number' },
			{ name: 'x2', type: 'number' },
			{ name: 'x3', type: 'number' },
			{ name: 'x4', type: 'number' },
			{ name: 'cluster', type: 'category' }
		]);
		expect(data.target).toBe('cluster');
		expect(countBy(cluster)).toEqual({ c0: 1000, c1: 1000, c2: 1000 });
	});

	it('splits rows as scikit-learn does when they do not divide evenly', () => {
		const uneven = blobs.generate({ n_samples: 11, centers: 3 }, 1);
		expect(countBy(labels(uneven, 'cluster'))).toEqual({ c0: 4, c1: 4, c2: 3 });
	});

	it('scatters each cluster round its centre with the asked-for spread', () => {
		const centers = data.truth.centers!;
		expect(centers).toHaveLength(3);
		centers.forEach((center, k) => {
			expect(center).toHaveLength(4);
			const rows = cluster.flatMap((label, i) => (label === `c${k}` ? [i] : []));
			center.forEach((coordinate, j) => {
				expect(coordinate).toBeGreaterThanOrEqual(-10);
				expect(coordinate).toBeLessThan(10);
				const values = rows.map((i) => numbers(data, `x${j + 1}`)[i]!);
				// Standard errors: of the mean 1.5 / √1000 ≈ 0.05, of the spread 1.5 / √2000 ≈ 0.03.
				expect(Math.abs(mean(values) - coordinate)).toBeLessThan(0.2);
				expect(Math.abs(std(values) - 1.5)).toBeLessThan(0.15);
			});
		});
	});

	it('puts rows in random order rather than cluster by cluster', () => {
		expect(new Set(cluster.slice(0, 30)).size).toBe(3);
	});

	it('puts every point exactly on its centre when the spread is zero', () => {
		const tight = blobs.generate({ n_samples: 20, centers: 2, cluster_std: 0 }, 5);
		const tightLabels = labels(tight, 'cluster');
		tightLabels.forEach((label, i) => {
			const center = tight.truth.centers![Number(label.slice(1))]!;
			expect([numbers(tight, 'x1')[i], numbers(tight, 'x2')[i]]).toEqual(center);
		});
	});
});

describe('moons', () => {
	it('is exactly balanced, the inner moon taking the odd row as in scikit-learn', () => {
		expect(countBy(labels(moons.generate({ n_samples: 500 }, 1), 'class'))).toEqual({
			class_0: 250,
			class_1: 250
		});
		expect(countBy(labels(moons.generate({ n_samples: 501 }, 1), 'class'))).toEqual({
			class_0: 250,
			class_1: 251
		});
	});

	it('lays the classes on two interleaving half circles', () => {
		const data = moons.generate({ n_samples: 400, noise: 0 }, 2);
		const [x1, x2, cls] = [numbers(data, 'x1'), numbers(data, 'x2'), labels(data, 'class')];
		expect(data.schema.map((c) => c.type)).toEqual(['number', 'number', 'category']);
		cls.forEach((label, i) => {
			if (label === 'class_0') {
				expect(Math.hypot(x1[i]!, x2[i]!)).toBeCloseTo(1, 12);
				expect(x2[i]).toBeGreaterThanOrEqual(-1e-12);
			} else {
				expect(Math.hypot(x1[i]! - 1, x2[i]! - 0.5)).toBeCloseTo(1, 12);
				expect(x2[i]).toBeLessThanOrEqual(0.5 + 1e-12);
			}
		});
	});

	it('adds noise of the asked-for size', () => {
		const clean = moons.generate({ n_samples: 4000, noise: 0 }, 3);
		const noisy = moons.generate({ n_samples: 4000, noise: 0.2 }, 3);
		// Same seed, same points and row order: the difference is the noise alone.
		const diff = numbers(noisy, 'x1').map((v, i) => v - numbers(clean, 'x1')[i]!);
		expect(std(diff)).toBeCloseTo(0.2, 1);
	});
});

describe('circles', () => {
	it('is exactly balanced', () => {
		expect(countBy(labels(circles.generate({ n_samples: 1000 }, 1), 'class'))).toEqual({
			class_0: 500,
			class_1: 500
		});
		expect(countBy(labels(circles.generate({ n_samples: 11 }, 1), 'class'))).toEqual({
			class_0: 5,
			class_1: 6
		});
	});

	it('puts the inner class at radius factor and the outer at radius 1', () => {
		const data = circles.generate({ n_samples: 600, noise: 0, factor: 0.3 }, 4);
		const radius = numbers(data, 'x1').map((x, i) => Math.hypot(x, numbers(data, 'x2')[i]!));
		labels(data, 'class').forEach((label, i) => {
			expect(radius[i]).toBeCloseTo(label === 'class_0' ? 1 : 0.3, 12);
		});
	});

	it('keeps the inner radius near factor on average under noise', () => {
		const data = circles.generate({ n_samples: 20_000, noise: 0.05, factor: 0.6 }, 5);
		const cls = labels(data, 'class');
		const inner = Array.from(numbers(data, 'x1')).flatMap((x, i) =>
			cls[i] === 'class_1' ? [Math.hypot(x, numbers(data, 'x2')[i]!)] : []
		);
		expect(Math.abs(mean(inner) - 0.6)).toBeLessThan(0.01);
	});
});

describe('spirals', () => {
	it('has one balanced class per arm', () => {
		expect(countBy(labels(spirals.generate({ n_samples: 900, classes: 3 }, 1), 'class'))).toEqual({
			class_0: 300,
			class_1: 300,
			class_2: 300
		});
		expect(Object.keys(countBy(labels(spirals.generate({ classes: 2 }, 1), 'class')))).toHaveLength(2);
	});

	it('winds the arms evenly spaced round the centre, out to radius 1', () => {
		const data = spirals.generate({ n_samples: 900, classes: 3, noise: 0 }, 6);
		const [x1, x2, cls] = [numbers(data, 'x1'), numbers(data, 'x2'), labels(data, 'class')];
		cls.forEach((label, i) => {
			const radius = Math.hypot(x1[i]!, x2[i]!);
			expect(radius).toBeGreaterThan(0);
			expect(radius).toBeLessThanOrEqual(1 + 1e-12);
			// The angle is 1.5 turns per unit radius, plus a third of a turn per arm.
			const expected = 2 * Math.PI * (1.5 * radius + Number(label.slice(6)) / 3);
			const turn = (Math.atan2(x2[i]!, x1[i]!) - expected) / (2 * Math.PI);
			expect(Math.abs(turn - Math.round(turn))).toBeLessThan(1e-9);
		});
	});
});

describe('xor', () => {
	it('is exactly balanced with a quarter of the rows in each quadrant', () => {
		const data = xor.generate({ n_samples: 1000, noise: 0 }, 1);
		const [x1, x2] = [numbers(data, 'x1'), numbers(data, 'x2')];
		expect(countBy(labels(data, 'class'))).toEqual({ class_0: 500, class_1: 500 });
		const quadrants = countBy(Array.from(x1, (x, i) => `${Math.sign(x)}${Math.sign(x2[i]!)}`));
		expect(quadrants).toEqual({ '11': 250, '1-1': 250, '-1-1': 250, '-11': 250 });
	});

	it('labels same-sign quadrants class_0 and mixed-sign ones class_1', () => {
		const data = xor.generate({ n_samples: 400, noise: 0 }, 2);
		const [x1, x2] = [numbers(data, 'x1'), numbers(data, 'x2')];
		labels(data, 'class').forEach((label, i) => {
			expect(Math.abs(x1[i]!)).toBeLessThanOrEqual(1);
			expect(label).toBe(x1[i]! * x2[i]! > 0 ? 'class_0' : 'class_1');
		});
	});

	it('gives no information in either feature alone', () => {
		const data = xor.generate({ n_samples: 20_000, noise: 0.1 }, 3);
		const cls = labels(data, 'class');
		const x1 = numbers(data, 'x1');
		const ofClass = (name: string) => Array.from(x1).filter((_, i) => cls[i] === name);
		expect(Math.abs(mean(ofClass('class_0')) - mean(ofClass('class_1')))).toBeLessThan(0.03);
	});
});
