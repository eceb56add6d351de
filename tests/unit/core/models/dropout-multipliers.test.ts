// The fused engine's dropout masks, drawn in plain JS (no backend), are bit for bit the multipliers
// tf.dropout draws on the CPU backend for the same seed and rate.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dropoutMultipliers } from '../../../../src/lib/core/models/seeded-dropout.ts';
import { tfjsAlea } from '../../../../src/lib/core/random/tfjs-alea.ts';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

function tfjsMultipliers(shape: [number, number], rate: number, seed: number): Float32Array {
	const keep = 1 - rate;
	return tf.tidy(
		() =>
			tf
				.div(tf.floor(tf.add(tf.randomUniform(shape, 0, 1, 'float32', seed), keep)), keep)
				.dataSync() as Float32Array
	);
}

describe('tfjsAlea', () => {
	it('draws the numbers tf.randomUniform draws for the same seed (as float32)', () => {
		for (const seed of [1, 42, 2 ** 31 - 1]) {
			const random = tfjsAlea(String(seed));
			const ours = Float32Array.from({ length: 500 }, () => random());
			const theirs = tf.tidy(() => tf.randomUniform([500], 0, 1, 'float32', seed).dataSync());
			expect(Array.from(ours)).toEqual(Array.from(theirs));
		}
	});
});

describe('dropoutMultipliers', () => {
	it('matches tf.dropout’s multipliers exactly for several rates and seeds', () => {
		for (const rate of [0.1, 0.2, 0.25, 0.3, 0.5, 0.9]) {
			for (const seed of [1, 7, 123456789]) {
				const ours = dropoutMultipliers([64, 33], rate, seed);
				const theirs = tfjsMultipliers([64, 33], rate, seed);
				expect(Array.from(ours)).toEqual(Array.from(theirs));
				const dropped = ours.filter((v) => v === 0).length / ours.length;
				expect(Math.abs(dropped - rate)).toBeLessThan(0.06);
			}
		}
	});
});
