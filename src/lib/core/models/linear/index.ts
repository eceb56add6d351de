// The linear family: features straight to the output, no hidden layers. Logistic (softmax) regression for
// classes, linear regression for numbers: the baseline every other model should beat.
import { BenchtopError } from '../../errors.ts';
import { taskReason } from '../family-definition.ts';
import type { LayersArtifact } from '../artifact.ts';
import type { ModelEngine } from '../engine.ts';
import { networkEngine } from '../network/engine.ts';
import type { NetworkSpec } from '../types.ts';

const TASKS = ['classification', 'regression', 'multi-output'] as const;

export const linearFamily: ModelEngine<NetworkSpec, LayersArtifact> = networkEngine(
	{
		family: 'linear',
		label: 'Linear model',
		summary:
			'Weighs each feature and adds them up: logistic regression for classes, linear regression for numbers. Fast, hard to overfit, easy to explain — start here, then see whether anything beats it.',
		tasks: TASKS,
		unsuitable: (task) => taskReason('A linear model', TASKS, task),
		defaultSpec(task) {
			const reason = taskReason('A linear model', TASKS, task);
			if (reason) throw new BenchtopError('bad-input', reason);
			// No layers: the output layer (softmax or linear, from the task) is the whole model.
			return { family: 'linear', task: task as NetworkSpec['task'], layers: [] };
		}
	},
	{ layers: 'none' }
);
