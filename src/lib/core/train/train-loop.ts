// The training loop: seeded shuffles, one optimizer step per batch, the epoch's figures, early stopping and
// the best checkpoint. Written by hand rather than model.fit so that pause, resume and stop act between
// batches, the loss is read without blocking a GPU, and a NaN stops the run with the last good weights.
import * as tf from '@tensorflow/tfjs';
import { BenchtopError } from '../errors.ts';
import { createRandom } from '../random/seeded-random.ts';
import { balancedClassWeights } from './batch-loss.ts';
import { EpochSums, evaluateModel, totalSumsOfSquares, type DeviceArrays } from './epoch-metrics.ts';
import { holdOut } from './hold-out.ts';
import { checkBeforeTraining } from './settings.ts';
import type { TrainControl } from './train-control.ts';
import type { NetworkTask, TrainingArrays } from './training-data.ts';
import type {
	EarlyStopping,
	EpochRecord,
	StopReason,
	TrainProgress,
	TrainResult,
	TrainSettings
} from './types.ts';
import { makeTrainStep } from './train-step.ts';
import { createOptimizer } from './create-optimizer.ts';
import { trainLossFor } from './loss-choice.ts';
import { DenseStepper, denseSpecFor } from './fused/dense-stepper.ts';
import type { BackendPath, EngineRecord } from './fused/path-choice.ts';
import { chooseByTrial } from './fused/engine-trials.ts';
import { WeightCheckpoint } from './weight-checkpoint.ts';
import { readWeights, weightTensors, type TrainCheckpoint } from './train-checkpoint.ts';
import { applyOptimizerState, readOptimizerState, type OptimizerState } from './optimizer-state.ts';
import { SeededDropout } from '../models/seeded-dropout.ts';
import { yieldToEventLoop } from './yield-to-event-loop.ts';

export interface TrainNetworkOptions {
	/** A classifier's last layer must give probabilities (softmax), one per class, in `data.classes` order. */
	model: tf.LayersModel;
	task: NetworkTask;
	data: TrainingArrays;
	/** Rows to watch for overfitting; when absent, settings.validationFraction of `data` is held back. */
	validation?: TrainingArrays;
	settings: TrainSettings;
	/** Called after every batch (the caller throttles); the last batch of an epoch carries `epochEnd`. */
	onProgress?: (progress: TrainProgress) => void;
	control?: TrainControl;
	/** The target column, named in messages. */
	target?: string;
	/** Go on from a checkpoint of this same run (same data, spec and settings) rather than from epoch 1. */
	resumeFrom?: TrainCheckpoint;
	/** Receives the run's progress as plain arrays after epochs (each improvement, else at most once a second). */
	onCheckpoint?: (checkpoint: TrainCheckpoint) => void;
	/** Least time between two checkpoints that hold no new best epoch; default CHECKPOINT_INTERVAL_MS. */
	checkpointIntervalMs?: number;
	/** Score a classifier's validation rows by macro F1 too, each epoch (`valScores`). */
	validationScores?: boolean;
	/** Weights solved in closed form on the training rows (ridge.ts): the loop then only scores them, as
	 * one epoch, on the same rows and held-back validation rows a trained model would see, and keeps a
	 * solution on all of `data` (held-back rows included). */
	solve?: (train: TrainingArrays) => Float32Array[];
	/** Said about a solved run in place of the stop message. */
	solvedMessage?: string;
	/** Extra rows predicted after some epochs and at the end (the live decision boundary's grid). */
	probe?: TrainProbe;
	/** 'auto' (the default): where the fused WASM dense engine computes this network exactly, a few batches
	 * of it and of TF.js ops on the current backend are timed and the faster steps the run; 'tfjs': TF.js
	 * ops always; 'dense-wasm': the engine wherever it can, untimed. */
	engine?: 'auto' | 'tfjs' | 'dense-wasm';
	/** The backend runs on a software GPU adapter (asked for by name): the chooser never prefers its TF.js path. */
	backendSoftware?: boolean;
	/** The TF.js backends the worker found: the chooser times TF.js on those its plan names (path-choice.ts)
	 * beside the engine, and may move the model to the fastest; absent: TF.js on the current backend only. */
	backends?: readonly BackendPath[];
	/** The engine choice, before the first batch: a chooser that moved the model to another backend says so
	 * here, while the run is live (the record says it only at the end). */
	onEngine?: (engine: EngineRecord) => void;
}

/** Whether the fused engine can step this run, before any batch: its spec, or why not (TF.js then does). */
function engineCandidate(options: TrainNetworkOptions, classWeighted: boolean) {
	if (options.engine === 'tfjs') return { name: 'tfjs' as const, reason: 'TF.js was asked for' };
	const loss = trainLossFor(options.task, options.settings);
	const spec = denseSpecFor(options.model, options.task, classWeighted, loss);
	if (typeof spec === 'string') return { name: 'tfjs' as const, reason: spec };
	return { name: 'dense-wasm' as const, reason: 'the fused engine was asked for', spec };
}

/** Rows the loop predicts as it trains, without touching the run: no random draw, no weight change. */
export interface TrainProbe {
	/** n × featureCount, row-major, already through the recipe. */
	x: Float32Array;
	n: number;
	/** Epochs between two predictions (the first epoch and the kept weights at the end are always sent). */
	every: number;
	/** The model's raw outputs, n × outputs; `epoch` is the epoch whose weights gave them. */
	onOutputs: (epoch: number, outputs: Float32Array) => void;
}

/** Least time between two checkpoints that hold no new best epoch: reading weights back costs a GPU sync. */
const CHECKPOINT_INTERVAL_MS = 1000;

type Monitor = EarlyStopping['monitor'];

/** Puts an epoch's validation figures on its record (evaluateModel's, scores only when asked for). */
function recordValidation(record: EpochRecord, checked: Awaited<ReturnType<typeof evaluateModel>>): void {
	record.valLoss = checked.loss;
	if (checked.metric !== undefined) record.valMetric = checked.metric;
	if (checked.scores) record.valScores = checked.scores;
}

/**
 * Trains `model` in place and says how the run went. Every tensor the run makes is disposed before it
 * returns, the optimizer's state included: afterwards tf.memory().numTensors is what it was before the
 * call. The model's own weights stay, holding the epoch `bestEpoch` names; the caller disposes the model.
 */
export async function trainNetwork(options: TrainNetworkOptions): Promise<TrainResult> {
	const { model, task, settings, control } = options;
	checkArrays(model, options.data, options.validation, options.target);
	checkBeforeTraining({
		settings,
		rows: options.data.n,
		task,
		target: options.target,
		k: task === 'classification' ? classesPresent(options.data) : undefined
	});

	const random = createRandom(settings.seed);
	const { train, validation } = options.validation
		? { train: options.data, validation: options.validation.n > 0 ? options.validation : undefined }
		: holdOut(options.data, settings.validationFraction, random);
	const monitor: Monitor =
		validation || !settings.earlyStopping.monitor.startsWith('val_')
			? settings.earlyStopping.monitor
			: 'loss';
	const trainSquares = totalSumsOfSquares(task, train);
	const validationSquares = validation ? totalSumsOfSquares(task, validation) : new Float64Array(0);
	const n = train.n;
	const batchSize = Math.min(settings.batchSize, n);
	const batches = Math.ceil(n / batchSize);

	const inputShape = modelInputShape(model, train.featureCount);
	const classWeighted = task === 'classification' && settings.classWeights === 'balanced';
	const candidate = engineCandidate(options, classWeighted);
	// The choice comes first: measured (a few batches of each path, on copies) unless asked for or moot. It
	// may move the model to the TF.js backend that measured fastest, so the rows, the optimizer and
	// everything else the run makes are made after it, there.
	const engine: EngineRecord =
		candidate.spec && options.engine !== 'dense-wasm' && !options.solve
			? await chooseByTrial({
					model,
					task,
					spec: candidate.spec,
					train,
					settings,
					batchSize,
					createOptimizer: () => createOptimizer(settings),
					disposeOptimizer,
					backendSoftware: options.backendSoftware === true,
					...(options.backends ? { backends: options.backends } : {})
				})
			: { name: candidate.name, reason: candidate.reason };
	options.onEngine?.(engine);
	const trainDevice = upload(train, inputShape);
	const validationDevice = validation ? upload(validation, inputShape) : undefined;
	const weights = classWeighted ? sampleWeights(train) : undefined;
	const optimizer = createOptimizer(settings);
	const trainLoss = trainLossFor(task, settings);
	const scoreValidation = (device: DeviceArrays) =>
		evaluateModel(model, task, device, validationSquares, trainLoss, options.validationScores);
	const engineChoice = { spec: engine.name === 'dense-wasm' ? candidate.spec : undefined };
	// The TF.js step, only where TF.js steps the batches.
	const step =
		engine.name === 'tfjs'
			? makeTrainStep({ model, task, optimizer, data: trainDevice, weights, loss: trainLoss })
			: undefined;
	let stepper: DenseStepper | undefined;
	const start = new WeightCheckpoint();
	const best = new WeightCheckpoint();
	const clock = new ActiveClock();
	// The optimizer's state goes with the weights it belongs to: checkpoints, the best epoch, the result.
	const readState = async (): Promise<OptimizerState> =>
		stepper ? stepper.readOptimizerState(settings) : readOptimizerState(optimizer);
	const keepBestState = settings.earlyStopping.enabled && settings.earlyStopping.restoreBest;
	let bestState: OptimizerState | undefined;

	const probe = options.probe;
	let probeX: tf.Tensor | undefined;
	const sendProbe = async (epoch: number) => {
		if (!probe) return;
		probeX ??= tf.tensor(probe.x, [probe.n, ...inputShape], 'float32');
		const out = model.predict(probeX) as tf.Tensor;
		try {
			probe.onOutputs(epoch, Float32Array.from((await out.data()) as Float32Array));
		} finally {
			out.dispose();
		}
	};

	const history: EpochRecord[] = [];
	let stopReason: StopReason = 'completed';
	let message: string | undefined;
	let bestValue: number | undefined;
	let epochsWithoutGain = 0;
	let samplesDone = 0;
	const order = Int32Array.from({ length: n }, (_, i) => i);
	let firstEpoch = 1;
	let bestWeights: Float32Array[] | undefined;
	let lastCheckpointAt = -Infinity;
	const resume = options.resumeFrom;
	const checkpointInterval = options.checkpointIntervalMs ?? CHECKPOINT_INTERVAL_MS;
	if (resume) {
		const held = weightTensors(model, resume.weights);
		model.setWeights(held);
		tf.dispose(held);
		// The shuffles the finished epochs used, replayed: the continued run sees the batches an unbroken one would.
		for (let e = 1; e <= resume.epoch; e++) random.shuffle(order);
		// And the dropout masks they drew (one per layer per step), so the next step drops what it would have.
		skipDropoutMasks(model, resume.epoch * batches);
		let bestEpochSoFar = 0;
		for (const record of resume.history) {
			history.push(record);
			const value = monitored(record, monitor);
			if (value !== undefined && improves(value, bestValue, monitor)) {
				bestValue = value;
				bestEpochSoFar = record.epoch;
				epochsWithoutGain = 0;
			} else {
				epochsWithoutGain++;
			}
		}
		if (resume.best) {
			best.hold(weightTensors(model, resume.best.weights), resume.best.epoch);
			bestWeights = resume.best.weights;
			bestState = resume.best.optimizer;
		} else if (bestEpochSoFar === resume.epoch) {
			// A checkpoint leaves `best` out when its own weights are the best ones.
			best.take(model, resume.epoch);
			bestWeights = resume.weights;
			bestState = resume.optimizer;
		}
		firstEpoch = resume.epoch + 1;
	}
	const totalSamples = (settings.epochs - firstEpoch + 1) * n;

	// Which weights the model ends with; returns their epoch.
	const restoreAtEnd = (): number => {
		// The model holds the weights the engine trained last, whichever are kept below.
		stepper?.syncModel();
		if (stopReason === 'diverged') {
			// The last good weights: the best epoch's, or those the run started from.
			const back = best.isSet ? best : start;
			back.restore(model);
			return back.epoch;
		}
		if (settings.earlyStopping.enabled && settings.earlyStopping.restoreBest && best.isSet) {
			best.restore(model);
			return best.epoch;
		}
		return history.length;
	};

	try {
		if (options.solve && !resume) {
			const solved = weightTensors(model, options.solve(train));
			model.setWeights(solved);
			tf.dispose(solved);
			const fit = await evaluateModel(model, task, trainDevice, trainSquares, trainLoss);
			const record: EpochRecord = { epoch: 1, loss: fit.loss };
			if (fit.metric !== undefined) record.metric = fit.metric;
			if (validationDevice) recordValidation(record, await scoreValidation(validationDevice));
			history.push(record);
			await sendProbe(1);
			if (!options.validation && validation) {
				// The held-back rows only scored the solution; with no epochs to choose, the kept weights are
				// solved again on every training row, as scikit-learn refits after choosing a model.
				const refit = weightTensors(model, options.solve(options.data));
				model.setWeights(refit);
				tf.dispose(refit);
			}
			const elapsedMs = clock.elapsedMs();
			options.onProgress?.({
				epoch: 1,
				epochs: 1,
				batch: 1,
				batches: 1,
				loss: fit.loss,
				epochEnd: record,
				samplesPerSecond: elapsedMs > 0 ? (n / elapsedMs) * 1000 : 0,
				elapsedMs,
				remainingMs: 0
			});
			return {
				history,
				stopReason: 'completed',
				bestEpoch: 1,
				durationMs: elapsedMs,
				rows: { train: n, validation: validation?.n ?? 0 },
				solvedExactly: true,
				...(options.solvedMessage ? { message: options.solvedMessage } : {})
			};
		}
		if (engineChoice.spec) {
			stepper = await DenseStepper.create(engineChoice.spec, model, task, train, settings, batchSize);
		}
		if (resume?.optimizer) {
			// Adam's moments and step count as they were: the next step is the one an unbroken run takes.
			if (stepper) stepper.writeOptimizerState(resume.optimizer, settings);
			else await applyOptimizerState(optimizer, resume.optimizer);
		}
		start.take(model, firstEpoch - 1);
		epochs: for (let epoch = firstEpoch; epoch <= settings.epochs; epoch++) {
			random.shuffle(order);
			stepper?.startEpoch(order);
			const permutation = stepper ? undefined : tf.tensor1d(order, 'int32');
			const sums = new EpochSums(task, trainSquares);
			try {
				for (let batch = 1; batch <= batches; batch++) {
					const begin = (batch - 1) * batchSize;
					const size = Math.min(batchSize, n - begin);
					const values = stepper
						? stepper.step(begin, size)
						: await stepValues(step!, permutation!, begin, size);
					const loss = values[0]!;
					if (!Number.isFinite(loss)) {
						stopReason = 'diverged';
						message = divergedMessage(loss, `epoch ${epoch}, batch ${batch}`);
						break epochs;
					}
					sums.add(values, size);
					samplesDone += size;

					let epochEnd: EpochRecord | undefined;
					if (batch === batches) {
						stepper?.syncModel();
						epochEnd = { epoch, loss: sums.loss };
						if (sums.metric !== undefined) epochEnd.metric = sums.metric;
						if (validationDevice) {
							const checked = await scoreValidation(validationDevice);
							if (!Number.isFinite(checked.loss)) {
								stopReason = 'diverged';
								message = divergedMessage(checked.loss, `the end of epoch ${epoch} (validation)`);
								break epochs;
							}
							recordValidation(epochEnd, checked);
						}
						history.push(epochEnd);
						const value = monitored(epochEnd, monitor);
						if (value !== undefined && improves(value, bestValue, monitor)) {
							bestValue = value;
							best.take(model, epoch);
							if (keepBestState) bestState = await readState();
							epochsWithoutGain = 0;
						} else {
							epochsWithoutGain++;
						}
						if (probe && (epoch === firstEpoch || epoch % probe.every === 0)) await sendProbe(epoch);
						if (options.onCheckpoint) {
							const improved = best.epoch === epoch;
							if (improved || performance.now() - lastCheckpointAt >= checkpointInterval) {
								lastCheckpointAt = performance.now();
								const weightsNow = await readWeights(model);
								if (improved) bestWeights = weightsNow;
								const keepBest = settings.earlyStopping.restoreBest && bestWeights && !improved;
								const stateNow = improved && keepBestState && bestState ? bestState : await readState();
								options.onCheckpoint({
									epoch,
									weights: weightsNow,
									history: history.slice(),
									optimizer: stateNow,
									...(keepBest
										? {
												best: {
													epoch: best.epoch,
													weights: bestWeights!,
													...(bestState ? { optimizer: bestState } : {})
												}
											}
										: {})
								});
							}
						}
					}

					const elapsedMs = clock.elapsedMs();
					options.onProgress?.({
						epoch,
						epochs: settings.epochs,
						batch,
						batches,
						loss,
						...(epochEnd ? { epochEnd } : {}),
						samplesPerSecond: elapsedMs > 0 ? (samplesDone / elapsedMs) * 1000 : 0,
						elapsedMs,
						remainingMs: samplesDone > 0 ? (elapsedMs / samplesDone) * (totalSamples - samplesDone) : 0
					});

					// A macrotask, so pause and stop messages reach the control between batches.
					await yieldToEventLoop();
					if (control) {
						if (control.state === 'paused') {
							clock.pause();
							await control.whilePaused();
							clock.resume();
						}
						if (control.stopped) {
							stopReason = 'stopped';
							break epochs;
						}
					}
				}
			} finally {
				permutation?.dispose();
			}
			if (settings.earlyStopping.enabled && epochsWithoutGain >= settings.earlyStopping.patience) {
				stopReason = 'early-stopping';
				break;
			}
		}

		const heldEpoch = restoreAtEnd();
		// The state that goes with the kept weights: the last step's, or the best epoch's.
		const keptState =
			stopReason !== 'diverged' && heldEpoch === history.length
				? await readState()
				: keepBestState && heldEpoch === best.epoch
					? bestState
					: undefined;
		await sendProbe(heldEpoch);
		message ??= endMessage(stopReason, history.length, heldEpoch, monitor, settings.earlyStopping.patience);
		return {
			history,
			stopReason,
			bestEpoch: heldEpoch,
			durationMs: clock.elapsedMs(),
			rows: { train: n, validation: validation?.n ?? 0 },
			engine: stepper ? { ...engine, ...stepper.threading } : engine,
			...(keptState ? { optimizer: keptState } : {}),
			...(message ? { message } : {})
		};
	} finally {
		stepper?.release();
		start.dispose();
		best.dispose();
		disposeOptimizer(optimizer);
		tf.dispose([trainDevice.x, trainDevice.y]);
		if (validationDevice) tf.dispose([validationDevice.x, validationDevice.y]);
		weights?.dispose();
		probeX?.dispose();
	}
}

/** Draws and drops `steps` masks from each seeded dropout layer, as `steps` training steps would. */
function skipDropoutMasks(model: tf.LayersModel, steps: number): void {
	for (const layer of model.layers) {
		if (!(layer instanceof SeededDropout) || layer.rate <= 0) continue;
		for (let i = 0; i < steps; i++) layer.nextMaskSeed();
	}
}

/** One TF.js step's sums, read back (asynchronously: a GPU is never blocked) and disposed. */
async function stepValues(
	step: ReturnType<typeof makeTrainStep>,
	permutation: tf.Tensor1D,
	begin: number,
	size: number
): Promise<Float32Array> {
	const stats = step(permutation, begin, size);
	try {
		return (await stats.data()) as Float32Array;
	} finally {
		stats.dispose();
	}
}

function checkArrays(
	model: tf.LayersModel,
	data: TrainingArrays,
	validation: TrainingArrays | undefined,
	target: string | undefined
): void {
	const outputs = model.outputs[0]!.shape[model.outputs[0]!.shape.length - 1];
	if (outputs !== data.outputSize) {
		const what =
			data.classes.length > 0
				? `${target ?? 'the target'} has ${data.outputSize} classes`
				: `there are ${data.outputSize} targets`;
		throw new BenchtopError(
			'bad-input',
			`The model gives ${outputs} outputs, but ${what}: rebuild the model for this data.`
		);
	}
	if (
		validation &&
		(validation.featureCount !== data.featureCount || validation.outputSize !== data.outputSize)
	) {
		throw new BenchtopError(
			'bad-input',
			`The validation rows have ${validation.featureCount} features and ${validation.outputSize} outputs, the training rows ${data.featureCount} and ${data.outputSize}: prepare both with the same recipe.`
		);
	}
}

/** The shape of one row as the model takes it: [features], or [height, width, channels] for a CNN. */
function modelInputShape(model: tf.LayersModel, featureCount: number): number[] {
	const shape = model.inputs[0]!.shape.slice(1);
	if (shape.some((d) => d === null)) return [featureCount];
	const size = (shape as number[]).reduce((a, b) => a * b, 1);
	if (size !== featureCount) {
		throw new BenchtopError(
			'bad-input',
			`The model takes ${size} inputs per row, but the data has ${featureCount} features: rebuild the model for this data.`
		);
	}
	return shape as number[];
}

function upload(arrays: TrainingArrays, inputShape: number[]): DeviceArrays {
	return {
		x: tf.tensor(arrays.x, [arrays.n, ...inputShape], 'float32'),
		y: tf.tensor2d(arrays.y, [arrays.n, arrays.outputSize], 'float32'),
		n: arrays.n
	};
}

function sampleWeights(train: TrainingArrays): tf.Tensor1D {
	// By the classes, not the outputs: a sigmoid run (sigmoid-head.ts) has one output for two classes.
	const perClass = balancedClassWeights(train.labels!, Math.max(train.outputSize, train.classes.length));
	return tf.tensor1d(
		Float32Array.from(train.labels!, (label) => perClass[label]!),
		'float32'
	);
}

function classesPresent(data: TrainingArrays): number | undefined {
	if (!data.labels) return undefined;
	return new Set(data.labels).size;
}

function disposeOptimizer(optimizer: tf.Optimizer): void {
	optimizer.dispose();
	// TF.js 4.22's MomentumOptimizer.dispose() frees its momentum and accumulators but not the learning-rate
	// scalar its SGD parent keeps, so every momentum run would leak one tensor.
	if (optimizer instanceof tf.MomentumOptimizer) {
		const rate = (optimizer as unknown as { c?: tf.Tensor }).c;
		if (rate && !rate.isDisposed) rate.dispose();
	}
}

function monitored(record: EpochRecord, monitor: Monitor): number | undefined {
	switch (monitor) {
		case 'loss':
			return record.loss;
		case 'val_loss':
			return record.valLoss;
		case 'val_accuracy':
		case 'val_r2':
			return record.valMetric;
	}
}

function improves(value: number, best: number | undefined, monitor: Monitor): boolean {
	if (best === undefined) return true;
	return monitor === 'loss' || monitor === 'val_loss' ? value < best : value > best;
}

function divergedMessage(loss: number, where: string): string {
	const what = Number.isNaN(loss) ? 'not a number (NaN)' : 'infinite';
	return (
		`The loss became ${what} at ${where}: the steps were too large for these numbers. ` +
		'Try a learning rate ten times lower, or add a Scale step so the inputs (and a regression target) are on similar scales. ' +
		'The model keeps its last good weights.'
	);
}

function endMessage(
	reason: StopReason,
	epochs: number,
	heldEpoch: number,
	monitor: Monitor,
	patience: number
): string | undefined {
	const keeps =
		heldEpoch === epochs ? '' : ` The model keeps the weights of epoch ${heldEpoch}, the best by ${monitor}.`;
	switch (reason) {
		case 'early-stopping':
			return `Stopped early after epoch ${epochs}: ${monitor} had not improved for ${patience} epochs.${keeps}`;
		case 'stopped':
			return `Stopped by request after ${epochs} complete epoch${epochs === 1 ? '' : 's'}.${keeps}`;
		default:
			return undefined;
	}
}

/** Milliseconds of training, pauses left out, so speed and time left are not thrown off by a break. */
class ActiveClock {
	private readonly started = performance.now();
	private pausedAt: number | null = null;
	private pausedMs = 0;

	pause(): void {
		this.pausedAt ??= performance.now();
	}

	resume(): void {
		if (this.pausedAt === null) return;
		this.pausedMs += performance.now() - this.pausedAt;
		this.pausedAt = null;
	}

	elapsedMs(): number {
		return (this.pausedAt ?? performance.now()) - this.started - this.pausedMs;
	}
}
