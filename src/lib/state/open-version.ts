// Opening a stored data set version for a stage's page: its record, and how workers reach its rows (by id
// with IndexedDB, so a million rows never weigh on the page; by its Blob in memory-only mode).
import { BenchtopError } from '$lib/core/errors.ts';
import type { DatasetRecord } from '$lib/core/registry/index.ts';
import { dataRefOf, type DataRef } from './data-ref.ts';
import type { Studio } from './studio.svelte.ts';

export interface OpenedVersion {
	record: DatasetRecord;
	data: DataRef;
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
	return { record, data: await dataRefOf(registry, id) };
}
