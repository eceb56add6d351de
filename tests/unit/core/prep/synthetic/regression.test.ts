import { describe, expect, it } from 'vitest';
import { findSyntheticGenerator } from '../../../../../src/lib/core/prep/synthetic/index.ts';
import { mean, numbers, std } from './read-columns.ts';

const linear = findSyntheticGenerator('linear');
const friedman1 = findSyntheticGenerator('friedman1');

/** Ordinary least squares with an intercept, by the normal equations: [intercept, ...weights]. */
function leastSquares(features: Float64Array[], y: Float64Array): number[] {
	const design = [new Float64Array(y.length).fill(1), ...features];
	const size = design.length;
	const a = design.map((row) => [...design.map((col) => dot(row, col)), dot(row, y)]);
	for (let pivot = 0; pivot < size; pivot++) {
		let best = pivot;
		for (let r = pivot + 1; r < size; r++) if (Math.abs(a[r]![pivot]!) > Math.abs(a[best]![pivot]!)) best = r;
		[a[pivot], a[best]] = [a[best]!, a[pivot]!];
		for (let r = 0; r < size; r++) {
			if (r === pivot) continue;
			const factor = a[r]![pivot]! / a[pivot]![pivot]!;
			for (let c = pivot; c <= size; c++) a[r]![c]! -= factor * a[pivot]![c]!;
		}
	}
	return a.map((row, i) => row[size]! / row[i]!);
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
	let sum = 0;
	for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
	return sum;
}

describe('linear', () => {
	const params = { n_samples: 300, n_features: 6, n_informative: 3, noise: 0, bias: 12.5 };
	const data = linear.generate(params, 7);
	const features = Array.from({ length: 6 }, (_, j) => numbers(data, `x${j + 1}`));

	it('has the features and a number target y', () => {
		expect(data.schema.map((c) => c.name)).toEqual(['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'y']);
		expect(data.schema.at(-1)).toEqual({ name: 'y', type: 'number' });
		expect(data.target).toBe('y');
		expect(numbers(data, 'y')).toHaveLength(300);
	});

	it('reports as many non-zero weights as informative features, each below 100', () => {
		const coefficients = data.truth.coefficients!;
		expect(coefficients).toHaveLength(6);
		expect(coefficients.filter((w) => w !== 0)).toHaveLength(3);
		for (const w of coefficients) expect(w >= 0 && w < 100).toBe(true);
		expect(data.truth.bias).toBe(12.5);
	});

	it('is recovered exactly by least squares when there is no noise', () => {
		const [intercept, ...weights] = leastSquares(features, numbers(data, 'y'));
		expect(intercept).toBeCloseTo(12.5, 6);
		weights.forEach((w, j) => expect(w).toBeCloseTo(data.truth.coefficients![j]!, 6));
	});

	it('draws standard normal features', () => {
		const big = linear.generate({ n_samples: 20_000, n_features: 2, n_informative: 1 }, 8);
		expect(Math.abs(mean(numbers(big, 'x1')))).toBeLessThan(0.05);
		expect(std(numbers(big, 'x2'))).toBeCloseTo(1, 1);
	});

	it('adds noise of the asked-for size to the target', () => {
		const noisy = linear.generate({ ...params, n_samples: 5000, noise: 20 }, 9);
		const clean = linear.generate({ ...params, n_samples: 5000, noise: 0 }, 9);
		const residual = numbers(noisy, 'y').map((v, i) => v - numbers(clean, 'y')[i]!);
		expect(Math.abs(std(residual) - 20)).toBeLessThan(1);
	});

	it('can make a target of pure noise', () => {
		const none = linear.generate({ n_informative: 0, bias: 3, noise: 0 }, 1);
		expect(Array.from(numbers(none, 'y')).every((v) => v === 3)).toBe(true);
	});
});

describe('friedman1', () => {
	it('has ten features in [0, 1) and a target y', () => {
		const data = friedman1.generate({ n_samples: 200 }, 1);
		expect(data.schema.map((c) => c.name)).toEqual([
			...Array.from({ length: 10 }, (_, j) => `x${j + 1}`),
			'y'
		]);
		for (let j = 1; j <= 10; j++) {
			const values = Array.from(numbers(data, `x${j}`));
			expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
		}
	});

	it('computes y from the first five features only', () => {
		const data = friedman1.generate({ n_samples: 100, noise: 0 }, 2);
		const x = (j: number, i: number) => numbers(data, `x${j}`)[i]!;
		numbers(data, 'y').forEach((y, i) => {
			const expected =
				10 * Math.sin(Math.PI * x(1, i) * x(2, i)) + 20 * (x(3, i) - 0.5) ** 2 + 10 * x(4, i) + 5 * x(5, i);
			expect(y).toBeCloseTo(expected, 12);
		});
	});

	it('has the known mean of the noiseless target, about 14.41', () => {
		// E[10 sin(π x1 x2)] = 10 Cin(π) / π ≈ 5.247; E[20 (x3 − ½)²] = 5/3; E[10 x4 + 5 x5] = 7.5.
		const expected = 5.2466 + 5 / 3 + 7.5;
		const data = friedman1.generate({ n_samples: 100_000, noise: 0 }, 3);
		// The target's spread is about 5, so the standard error here is about 0.016.
		expect(Math.abs(mean(numbers(data, 'y')) - expected)).toBeLessThan(0.08);
	});

	it('adds noise of the asked-for size', () => {
		const clean = friedman1.generate({ n_samples: 5000, noise: 0 }, 4);
		const noisy = friedman1.generate({ n_samples: 5000, noise: 2 }, 4);
		const residual = numbers(noisy, 'y').map((v, i) => v - numbers(clean, 'y')[i]!);
		expect(Math.abs(std(residual) - 2)).toBeLessThan(0.1);
	});
});
