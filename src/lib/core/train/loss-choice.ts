// Which loss a run trains on, from its task and settings: the task's own (cross-entropy over the softmax of
// the classes, mean squared error for numbers) unless the settings name another that suits the task.
import { NUMBER_SETTINGS } from './settings.ts';
import type { NetworkTask } from './training-data.ts';
import type { LossName, TrainSettings } from './types.ts';

/** A loss with its parameter: Huber's delta (1 where unused). Binary cross-entropy trains independent sigmoid
 * outputs (one per 0/1 target); the batch loss and the fused engine both compute it. */
export interface TrainLoss {
	name: LossName | 'binary-cross-entropy';
	delta: number;
}

/** The task's own loss. */
export function defaultLoss(task: NetworkTask): LossName {
	return task === 'classification' ? 'cross-entropy' : 'mse';
}

/** The loss these settings train `task` on (settings.ts refuses a loss that does not suit the task). */
export function trainLossFor(
	task: NetworkTask,
	settings: Pick<TrainSettings, 'loss' | 'huberDelta'>
): TrainLoss {
	return {
		name: settings.loss ?? defaultLoss(task),
		delta: settings.huberDelta ?? NUMBER_SETTINGS.huberDelta.default
	};
}

/** "adamw (weight decay 0.02), huber loss (delta 0.5)": the optimizer, and the loss where the settings name
 * one, in the words a run's record shows. */
export function optimizerAndLoss(
	settings: Pick<TrainSettings, 'optimizer' | 'weightDecay' | 'loss' | 'huberDelta'>
): string {
	const decay = settings.weightDecay ?? NUMBER_SETTINGS.weightDecay.default;
	const optimizer = settings.optimizer === 'adamw' ? `adamw (weight decay ${decay})` : settings.optimizer;
	if (!settings.loss) return optimizer;
	const delta = settings.huberDelta ?? NUMBER_SETTINGS.huberDelta.default;
	return `${optimizer}, ${settings.loss} loss${settings.loss === 'huber' ? ` (delta ${delta})` : ''}`;
}
