// The MLP family: dense hidden layers between the features and the output, for patterns a straight line
// misses (interactions, thresholds, curves) in ordinary tables.
import { BenchtopError } from '../../errors.ts';
import { taskReason } from '../family-definition.ts';
import type { LayersArtifact } from '../artifact.ts';
import type { ModelEngine } from '../engine.ts';
import { networkEngine } from '../network/engine.ts';
import type { LayerSpec, NetworkSpec } from '../types.ts';

const TASKS = ['classification', 'regression', 'multi-output'] as const;

/**
 * Two hidden layers, 64 then 32 ReLU units: enough to bend around iris', wine's, penguins' and diabetes'
 * patterns in a few dozen epochs, few enough weights (a few thousand) not to memorise a few hundred rows.
 * A light dropout (0.1) between them is a cheap guard against overfitting small tables without slowing the
 * fit much. ReLU trains fastest with Adam and does not saturate the way tanh and sigmoid do.
 * Measured (standardized features, Adam 0.01, batch 32, 60 epochs, weights of the best validation epoch,
 * 25% held out): iris 0.97, wine 0.98, penguins 0.98 accuracy, diabetes R² 0.42.
 */
export const MLP_DEFAULT_LAYERS: LayerSpec[] = [
	{ type: 'dense', units: 64, activation: 'relu' },
	{ type: 'dropout', rate: 0.1 },
	{ type: 'dense', units: 32, activation: 'relu' }
];

export const mlpFamily: ModelEngine<NetworkSpec, LayersArtifact> = networkEngine(
	{
		family: 'mlp',
		label: 'Neural network (MLP)',
		summary:
			'Layers of units that each mix all the features and pass the result on, so it can learn curves and interactions a linear model cannot. Needs scaled features and more rows; watch the validation curve for overfitting.',
		tasks: TASKS,
		unsuitable: (task) => taskReason('An MLP', TASKS, task),
		defaultSpec(task) {
			const reason = taskReason('An MLP', TASKS, task);
			if (reason) throw new BenchtopError('bad-input', reason);
			return {
				family: 'mlp',
				task: task as NetworkSpec['task'],
				layers: structuredClone(MLP_DEFAULT_LAYERS)
			};
		}
	},
	{ layers: 'flat' }
);
