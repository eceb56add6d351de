// What the Export page can export, read through the registry: every saved model version and every run
// that kept its weights, newest first; each one's weights; and the data set a run was tested on (the
// export worker scores the edge bundle's quantised variants on its test rows). Page-side wiring only.
import type { ColumnSchema } from '$lib/core/table/column-types.ts';
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
 * The run's data set as the export worker scores the bundle's variants on it (Arrow IPC bytes and schema;
 * the worker draws the test rows again from the run's split record); undefined when the data set is no
 * longer stored or the run has no test rows (an imported model).
 */
export async function testDataOf(
	registry: Registry,
	run: RunRecord
): Promise<{ arrow: Uint8Array; schema: ColumnSchema[] } | undefined> {
	if (!run.datasetId || run.split.counts.test === 0) return undefined;
	const dataset = await registry.getDataset(run.datasetId);
	if (!dataset) return undefined;
	return { arrow: await registry.loadDatasetArrow(run.datasetId), schema: dataset.schema };
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
