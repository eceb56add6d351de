// One layout for an optimizer's saved state, whichever engine stepped the batches: TF.js's own (its class
// name, the step count, and its variables in `optimizer.getWeights()` order). The fused dense engine keeps
// the same numbers per layer in WASM memory; these two functions move them between the layouts, so a run
// stepped by the engine continues in TF.js (a GPU backend, a CNN added later) and the other way round.
import { BenchtopError } from '../errors.ts';
import type { DenseOptimizerState } from './fused/dense-engine.ts';
import type { OptimizerState } from './optimizer-state.ts';
import type { TrainSettings } from './types.ts';

type OptimizerSettings = Pick<TrainSettings, 'optimizer' | 'momentum'>;

/** TF.js's class name for the optimizer these settings make (train-loop.ts's createOptimizer). */
export function optimizerClassName(settings: OptimizerSettings): string {
	switch (settings.optimizer) {
		case 'adam':
			return 'Adam';
		case 'adamw':
			return 'AdamW';
		case 'rmsprop':
			return 'RMSProp';
		case 'sgd':
			return settings.momentum > 0 ? 'Momentum' : 'SGD';
	}
}

type Slot = 'M' | 'V';

/** Which engine slots TF.js keeps, in its order (a group per slot, each weight in order), and their names. */
function slotsOf(className: string): { slot: Slot | null; suffix: string }[] {
	switch (className) {
		case 'Adam':
		case 'AdamW':
			return [
				{ slot: 'M', suffix: 'm' },
				{ slot: 'V', suffix: 'v' }
			];
		case 'Momentum':
			return [{ slot: 'M', suffix: 'momentum' }];
		case 'RMSProp':
			// TF.js keeps the mean square, then the last update ("momentum"), which with momentum 0 (the only
			// RMSprop the studio makes) never enters a step: the engine does not keep it.
			return [
				{ slot: 'V', suffix: 'rms' },
				{ slot: null, suffix: 'momentum' }
			];
		default:
			return [];
	}
}

/**
 * The engine's state in TF.js's layout. `weightNames` are the model's trainable weights in order (kernel,
 * bias per layer), used only to name the variables as TF.js would.
 */
export function engineToOptimizerState(
	engine: DenseOptimizerState,
	settings: OptimizerSettings,
	weightNames: readonly string[]
): OptimizerState {
	const name = optimizerClassName(settings);
	const perWeight = engine.layers.flatMap((layer) => [
		{ M: layer.weightM, V: layer.weightV },
		{ M: layer.biasM, V: layer.biasV }
	]);
	const shapes = engine.layers.flatMap((layer) => [
		[layer.weightM.length / layer.biasM.length, layer.biasM.length],
		[layer.biasM.length]
	]);
	const variables = slotsOf(name).flatMap(({ slot, suffix }) =>
		perWeight.map((slots, i) => ({
			name: `${weightNames[i] ?? `weight_${i}`}/${suffix}`,
			shape: shapes[i]!,
			values: slot ? slots[slot].slice() : new Float32Array(slots.M.length)
		}))
	);
	return { name, iterations: engine.step, variables };
}

/**
 * A saved state (from either engine) for the engine of a network of layer widths `sizes`. Refused, with
 * both names, when it is another optimizer's, and when its sizes do not fit the network.
 */
export function optimizerStateToEngine(
	state: OptimizerState,
	settings: OptimizerSettings,
	sizes: readonly number[]
): DenseOptimizerState {
	const name = optimizerClassName(settings);
	if (state.name !== name) {
		throw new BenchtopError(
			'bad-input',
			`The saved optimizer state is ${state.name}'s, but this run uses ${name}: continue with ${state.name} or start its state afresh.`
		);
	}
	const layers = sizes.length - 1;
	const weights = 2 * layers;
	const groups = slotsOf(name);
	if (state.variables.length !== groups.length * weights) {
		throw new BenchtopError(
			'bad-input',
			`The saved optimizer state holds ${state.variables.length} variables, but a ${layers}-layer network with ${name} needs ${groups.length * weights}: it is another network's.`
		);
	}
	const slot = (which: Slot, weight: number, length: number): Float32Array => {
		const group = groups.findIndex((g) => g.slot === which);
		if (group === -1) return new Float32Array(length);
		const values = state.variables[group * weights + weight]!.values;
		if (values.length !== length) {
			throw new BenchtopError(
				'bad-input',
				`The saved optimizer state's variable ${group * weights + weight + 1} holds ${values.length} numbers, the network's weight ${weight + 1} ${length}: it is another network's.`
			);
		}
		return Float32Array.from(values);
	};
	return {
		step: state.iterations,
		layers: Array.from({ length: layers }, (_, l) => {
			const kernel = sizes[l]! * sizes[l + 1]!;
			const width = sizes[l + 1]!;
			return {
				weightM: slot('M', 2 * l, kernel),
				weightV: slot('V', 2 * l, kernel),
				biasM: slot('M', 2 * l + 1, width),
				biasV: slot('V', 2 * l + 1, width)
			};
		})
	};
}
