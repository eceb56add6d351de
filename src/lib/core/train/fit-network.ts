// The network families' one fitter (linear, MLP and CNN alike): the prepared rows as arrays, the network
// built from its spec, trained (standardised targets for regression, folded back into the output layer
// after), scored on validation and test, and its weights taken as an artifact.
import * as tf from '@tensorflow/tfjs';
import { buildNetwork } from '../models/build-network.ts';
import { requireFamily } from '../models/families.ts';
import type { ModelArtifact } from '../models/artifact.ts';
import type { NetworkSpec } from '../models/types.ts';
import { closedForm } from './ridge.ts';
import type { Fitter } from './fitter.ts';
import { checkRunOutcome, checkTrainingMatrix } from './run-checks.ts';
import { scoreNetwork } from './score-network.ts';
import { fitTargetScale, foldTargetScale, scaleTargets, scalesTargets } from './target-scaling.ts';
import { trainNetwork } from './train-loop.ts';
import { liveBoundary } from './live-boundary.ts';
import { toTrainingArrays, type NetworkTask, type TrainingArrays } from './training-data.ts';
import type { TrainResult } from './types.ts';
import { continuedRecord, parentTestRows } from './continue-from.ts';
import { continuedStart, scoreParentNetwork } from './continue-network.ts';
import { isolated } from '../phrase.ts';
import { movedBackend, recordedBackend, type EngineRecord } from './fused/path-choice.ts';
import type { RunBackend } from './run-record.ts';
import { foldSigmoidHead, foldSigmoidState, sigmoidTargets, trainsSigmoidHead } from './sigmoid-head.ts';

async function scoreSplit(
	model: tf.LayersModel,
	task: NetworkTask,
	data: TrainingArrays,
	targets: string[]
): Promise<Record<string, unknown> | undefined> {
	const summary = await scoreNetwork(model, task, data, targets);
	return summary && { ...summary, rows: data.n };
}

/** The trained weights as TF.js saves them, without touching any storage. */
async function layersArtifact(model: tf.LayersModel): Promise<ModelArtifact> {
	let saved: tf.io.ModelArtifacts | undefined;
	await model.save(
		tf.io.withSaveHandler(async (artifacts) => {
			saved = artifacts;
			return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
		})
	);
	const weightData = saved?.weightData;
	const buffers = Array.isArray(weightData) ? weightData : weightData ? [weightData] : [];
	return {
		kind: 'layers',
		modelTopology: saved?.modelTopology,
		weightSpecs: saved?.weightSpecs ?? [],
		weightData: new Blob(buffers)
	};
}

/** Tells `onMoved` where the run went when the engine chooser moved its model off `base`. */
function reportMove(base: RunBackend, onMoved: (backend: RunBackend) => void) {
	return (engine: EngineRecord) => {
		const moved = movedBackend(base, engine);
		if (moved) onMoved(moved);
	};
}

export const fitNetworkRun: Fitter<NetworkSpec> = async (prepared, spec, settings, context) => {
	const { splits, features, base, started } = prepared;
	const { task, targets, recipe } = base;
	const networkTask = task as NetworkTask;
	const init = context.init;
	// A continued classifier keeps its parent's classes in its parent's output order.
	const train = toTrainingArrays(splits.train, {
		features,
		targets,
		task: networkTask,
		...(init?.run.classes ? { classes: init.run.classes } : {})
	});
	const shape = {
		features,
		targets,
		task: networkTask,
		classes: train.classes.length ? train.classes : undefined
	};
	const validation = toTrainingArrays(splits.validation, shape);
	const test = toTrainingArrays(splits.test, shape);
	// Binary cross-entropy trains one sigmoid output, folded into the two-class softmax head afterwards.
	// A continued one starts from its parent's softmax head unfolded (continuedStart).
	const sigmoid = trainsSigmoidHead(networkTask, settings);
	const trainedOn = sigmoid ? sigmoidTargets(train) : train;
	let model = buildNetwork(
		spec,
		{ inputSize: train.featureCount, outputSize: trainedOn.outputSize },
		settings.seed,
		sigmoid ? 'sigmoid' : undefined
	);
	const before = checkTrainingMatrix(train, features, targets, recipe);
	if (before.length > 0) context.onWarnings?.(before);
	const scale = scalesTargets(networkTask, settings) ? fitTargetScale(train) : null;
	const probe = liveBoundary({
		listener: context.boundary,
		input: prepared.input,
		splits,
		features,
		targets,
		task,
		classes: train.classes,
		scale,
		sigmoid,
		epochs: settings.epochs
	});
	const sameData = init !== undefined && context.dataset.hash === init.run.datasetHash;
	let result: TrainResult;
	try {
		const start = init ? await continuedStart(model, init, scale, sameData, sigmoid) : undefined;
		result = await trainNetwork({
			model,
			task: networkTask,
			data: scale ? scaleTargets(train, scale) : trainedOn,
			validation:
				validation.n > 0
					? scale
						? scaleTargets(validation, scale)
						: sigmoid
							? sigmoidTargets(validation)
							: validation
					: undefined,
			settings,
			onProgress: context.onProgress,
			control: context.control,
			...(context.validationScores ? { validationScores: true } : {}),
			target: targets[0],
			resumeFrom: start ?? context.resume?.checkpoint,
			onCheckpoint: context.onCheckpoint,
			backendSoftware: base.backend.software === true,
			...(context.backendPaths ? { backends: context.backendPaths } : {}),
			...(context.onBackendMoved ? { onEngine: reportMove(base.backend, context.onBackendMoved) } : {}),
			...(probe ? { probe } : {}),
			...closedForm(spec, networkTask, train, settings.loss)
		});
	} catch (error) {
		model.dispose();
		throw error;
	}
	if (scale) foldTargetScale(model, scale);
	// The optimizer state in the shapes of the weights it goes with (folded as they are, for a sigmoid run).
	const optimizer =
		result.optimizer && sigmoid
			? foldSigmoidState(result.optimizer, model.trainableWeights.length)
			: result.optimizer;
	if (sigmoid) {
		const folded = foldSigmoidHead(model, spec, train.featureCount);
		model.dispose();
		model = folded;
	}
	const metrics = {
		validation: await scoreSplit(model, networkTask, validation, targets),
		test: await scoreSplit(model, networkTask, test, targets)
	};
	const parentMetrics =
		init && prepared.input
			? await scoreParentNetwork(init, parentTestRows(prepared.input, splits, init), shape, settings.seed)
			: undefined;
	const warnings = [
		...before,
		...checkRunOutcome({
			task: networkTask,
			targets,
			train,
			validation,
			test,
			metrics,
			result,
			settings,
			before
		})
	];
	return {
		run: {
			...base,
			name: `${requireFamily(spec.family).label} · ${targets.map(isolated).join(', ')} · ${isolated(context.dataset.name)}`,
			status: result.stopReason,
			backend: recordedBackend(base.backend, result.engine),
			...(result.message ? { message: result.message } : {}),
			...(result.solvedExactly ? { solvedExactly: true } : {}),
			...(init ? { continuedFrom: continuedRecord(init, context.dataset.hash, parentMetrics) } : {}),
			...(context.resume
				? {
						resumed: {
							fromEpoch: context.resume.checkpoint.epoch,
							previousBackend: context.resume.previousBackend,
							reason: context.resume.reason
						}
					}
				: {}),
			classes: train.classes.length ? train.classes : undefined,
			history: result.history,
			// With no validation split the loop watches rows it held back from the training split: say how many,
			// so the summary's counts match the validation curve it draws.
			...(validation.n === 0 && result.rows && result.rows.validation > 0
				? { validationHeldBack: result.rows.validation }
				: {}),
			bestEpoch: result.bestEpoch,
			metrics,
			warnings,
			durationMs: Math.round(performance.now() - started)
		},
		// The optimizer's state goes with the weights, so a version saved from this run can be trained further.
		artifact: {
			...(await layersArtifact(model)),
			...(optimizer ? { optimizer } : {})
		},
		model
	};
};
