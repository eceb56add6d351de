// What an opened link becomes in the workspace: the experiment draft of the data set version (target,
// recipe, split), the request that retrains it, and — with weights — the run record and model to store.
import type { ModelArtifact } from '../models/artifact.ts';
import { isolated } from '../phrase.ts';
import type { PreparationDraft } from '../prep/preparation.ts';
import type { DatasetRecord } from '../registry/schema.ts';
import type { RunRecord } from '../train/run-record.ts';
import type { TrainingRequest } from '../train/training-request.ts';
import { fromBase64 } from './base64url.ts';
import type { SharePayload } from './payload.ts';

/** The experiment draft the Prepare and Train pages read for the version. */
export function draftFromShare(payload: SharePayload): PreparationDraft {
	return { recipe: payload.recipe, split: payload.split, target: payload.targets[0] ?? null };
}

/** The training request that repeats the shared run: same recipe, split, spec, settings and seed. */
export function requestFromShare(payload: SharePayload): TrainingRequest {
	return {
		targets: payload.targets,
		task: payload.task,
		family: payload.spec.family,
		spec: payload.spec,
		recipe: payload.recipe,
		split: payload.split,
		settings: payload.settings,
		...(payload.spec.family === 'kmeans' ? { k: payload.spec.k } : {})
	};
}

/** The stored run a link with weights becomes, on the version it was opened into. */
export function runFromShare(
	payload: SharePayload,
	dataset: Pick<DatasetRecord, 'id' | 'hash'>,
	now: Date = new Date()
): Omit<RunRecord, 'id' | 'artifactId'> | undefined {
	const model = payload.model;
	if (!model) return undefined;
	return {
		experimentId: dataset.id,
		datasetId: dataset.id,
		datasetHash: dataset.hash,
		name: `${isolated(payload.name)} (shared)`,
		createdAt: now.toISOString(),
		status: model.status,
		task: payload.task,
		targets: payload.targets,
		...(model.classes ? { classes: model.classes } : {}),
		features: model.features,
		split: model.split,
		recipe: payload.recipe,
		fitted: model.fitted,
		spec: payload.spec,
		settings: payload.settings,
		seed: payload.seed,
		backend: { name: model.backend, reason: `${model.backend} (trained where the link was made)` },
		versions: model.versions,
		history: model.history.map((h) => ({
			epoch: h.epoch,
			loss: h.loss ?? Number.NaN,
			...(h.metric != null ? { metric: h.metric } : {}),
			...(h.valLoss != null ? { valLoss: h.valLoss } : {}),
			...(h.valMetric != null ? { valMetric: h.valMetric } : {})
		})),
		bestEpoch: model.bestEpoch,
		metrics: payload.metrics,
		durationMs: model.durationMs,
		rows: model.rows,
		...(model.validationHeldBack !== undefined ? { validationHeldBack: model.validationHeldBack } : {})
	};
}

/** The model a link with weights carries, as the registry stores it. */
export function artifactFromShare(payload: SharePayload): ModelArtifact | undefined {
	const weights = payload.model?.weights;
	if (!weights) return undefined;
	if (weights.kind === 'kmeans') return { kind: 'kmeans', centroids: weights.centroids };
	const bytes = fromBase64(weights.float32);
	return {
		kind: 'layers',
		modelTopology: weights.topology,
		weightSpecs: weights.specs,
		weightData: new Blob([bytes.buffer as ArrayBuffer], { type: 'application/octet-stream' })
	};
}
