// What a list of model versions shows, kept as a small record of its own (store `versionSummaries`,
// written in the same transaction as its version). A full version copies its run, and a run carries its
// history and a training profile for drift reports: reading 200 of those to draw a table kept the page's
// main thread busy for ~50 ms. The list reads these summaries; a version's detail reads its full record.
import { tableOnlyReason } from '../models/table-only.ts';
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
	/** What one row the model reads is: a table's row, or one picture (an imported image model). Absent on
	 * summaries written before it was kept. */
	rows?: 'table' | 'pictures';
	/** Whether the version's run recorded the profile of its training data (what a drift check compares
	 * with). Absent on summaries written before it was kept. */
	trainingProfile?: boolean;
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

/** What one row of the version's model is. A record saved before runs kept their spec (schema 3's upgrade
 * meets those) leaves it unknown rather than failing its summary, which would hide the version. */
function rowsOf(version: ModelVersionRecord): Pick<ModelVersionSummary, 'rows'> {
	const spec = version.run.spec as ModelVersionRecord['run']['spec'] | undefined;
	if (!spec) return {};
	return { rows: tableOnlyReason(spec) ? 'pictures' : 'table' };
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
		gatePass: version.gate ? version.gate.pass : null,
		...rowsOf(version),
		trainingProfile: version.run.trainingProfile !== undefined
	};
}

/** The versions a drift check can run on, and how many were left out for each reason. */
export interface DriftChoices {
	versions: ModelVersionSummary[];
	/** Models of pictures: a drift check compares a table's columns. */
	pictures: number;
	/** No training side to compare with: no profile recorded, and its data set is not stored here. */
	noTrainingData: number;
}

/**
 * Splits `summaries` into those a drift check can run on: a model of table rows with a training side to
 * compare with, either the profile its run recorded or the data set it trained on, still stored
 * (`storedDatasetIds`), to draw one again (state/drift-check.ts). Summaries written before `rows` and
 * `trainingProfile` were kept are judged on what they hold: an imported model (every model of pictures
 * is one) names no data set, so it counts as having no training data; one that names a data set may have
 * recorded a profile, so it stays listed.
 */
export function driftChoices(
	summaries: readonly ModelVersionSummary[],
	storedDatasetIds: ReadonlySet<string>
): DriftChoices {
	const choices: DriftChoices = { versions: [], pictures: 0, noTrainingData: 0 };
	for (const summary of summaries) {
		const named = summary.datasetId !== '';
		if (summary.rows === 'pictures') choices.pictures++;
		else if (summary.trainingProfile === true || (named && storedDatasetIds.has(summary.datasetId)))
			choices.versions.push(summary);
		else if (summary.trainingProfile === undefined && named) choices.versions.push(summary);
		else choices.noTrainingData++;
	}
	return choices;
}
