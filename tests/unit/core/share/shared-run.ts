// Test helper: a real iris run (CPU, seeded) as the share dialog sees it — the run record, its data set
// version and its weights read out of the artifact — and the links built from it.
import type { DatasetRecord } from '../../../../src/lib/core/registry/schema.ts';
import type { ShareableArtifact } from '../../../../src/lib/core/share/index.ts';
import { irisClassifier, type TrainedRun } from '../predict/trained-runs.ts';

export const IRIS_DATASET: DatasetRecord = {
	id: 'd',
	name: 'Iris',
	source: { kind: 'sample', sampleId: 'iris' },
	rows: 150,
	columns: 5,
	schema: [
		{ name: 'sepal_length', type: 'number' },
		{ name: 'sepal_width', type: 'number' },
		{ name: 'petal_length', type: 'number' },
		{ name: 'petal_width', type: 'number' },
		{ name: 'species', type: 'category' }
	],
	hash: 'a'.repeat(64),
	bytes: 1000,
	createdAt: '2026-01-01T00:00:00.000Z',
	parentId: null,
	note: '',
	blobId: 'b'
};

export async function shareableArtifact(trained: TrainedRun): Promise<ShareableArtifact> {
	const artifact = trained.artifact;
	if (artifact.kind === 'kmeans') return artifact;
	return {
		kind: 'layers',
		modelTopology: artifact.modelTopology,
		weightSpecs: artifact.weightSpecs,
		bytes: new Uint8Array(await artifact.weightData.arrayBuffer())
	};
}

let cached: Promise<TrainedRun> | undefined;
/** Trained once per test file. */
export function irisRun(): Promise<TrainedRun> {
	cached ??= irisClassifier();
	return cached;
}
