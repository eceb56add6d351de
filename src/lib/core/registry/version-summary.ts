// What a list of model versions shows, kept as a small record of its own (store `versionSummaries`,
// written in the same transaction as its version). A full version copies its run, and a run carries its
// history and a training profile for drift reports: reading 200 of those to draw a table kept the page's
// main thread busy for ~50 ms. The list reads these summaries; a version's detail reads its full record.
import type { ModelVersionRecord } from './model-records.ts';

export interface ModelVersionSummary {
	/** The version's id (the summary shares it). */
	id: string;
	modelId: string;
	version: number;
	/** ISO 8601, UTC. */
	createdAt: string;
	task: ModelVersionRecord['task'];
	family: string;
	/** The run's metrics per split, numbers only (no confusion matrices or curves): the headline is here. */
	metrics: { validation?: Record<string, unknown>; test?: Record<string, unknown> };
	/** Bytes of the weights (or centroids). */
	bytes: number;
	datasetId: string;
	datasetName?: string;
	runId: string;
	parentVersionId: string | null;
	/** Whether the gate passed when the version was saved; null when none was evaluated. */
	gatePass: boolean | null;
}

/** The numeric leaves of a metrics record (nested objects kept, arrays and strings dropped). */
export function numericMetrics(metrics: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(metrics)) {
		if (typeof value === 'number' || value === null) out[key] = value;
		else if (typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value)) {
			const inner = numericMetrics(value as Record<string, unknown>);
			if (Object.keys(inner).length > 0) out[key] = inner;
		}
	}
	return out;
}

/** The summary of a version as stored. */
export function summariseVersion(version: ModelVersionRecord): ModelVersionSummary {
	const metrics: ModelVersionSummary['metrics'] = {};
	for (const split of ['validation', 'test'] as const) {
		const values = version.metrics[split];
		if (values) metrics[split] = numericMetrics(values);
	}
	return {
		id: version.id,
		modelId: version.modelId,
		version: version.version,
		createdAt: version.createdAt,
		task: version.task,
		family: version.family,
		metrics,
		bytes: version.artifact.bytes,
		datasetId: version.lineage.datasetId,
		...(version.lineage.datasetName !== undefined ? { datasetName: version.lineage.datasetName } : {}),
		runId: version.lineage.runId,
		parentVersionId: version.lineage.parentVersionId,
		gatePass: version.gate ? version.gate.pass : null
	};
}
