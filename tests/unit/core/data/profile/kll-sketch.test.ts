import { describe, expect, it } from 'vitest';
import { KllSketch, rankErrorBound } from '../../../../../src/lib/core/data/profile/kll-sketch.ts';
import { quantileSorted } from '../../../../../src/lib/core/data/profile/quantiles.ts';

/** Seeded data of three shapes: uniform, heavy-tailed (lognormal-ish) and few distinct values. */
function data(n: number, seed: number, shape: 'uniform' | 'skewed' | 'ties'): Float64Array {
	let s = seed >>> 0 || 1;
	const random = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
	return Float64Array.from({ length: n }, () => {
		const u = random();
		if (shape === 'uniform') return u * 1000 - 300;
		if (shape === 'skewed') return Math.exp(4 * (u + random() + random() - 1.5));
		return Math.floor(u * 7);
	});
}

const PS = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];

/** The largest distance, in rank (as a fraction of n), between each estimate and the exact quantile's rank. */
function worstRankError(sketch: KllSketch, sorted: Float64Array): number {
	const n = sorted.length;
	let worst = 0;
	sketch.quantiles(PS).forEach((q, i) => {
		// The ranks the estimate could stand at: all the places it occupies in the sorted data.
		let lo = 0;
		let hi = n;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (sorted[mid]! < q) lo = mid + 1;
			else hi = mid;
		}
		const first = lo;
		hi = n;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (sorted[mid]! <= q) lo = mid + 1;
			else hi = mid;
		}
		const last = Math.max(first, lo - 1);
		const wanted = PS[i]! * (n - 1);
		const error = wanted < first ? first - wanted : wanted > last ? wanted - last : 0;
		worst = Math.max(worst, error / n);
	});
	return worst;
}

describe('KllSketch', () => {
	it('keeps every quantile within its stated rank error of the exact one, on seeded data of three shapes', () => {
		for (const k of [200, 1024]) {
			for (const shape of ['uniform', 'skewed', 'ties'] as const) {
				for (const seed of [1, 2, 3]) {
					const values = data(100_000, seed * 7919, shape);
					const sketch = new KllSketch(k, seed);
					sketch.addAll(values);
					const sorted = values.slice().sort();
					expect(worstRankError(sketch, sorted)).toBeLessThanOrEqual(rankErrorBound(k));
					expect(sketch.count).toBe(values.length);
					expect(sketch.min).toBe(sorted[0]);
					expect(sketch.max).toBe(sorted.at(-1));
				}
			}
		}
	}, 30_000);

	it('keeps its rank error on adversarial orders and values, read whole or merged from parts', () => {
		// Sorted and reversed input, runs, interleavings and heavy ties defeat naive samplers; NaN is missing.
		const n = 120_000;
		const orders: Record<string, (i: number) => number> = {
			sorted: (i) => i,
			reversed: (i) => n - i,
			'all equal': () => 5,
			'three values': (i) => i % 3,
			sawtooth: (i) => i % 1000,
			'organ pipe': (i) => (i < n / 2 ? i : n - i),
			'high-low': (i) => (i % 2 ? i : n - i),
			'sorted runs of ties': (i) => Math.floor(i / 37),
			'-0 and 0': (i) => (i % 2 ? -0 : 0),
			'half missing': (i) => (i % 2 ? NaN : i)
		};
		for (const k of [64, 1024]) {
			for (const [name, order] of Object.entries(orders)) {
				const values = Float64Array.from({ length: n }, (_, i) => order(i));
				const sorted = values.filter((x) => x === x).sort();
				const whole = new KllSketch(k, 1);
				whole.addAll(values);
				const merged = new KllSketch(k, 1);
				for (let p = 0; p < 7; p++) {
					const part = new KllSketch(k, p + 2);
					part.addAll(values.subarray(Math.floor((p * n) / 7), Math.floor(((p + 1) * n) / 7)));
					merged.merge(part);
				}
				for (const sketch of [whole, merged]) {
					expect(worstRankError(sketch, sorted), `${name}, k ${k}`).toBeLessThanOrEqual(rankErrorBound(k));
					expect(sketch.count).toBe(sorted.length);
					// Compared with === : -0 and 0 are the same minimum.
					expect(sketch.min === sorted[0] && sketch.max === sorted.at(-1), name).toBe(true);
				}
			}
		}
	}, 60_000);

	it('is close to the exact value too, not only in rank, on smooth data', () => {
		const values = data(200_000, 11, 'uniform');
		const sketch = new KllSketch();
		sketch.addAll(values);
		const sorted = values.slice().sort();
		for (const p of PS) {
			// Uniform over a range of 1000: rank error ε moves the value by at most about 1000·ε.
			expect(Math.abs(sketch.quantile(p) - quantileSorted(sorted, p))).toBeLessThan(
				1000 * rankErrorBound(sketch.k) + 1e-9
			);
		}
	});

	it('stays small: memory grows with log(n), not n', () => {
		const sketch = new KllSketch(200, 1);
		sketch.addAll(data(1_000_000, 5, 'uniform'));
		expect(sketch.retained).toBeLessThan(200 * 4);
	});

	it('is exact while it has seen fewer values than it can keep', () => {
		const values = data(500, 3, 'skewed');
		const sketch = new KllSketch(1024, 9);
		sketch.addAll(values);
		const sorted = values.slice().sort();
		for (const p of PS) {
			const lo = sorted[Math.floor(p * (sorted.length - 1))]!;
			const hi = sorted[Math.ceil(p * (sorted.length - 1))]!;
			const q = sketch.quantile(p);
			expect(q >= lo && q <= hi).toBe(true);
		}
	});

	it('merges two sketches into one about as good as a sketch over the union', () => {
		const a = data(150_000, 21, 'skewed');
		const b = data(250_000, 22, 'uniform');
		const left = new KllSketch(512, 1);
		const right = new KllSketch(512, 2);
		left.addAll(a);
		right.addAll(b);
		left.merge(right);
		const union = new Float64Array(a.length + b.length);
		union.set(a);
		union.set(b, a.length);
		const whole = new KllSketch(512, 1);
		whole.addAll(union);
		const sorted = union.slice().sort();
		expect(left.count).toBe(union.length);
		expect(left.min).toBe(sorted[0]);
		expect(left.max).toBe(sorted.at(-1));
		expect(worstRankError(left, sorted)).toBeLessThanOrEqual(rankErrorBound(512));
		expect(worstRankError(whole, sorted)).toBeLessThanOrEqual(rankErrorBound(512));
		// The right sketch is not changed by being merged in.
		expect(right.count).toBe(b.length);
	});

	it('is deterministic for a seed, and crosses a worker boundary as plain state', () => {
		const values = data(100_000, 4, 'skewed');
		const run = (seed: number) => {
			const sketch = new KllSketch(256, seed);
			sketch.addAll(values);
			return sketch;
		};
		expect(run(5).quantiles(PS)).toEqual(run(5).quantiles(PS));
		const original = run(5);
		const state = structuredClone(original.state());
		const copy = KllSketch.from(state);
		expect(copy.quantiles(PS)).toEqual(original.quantiles(PS));
		// Going on from the copy is going on from the original.
		const more = data(50_000, 6, 'uniform');
		copy.addAll(more);
		original.addAll(more);
		expect(copy.quantiles(PS)).toEqual(original.quantiles(PS));
	});

	it('leaves out missing values, answers NaN when empty and refuses bad arguments', () => {
		const sketch = new KllSketch(64);
		expect(sketch.quantile(0.5)).toBeNaN();
		sketch.addAll([NaN, 3, NaN, 1, 2]);
		expect(sketch.count).toBe(3);
		expect(sketch.quantiles([0, 0.5, 1])).toEqual([1, 2, 3]);
		expect(() => sketch.quantile(1.5)).toThrow(/between 0 and 1/);
		expect(() => new KllSketch(4)).toThrow(/at least 8/);
		expect(() => sketch.merge(new KllSketch(128))).toThrow(/same k/);
	});
});
