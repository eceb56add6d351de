// Opening a stored data set version for a stage's page: its record, and its bytes only in memory mode
// (with IndexedDB the workers read a version themselves, so a million rows never weigh on the page).
import { BenchtopError } from '$lib/core/errors.ts';
import type { DatasetRecord } from '$lib/core/registry/index.ts';
import type { Studio } from './studio.svelte.ts';

export interface OpenedVersion {
	record: DatasetRecord;
	arrow: Uint8Array | undefined;
}

/** Undefined while storage cannot open (the storage banner says why); throws not-found for a gone id. */
export async function openVersion(studio: Studio, id: string): Promise<OpenedVersion | undefined> {
	await studio.init();
	const registry = studio.registry;
	if (!registry) return undefined;
	const record = await registry.getDataset(id);
	if (!record) {
		throw new BenchtopError('not-found', 'This data set is not in this browser (it may have been deleted).');
	}
	return { record, arrow: registry.persistent ? undefined : await registry.loadDatasetArrow(id) };
}
