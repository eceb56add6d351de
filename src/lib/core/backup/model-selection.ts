// The records one model came from, for a backup of that model alone: the model, its versions, their
// weights and alias history, the runs they were saved from (with their weights), the data set versions
// those trained on and every parent version above them, their Arrow bytes and recipe drafts.
import { BenchtopError } from '../errors.ts';
import type { StudioDb } from '../registry/db.ts';
import type { BackupSelection } from './idb-source.ts';

type Row = Record<string, unknown>;

export async function modelSelection(
	db: StudioDb,
	modelId: string
): Promise<{ selection: BackupSelection; name: string }> {
	const raw = db as unknown as {
		get(store: string, key: string): Promise<Row | undefined>;
		getAllFromIndex(store: string, index: string, key: string): Promise<Row[]>;
	};
	const model = await raw.get('models', modelId);
	if (!model) throw new BenchtopError('not-found', 'That model is not in this workspace any more.');
	const versions = await raw.getAllFromIndex('modelVersions', 'by-model', modelId);
	const events = await raw.getAllFromIndex('aliasEvents', 'by-model', modelId);
	const runIds = new Set<string>();
	const datasetIds = new Set<string>();
	const versionArtifacts: string[] = [];
	for (const version of versions) {
		const lineage = version.lineage as { runId?: string; datasetId?: string } | undefined;
		if (lineage?.runId) runIds.add(lineage.runId);
		if (lineage?.datasetId) datasetIds.add(lineage.datasetId);
		const artifact = version.artifact as { id?: string } | undefined;
		if (artifact?.id) versionArtifacts.push(artifact.id);
	}
	const runs: string[] = [];
	const artifacts: string[] = [];
	for (const id of runIds) {
		const run = await raw.get('runs', id);
		if (!run) continue; // the run was deleted; the version keeps its own copy of the record
		runs.push(id);
		if (typeof run.artifactId === 'string') artifacts.push(run.artifactId);
		if (typeof run.datasetId === 'string') datasetIds.add(run.datasetId);
	}
	const datasets: string[] = [];
	const blobs: string[] = [];
	const recipes: string[] = [];
	const queue = [...datasetIds];
	const seen = new Set<string>();
	while (queue.length) {
		const id = queue.shift()!;
		if (seen.has(id)) continue;
		seen.add(id);
		const dataset = await raw.get('datasets', id);
		if (!dataset) continue;
		datasets.push(id);
		if (typeof dataset.blobId === 'string') blobs.push(dataset.blobId);
		if (typeof dataset.parentId === 'string') queue.push(dataset.parentId);
		if (await raw.get('recipes', `dataset:${id}`)) recipes.push(`dataset:${id}`);
	}
	return {
		name: String(model.name),
		selection: {
			models: [modelId],
			modelVersions: versions.map((v) => String(v.id)),
			versionArtifacts,
			aliasEvents: events.map((e) => String(e.id)),
			runs,
			artifacts,
			datasets,
			blobs,
			recipes
		}
	};
}
