// The one random source for all of Benchtop: synthetic data, splits, augmentation, weight init. Always
// seeded, so a run can be repeated to the bit; never reach for Math.random in core code.
import { BenchtopError } from '../errors.ts';

export interface SeededRandom {
	/** Uniform in [0, 1), 32 bits of resolution. */
	next(): number;
	/** Uniform 32-bit unsigned integer. */
	uint32(): number;
	/** Uniform in [min, max). */
	uniform(min: number, max: number): number;
	/** Gaussian, by Box–Muller; the second value of each pair is kept for the next call. */
	normal(mean?: number, std?: number): number;
	/** Uniform integer in [0, maxExclusive), without modulo bias. */
	int(maxExclusive: number): number;
	/** Fisher–Yates, in place; returns the same array. */
	shuffle<A extends MutableArrayLike>(array: A): A;
}

export interface MutableArrayLike {
	readonly length: number;
	[index: number]: unknown;
}

const TWO_32 = 2 ** 32;

/** splitmix32: spreads a seed over the state, so nearby seeds give unrelated streams. */
function splitmix32(state: number): [value: number, next: number] {
	const next = (state + 0x9e3779b9) | 0;
	let z = next;
	z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
	z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
	return [(z ^ (z >>> 16)) >>> 0, next];
}

export function createRandom(seed: number): SeededRandom {
	if (!Number.isSafeInteger(seed)) {
		throw new BenchtopError('bad-input', `A seed must be a whole number (got ${seed}).`);
	}
	// Both halves of the seed count, so 1 and 2**32 + 1 are different seeds.
	let mix = (seed >>> 0) ^ Math.imul(Math.floor(seed / TWO_32) >>> 0, 0x27d4eb2d);
	const state = new Array<number>(3);
	for (let i = 0; i < 3; i++) [state[i], mix] = splitmix32(mix);
	let [a, b, c] = state as [number, number, number];
	let counter = 1;

	// sfc32: small, fast, passes PractRand, and its 128-bit state leaves mulberry32's 2^32 period behind.
	function uint32(): number {
		const t = (((a + b) | 0) + counter) | 0;
		counter = (counter + 1) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		c = (c + t) | 0;
		return t >>> 0;
	}
	for (let i = 0; i < 12; i++) uint32();

	const next = (): number => uint32() / TWO_32;
	let spare: number | null = null;

	function int(maxExclusive: number): number {
		if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > TWO_32) {
			throw new BenchtopError(
				'bad-input',
				`int() needs a whole number from 1 to 2^32 (got ${maxExclusive}).`
			);
		}
		// Draws at or above the last whole multiple of the range would favour small values: redraw them.
		const limit = TWO_32 - (TWO_32 % maxExclusive);
		let value = uint32();
		while (value >= limit) value = uint32();
		return value % maxExclusive;
	}

	return {
		next,
		uint32,
		uniform: (min, max) => min + (max - min) * next(),
		normal(mean = 0, std = 1) {
			if (spare !== null) {
				const z = spare;
				spare = null;
				return mean + std * z;
			}
			// 1 - next() is in (0, 1], so the logarithm is finite.
			const radius = Math.sqrt(-2 * Math.log(1 - next()));
			const angle = 2 * Math.PI * next();
			spare = radius * Math.sin(angle);
			return mean + std * radius * Math.cos(angle);
		},
		int,
		shuffle<A extends MutableArrayLike>(array: A): A {
			for (let i = array.length - 1; i > 0; i--) {
				const j = int(i + 1);
				const held = array[i];
				array[i] = array[j];
				array[j] = held;
			}
			return array;
		}
	};
}
