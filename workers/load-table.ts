// The one way a worker gets a data set version's rows: from IndexedDB for a stored ref, from the Blob the
// page handed over for a memory ref. The last table decoded is kept, because a worker is usually asked
// several things about the same version in a row (a view's pages, a pool worker's folds).
import type { ColumnTable } from 'arquero';
import { tableFromArrowIPC } from '$lib/core/data/arrow-ipc.ts';
import type { DataRef } from '$lib/worker-protocol/data-ref.ts';
import { workerStorage } from './worker-storage.ts';

/** The version's Arrow IPC bytes, as stored. `workerName` names the worker in a storage error. */
export async function loadArrowBytes(ref: DataRef, workerName: string): Promise<Uint8Array> {
	if (ref.kind === 'memory') return new Uint8Array(await ref.blob.arrayBuffer());
	return (await workerStorage(workerName)).loadDatasetArrow(ref.id);
}

/** `alias`: the pending id a just-stored import had, which reads the same table (see `aliasKeptTable`). */
let cached: { id: string; alias?: string; table: Promise<ColumnTable> } | undefined;

/** The version decoded as a table; asking again for the same version id reuses the decoded one. */
export function loadTable(ref: DataRef, workerName: string): Promise<ColumnTable> {
	if (cached && (cached.id === ref.id || cached.alias === ref.id)) return cached.table;
	const table = loadArrowBytes(ref, workerName).then(tableFromArrowIPC);
	const entry = { id: ref.id, table };
	cached = entry;
	// A failed load is not kept: the next call tries again.
	table.catch(() => {
		if (cached === entry) cached = undefined;
	});
	return table;
}

/**
 * Keeps a version this worker has just made and stored (an import) as the last decoded one: the page's
 * first view of it then skips reading 50 MB back from IndexedDB and decoding it. The table must read as
 * the stored bytes decode (an import's table is built on the very Arrow columns it stored).
 */
export function keepTable(id: string, table: ColumnTable): void {
	cached = { id, table: Promise.resolve(table) };
}

/**
 * A pending version (kept under `pendingId`) has just been stored as `storedId`, or found stored already
 * with the same bytes: the kept table now answers to both, so neither the page's calls still naming the
 * pending version nor its first calls naming the stored one read 50 MB back. Nothing when it was replaced.
 */
export function aliasKeptTable(pendingId: string, storedId: string): void {
	if (cached?.id === pendingId) cached = { id: storedId, alias: pendingId, table: cached.table };
}
