// Builds the experiment a share link holds from a stored run and its data set version: the data by
// reference (a sample's id, or "bring your own file" with the columns and content hash) or inline, and
// the model's weights when the person asks for them.
import type { DatasetRecord } from '../registry/schema.ts';
import type { ModelArtifact } from '../models/artifact.ts';
import type { RunRecord } from '../train/run-record.ts';
import { parseSplitSpec } from '../prep/split/split-spec.ts';
import { toBase64 } from './base64url.ts';
import type {
	InlineColumn,
	MetricValue,
	ShareData,
	ShareMetrics,
	ShareModel,
	SharePayload,
	ShareWeights
} from './payload.ts';
import { SHARE_FORMAT } from './payload.ts';
import type { WeightSpec } from '../models/model-artifact-check.ts';

/** The model's weights as the page read them: the artifact, with a network's weight bytes loaded. */
export type ShareableArtifact =
	| { kind: 'layers'; modelTopology: unknown; weightSpecs: unknown[]; bytes: Uint8Array }
	| Extract<ModelArtifact, { kind: 'kmeans' }>;

export interface ShareOptions {
	/** The data itself, when the person chose to send it (small tables only). */
	inline?: InlineColumn[];
	/** The trained model, when it is to travel with the link. */
	artifact?: ShareableArtifact;
}

/** The data part of a link: a sample by id, inline columns, or the file's columns and hash. */
export function shareData(dataset: DatasetRecord, inline?: InlineColumn[]): ShareData {
	if (inline) return { kind: 'inline', name: dataset.name, hash: dataset.hash, columns: inline };
	if (dataset.source.kind === 'sample')
		return { kind: 'sample', sampleId: dataset.source.sampleId, name: dataset.name, hash: dataset.hash };
	return {
		kind: 'file',
		name: dataset.name,
		hash: dataset.hash,
		rows: dataset.rows,
		columns: dataset.schema.map((c) => ({ name: c.name, type: c.type }))
	};
}

function metricsOf(metrics: Record<string, unknown> | undefined): Record<string, MetricValue> | undefined {
	if (!metrics) return undefined;
	// Only plain JSON values travel; anything else a future metric adds stays home rather than break links.
	return JSON.parse(JSON.stringify(metrics)) as Record<string, MetricValue>;
}

function weightsOf(artifact: ShareableArtifact): ShareWeights {
	if (artifact.kind === 'kmeans') return { kind: 'kmeans', centroids: artifact.centroids };
	return {
		kind: 'layers',
		topology: artifact.modelTopology,
		specs: artifact.weightSpecs as WeightSpec[],
		float32: toBase64(artifact.bytes)
	};
}

function modelOf(run: RunRecord, artifact: ShareableArtifact): ShareModel {
	return {
		features: run.features,
		...(run.classes ? { classes: run.classes } : {}),
		fitted: run.fitted,
		split: run.split,
		// A search's per-epoch class scores chose among its trials; a link carries the curves people look at.
		history: run.history.map(({ valScores: _, ...epoch }) => epoch),
		bestEpoch: run.bestEpoch,
		status: run.status === 'failed' ? 'stopped' : run.status,
		rows: run.rows,
		...(run.validationHeldBack !== undefined ? { validationHeldBack: run.validationHeldBack } : {}),
		durationMs: run.durationMs,
		backend: run.backend.name,
		versions: run.versions,
		weights: weightsOf(artifact)
	};
}

export function sharePayloadFromRun(
	run: RunRecord,
	dataset: DatasetRecord,
	options: ShareOptions = {}
): SharePayload {
	const { method, train, validation, test, seed, column } = run.split;
	const metrics: ShareMetrics = {};
	const validationMetrics = metricsOf(run.metrics.validation);
	const testMetrics = metricsOf(run.metrics.test);
	if (validationMetrics) metrics.validation = validationMetrics;
	if (testMetrics) metrics.test = testMetrics;
	return {
		format: SHARE_FORMAT,
		name: run.name,
		data: shareData(dataset, options.inline),
		task: run.task,
		targets: run.targets,
		recipe: run.recipe,
		split: parseSplitSpec({ method, train, validation, test, seed, ...(column ? { column } : {}) }),
		spec: run.spec,
		settings: run.settings,
		seed: run.seed,
		metrics,
		...(options.artifact ? { model: modelOf(run, options.artifact) } : {})
	};
}
