// Dropout whose masks come from a seeded stream: a fresh mask every training step (TF.js' own dropout
// with a fixed seed draws the same mask at every step), and the same masks again for the same seed.
import * as tf from '@tensorflow/tfjs';
import { createRandom } from '../random/seeded-random.ts';
import { tfjsAlea } from '../random/tfjs-alea.ts';
import type { SeededRandom } from '../random/seeded-random.ts';

export interface SeededDropoutArgs {
	rate: number;
	seed: number;
	name?: string;
	inputShape?: number[];
}

export class SeededDropout extends tf.layers.Layer {
	// Saved as a plain Dropout, so exported models load anywhere TF.js runs; at inference it does nothing.
	static className = 'Dropout';
	readonly rate: number;
	readonly seed: number;
	private random: SeededRandom;

	constructor(args: SeededDropoutArgs) {
		super({ name: args.name, inputShape: args.inputShape });
		this.rate = args.rate;
		this.seed = args.seed;
		this.random = createRandom(args.seed);
		this.supportsMasking = true;
	}

	/** Starts the mask stream over, as a freshly built layer would. */
	resetMasks(): void {
		this.random = createRandom(this.seed);
	}

	/** The seed of the next training step's mask, from the layer's stream (the fused engine draws its masks
	 * with it too, so both engines drop the same units at the same step). */
	nextMaskSeed(): number {
		// TF.js treats a seed of 0 as "no seed", so masks are seeded from 1 up.
		return 1 + this.random.int(2 ** 31 - 1);
	}

	override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
		const input = Array.isArray(inputs) ? inputs[0]! : inputs;
		if (kwargs['training'] !== true || this.rate <= 0) return input;
		const maskSeed = this.nextMaskSeed();
		return tf.tidy(() => tf.dropout(input, this.rate, undefined, maskSeed));
	}

	override getConfig(): tf.serialization.ConfigDict {
		return { ...super.getConfig(), rate: this.rate, seed: this.seed };
	}
}

/**
 * The multipliers tf.dropout draws for `seed` (0 for a dropped unit, 1 / (1 − rate) for a kept one): the
 * same numbers, in plain JS. TF.js draws randomUniform's values in JS (Alea, as float32) and then runs
 * add, floor and div in float32; this repeats those roundings. No TF.js op, so no backend: on WebGPU the
 * ops' synchronous read-back lost the device in headless Chromium.
 */
export function dropoutMultipliers(shape: [number, number], rate: number, seed: number): Float32Array {
	const keep = Math.fround(1 - rate);
	const random = tfjsAlea(String(seed));
	const out = new Float32Array(shape[0] * shape[1]);
	for (let i = 0; i < out.length; i++) {
		const kept = Math.floor(Math.fround(Math.fround(random()) + keep));
		out[i] = kept / keep;
	}
	return out;
}
