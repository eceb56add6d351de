import { describe, expect, it } from 'vitest';
import type { DenseOptimizerState } from '../../../../src/lib/core/train/fused/dense-engine.ts';
import {
	engineToOptimizerState,
	optimizerClassName,
	optimizerStateToEngine
} from '../../../../src/lib/core/train/optimizer-layout.ts';

// A 2 → 3 → 1 network: kernels of 6 and 3 numbers, biases of 3 and 1.
const sizes = [2, 3, 1];
const filled = (length: number, start: number) => Float32Array.from({ length }, (_, i) => start + i);
const engine: DenseOptimizerState = {
	step: 12,
	layers: [
		{ weightM: filled(6, 0), weightV: filled(6, 100), biasM: filled(3, 10), biasV: filled(3, 110) },
		{ weightM: filled(3, 20), weightV: filled(3, 120), biasM: filled(1, 30), biasV: filled(1, 130) }
	]
};
const names = ['d1/kernel', 'd1/bias', 'd2/kernel', 'd2/bias'];

describe('optimizer layout', () => {
	it('names the optimizer as TF.js does', () => {
		expect(optimizerClassName({ optimizer: 'sgd', momentum: 0 })).toBe('SGD');
		expect(optimizerClassName({ optimizer: 'sgd', momentum: 0.9 })).toBe('Momentum');
		expect(optimizerClassName({ optimizer: 'rmsprop', momentum: 0 })).toBe('RMSProp');
	});

	it("lays Adam's moments out as TF.js's getWeights does: every first moment, then every second", () => {
		const state = engineToOptimizerState(engine, { optimizer: 'adam', momentum: 0 }, names);
		expect(state.name).toBe('Adam');
		expect(state.iterations).toBe(12);
		expect(state.variables.map((v) => v.name)).toEqual([
			'd1/kernel/m',
			'd1/bias/m',
			'd2/kernel/m',
			'd2/bias/m',
			'd1/kernel/v',
			'd1/bias/v',
			'd2/kernel/v',
			'd2/bias/v'
		]);
		expect(state.variables.map((v) => v.shape)).toEqual([[2, 3], [3], [3, 1], [1], [2, 3], [3], [3, 1], [1]]);
		expect(Array.from(state.variables[5]!.values)).toEqual([110, 111, 112]);
		expect(optimizerStateToEngine(state, { optimizer: 'adam', momentum: 0 }, sizes)).toEqual(engine);
	});

	it("keeps RMSprop's mean square and momentum SGD's velocity", () => {
		const rms = engineToOptimizerState(engine, { optimizer: 'rmsprop', momentum: 0 }, names);
		expect(rms.variables.map((v) => v.name.split('/').at(-1))).toEqual([
			...Array(4).fill('rms'),
			...Array(4).fill('momentum')
		]);
		expect(Array.from(rms.variables[1]!.values)).toEqual([110, 111, 112]);
		const back = optimizerStateToEngine(rms, { optimizer: 'rmsprop', momentum: 0 }, sizes);
		expect(back.layers[0]!.weightV).toEqual(engine.layers[0]!.weightV);
		expect(Array.from(back.layers[0]!.weightM)).toEqual([0, 0, 0, 0, 0, 0]);
		const velocity = engineToOptimizerState(engine, { optimizer: 'sgd', momentum: 0.9 }, names);
		expect(velocity.variables).toHaveLength(4);
		expect(Array.from(velocity.variables[3]!.values)).toEqual([30]);
	});

	it('refuses another optimizer’s state and another network’s, saying which', () => {
		const state = engineToOptimizerState(engine, { optimizer: 'adam', momentum: 0 }, names);
		expect(() => optimizerStateToEngine(state, { optimizer: 'sgd', momentum: 0.9 }, sizes)).toThrow(
			/Adam's, but this run uses Momentum/
		);
		expect(() => optimizerStateToEngine(state, { optimizer: 'adam', momentum: 0 }, [2, 3, 3, 1])).toThrow(
			/holds 8 variables, but a 3-layer network with Adam needs 12/
		);
		expect(() => optimizerStateToEngine(state, { optimizer: 'adam', momentum: 0 }, [2, 4, 1])).toThrow(
			/holds 6 numbers, the network's weight 1 8/
		);
	});
});
