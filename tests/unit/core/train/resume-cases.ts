// The cases the resume tests train through: each optimizer whose state a saved run keeps, and each pair of
// engines a run can be saved from and continued on ('auto' is the fused WASM engine for these networks).
import type { TrainSettingsInput } from '../../../../src/lib/core/train/settings.ts';

export type Engine = 'auto' | 'tfjs';

export const OPTIMIZERS: [string, TrainSettingsInput][] = [
	['Adam', { optimizer: 'adam', learningRate: 0.01 }],
	['AdamW', { optimizer: 'adamw', weightDecay: 0.05, learningRate: 0.01 }],
	['SGD with momentum', { optimizer: 'sgd', momentum: 0.9, learningRate: 0.05 }],
	['RMSprop', { optimizer: 'rmsprop', learningRate: 0.005 }]
];

export const ENGINE_PAIRS: [Engine, Engine][] = [
	['tfjs', 'tfjs'],
	['auto', 'auto'],
	['auto', 'tfjs'],
	['tfjs', 'auto']
];
