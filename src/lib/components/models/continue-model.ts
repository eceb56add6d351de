// "Continue training" without the page: a version's weights (and optimizer state) loaded and checked, the
// data set checked against its input schema (refused with the columns named), the training job built, and
// the finished run saved as a child version of the same model. The run itself goes through the train
// worker (ContinueView); the unit test drives the same job through runTraining.
import { BenchtopError } from '$lib/core/errors.ts';
import type { ModelArtifact } from '$lib/core/models/artifact.ts';
import { assertTableRows } from '$lib/core/models/table-only.ts';
import { continueDataProblem } from '$lib/core/registry/continue-check.ts';
import type { ModelVersionRecord } from '$lib/core/registry/model-records.ts';
import type { DatasetRecord, Registry } from '$lib/core/registry/index.ts';
import { continueRequest, parentEpoch, type ContinueFrom } from '$lib/core/train/continue-from.ts';
import type { RunRecord } from '$lib/core/train/run-record.ts';
import type { TrainingRequest } from '$lib/core/train/run-training.ts';
import { saveRunAsModel } from './save-model.ts';

type SourceRegistry = Pick<Registry, 'getModelVersion' | 'getModel' | 'loadModelVersionArtifact'>;

/** A version to train further: its record, its model's name, and its weights with the optimizer state. */
export interface ContinueSource {
	version: ModelVersionRecord;
	modelName: string;
	artifact: ModelArtifact;
}

export interface ContinueOptions {
	/** 'keep' (default): predictions stay comparable with the parent's; 'refit' on the new training rows. */
	recipe: 'keep' | 'refit';
	moreEpochs: number;
}

/** The version, its model's name and its checked weights; a missing version is said in words. */
export async function loadContinueSource(
	registry: SourceRegistry,
	versionId: string
): Promise<ContinueSource> {
	const version = await registry.getModelVersion(versionId);
	if (!version)
		throw new BenchtopError('not-found', 'That model version is no longer stored in this browser.');
	assertTableRows(version.run.spec, 'continue');
	const model = await registry.getModel(version.modelId);
	const loaded = await registry.loadModelVersionArtifact(version);
	const artifact: ModelArtifact =
		loaded.artifact.kind === 'layers' && loaded.optimizer
			? { ...loaded.artifact, optimizer: loaded.optimizer }
			: loaded.artifact;
	return { version, modelName: model?.name ?? `model ${version.modelId}`, artifact };
}

/** Why `dataset` cannot continue the version, with the columns named; undefined when it can. */
export function continueProblem(source: ContinueSource, dataset: DatasetRecord): string | undefined {
	return continueDataProblem(source.version, dataset);
}

/** The train worker's request and start for continuing `source` on `dataset`; refused when it does not fit. */
export function continueJob(
	source: ContinueSource,
	dataset: DatasetRecord,
	options: ContinueOptions
): { request: TrainingRequest; init: ContinueFrom } {
	const problem = continueProblem(source, dataset);
	if (problem) throw new BenchtopError('bad-input', problem);
	const run = source.version.run;
	return {
		request: continueRequest(run, options.moreEpochs),
		init: {
			parent: { versionId: source.version.id, version: source.version.version, modelName: source.modelName },
			run,
			artifact: source.artifact,
			recipe: options.recipe
		}
	};
}

/** Epochs the child starts from (the parent's kept epoch), for the page's words. */
export function startEpoch(source: ContinueSource): number {
	return parentEpoch(source.version.run);
}

/** The finished run as the next version of the parent's model, its parent recorded. */
export function saveChildVersion(
	registry: Registry,
	source: ContinueSource,
	run: RunRecord,
	datasetName: string
): Promise<ModelVersionRecord> {
	return saveRunAsModel(registry, run, source.modelName, {
		parentVersionId: source.version.id,
		datasetName
	});
}
