// The shipped sample data sets, as described by sample-datasets/manifest.json.
import manifest from '../../../../sample-datasets/manifest.json' with { type: 'json' };

export interface SampleDataset {
	id: string;
	file: string;
	name: string;
	description: string;
	rows: number;
	columns: number;
	task: string;
	target: string;
	source: string;
	licence: string;
}

export const SAMPLE_DATASETS: readonly SampleDataset[] = manifest.samples;

export function findSample(id: string): SampleDataset | undefined {
	return SAMPLE_DATASETS.find((sample) => sample.id === id);
}
