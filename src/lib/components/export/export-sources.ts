// What the Export page can export, read through the registry: every saved model version and every run
// that kept its weights, newest first; each one's weights; and the raw test rows a run held back (the
// rows the edge bundle's quantised variants are scored on). Page-side wiring of core functions only.
import { BenchtopError } from '$lib/core/errors.ts';
import { tableFromArrowIPC } from '$lib/core/data/arrow-ipc.ts';
import { recreateSplit } from '$lib/core/evaluate/evaluate-split.ts';
import { columnValues } from '$lib/core/table/read-column.ts';
import type { ModelArtifact } from '$lib/core/models/artifact.ts';
import type { Registry } from '$lib/core/registry/index.ts';
import type { ModelVersionRecord } from '$lib/core/registry/model-records.ts';
import type { RunRecord } from '$lib/core/train/run-record.ts';

export interface ExportSource {
	/** 'version:<id>' or 'run:<id>': the value of the picker and of ?source= in the URL. */
	key: string;
	kind: 'version' | 'run';
	/** What the picker shows. */
	label: string;
	run: RunRecord;
	version?: ModelVersionRecord;
	/** Fields benchtop.json carries as `lineage` (model name and version, data set, parent). */
	lineage: Record<string, unknown>;
}

/** Test rows scored per quantised variant, at most: enough for a stable figure, quick in the page. */
export const MAX_TEST_ROWS = 5000;

export async function listExportSources(registry: Registry): Promise<ExportSource[]> {
	const [versions, models, datasets] = await Promise.all([
		registry.listModelVersions(),
		registry.listModels(),
		registry.listDatasets()
	]);
	const modelName = new Map(models.map((m) => [m.id, m.name]));
	const fromVersions: ExportSource[] = versions.map((version) => {
		const name = modelName.get(version.modelId) ?? 'model';
		return {
			key: `version:${version.id}`,
			kind: 'version',
			label: `${name} v${version.version} · ${version.family} · ${version.task}`,
			run: version.run,
			version,
			lineage: { model: name, version: version.version, createdAt: version.createdAt, ...version.lineage }
		};
	});
	const runs = (await Promise.all(datasets.map((d) => registry.listRuns(d.id))))
		.flat()
		.filter((run) => run.artifactId !== null && run.status !== 'failed')
		.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
	const datasetName = new Map(datasets.map((d) => [d.id, d.name]));
	const fromRuns: ExportSource[] = runs.map((run) => ({
		key: `run:${run.id}`,
		kind: 'run',
		label: `${run.name} · ${datasetName.get(run.datasetId) ?? 'data set'} · ${run.task}`,
		run,
		lineage: {
			datasetId: run.datasetId,
			datasetHash: run.datasetHash,
			datasetName: datasetName.get(run.datasetId),
			runId: run.id
		}
	}));
	return [...fromVersions, ...fromRuns];
}

export async function loadSourceArtifact(registry: Registry, source: ExportSource): Promise<ModelArtifact> {
	if (source.version) return (await registry.loadModelVersionArtifact(source.version)).artifact;
	return registry.loadRunArtifact(source.run);
}

/**
 * The run's test rows as raw objects (the columns the data set has, as typed there), drawn again from its
 * split record; undefined when the data set is no longer stored or has no test rows (an imported model).
 */
export async function testRowsOf(
	registry: Registry,
	run: RunRecord
): Promise<Record<string, unknown>[] | undefined> {
	if (!run.datasetId || run.split.counts.test === 0) return undefined;
	const dataset = await registry.getDataset(run.datasetId);
	if (!dataset) return undefined;
	const table = tableFromArrowIPC(await registry.loadDatasetArrow(run.datasetId));
	let split;
	try {
		split = recreateSplit({ table, schema: dataset.schema }, run.split);
	} catch (error) {
		if (error instanceof BenchtopError) return undefined;
		throw error;
	}
	// Column by column: arquero's row objects are built by generated code, which the CSP forbids.
	const columns = dataset.schema.map((c) => [c.name, columnValues(table, c.name)] as const);
	return Array.from(split.test.subarray(0, MAX_TEST_ROWS), (i) => {
		const row: Record<string, unknown> = {};
		for (const [name, values] of columns) {
			const value = values[i];
			row[name] = typeof value === 'bigint' ? Number(value) : value;
		}
		return row;
	});
}

/** Saves bytes as a download with the given name. */
export function downloadBytes(bytes: Uint8Array | string, name: string, type: string): void {
	const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
