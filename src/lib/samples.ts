// Where the built site serves each sample file: Vite emits the CSVs as assets, so they ship with the
// site, work under any base path, and are never fetched from anywhere else.
import { SAMPLE_DATASETS, type SampleDataset } from '$lib/core/data/sample-manifest.ts';

const sampleUrls = import.meta.glob('/sample-datasets/*.csv', {
	query: '?url',
	import: 'default',
	eager: true
}) as Record<string, string>;

export function sampleUrl(sample: SampleDataset): string {
	const url = sampleUrls[`/sample-datasets/${sample.file}`];
	if (!url) throw new Error(`Sample file ${sample.file} is missing from the build.`);
	return new URL(url, document.baseURI).href;
}

export { SAMPLE_DATASETS };
