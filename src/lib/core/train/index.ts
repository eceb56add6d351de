// Training networks: settings, the prepared table as arrays, the loop and its control handle.
export * from './types.ts';
export {
	checkBeforeTraining,
	DEFAULT_LEARNING_RATES,
	DEFAULT_TRAIN_SETTINGS,
	findTrainingProblems,
	parseTrainSettings,
	trainSettingsSchema,
	type TrainingSetup,
	type TrainSettingsInput
} from './settings.ts';
export {
	toTrainingArrays,
	type NetworkTask,
	type TrainingArrays,
	type TrainingShape
} from './training-data.ts';
export { trainNetwork, type TrainNetworkOptions } from './train-loop.ts';
export { TrainControl, type TrainControlState } from './train-control.ts';
export { balancedClassWeights } from './batch-loss.ts';
export { yieldToEventLoop } from './yield-to-event-loop.ts';
export { readWeights, type ResumeOrigin, type TrainCheckpoint } from './train-checkpoint.ts';
