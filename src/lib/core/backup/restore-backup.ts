// Adds a checked backup's records to the workspace, never overwriting: every record gets a new id, and
// every reference to an old id anywhere in any record (a run's data set, a version's run, an alias's
// version, a recipe draft's `dataset:<id>`) is rewritten to the new one, generically, so stores a later
// schema adds are carried the same way. Two unique names are respected: a data set whose bytes are already
// stored (same SHA-256) is not added again (its references point at the one there), and a model whose name
// is taken is added as "<name> (imported)". Everything is written in one transaction: all or nothing.
import { BenchtopError } from '../errors.ts';
import type { StudioDb } from '../registry/db.ts';
import type { ModelVersionRecord } from '../registry/model-records.ts';
import { newRecordId } from '../registry/record-id.ts';
import { summariseVersion } from '../registry/version-summary.ts';
import { inWriteTransaction } from '../registry/write-transaction.ts';
import type { CheckedBackup } from './read-backup.ts';

export interface RestoredBackup {
	/** Records added per store. */
	added: Record<string, number>;
	/** Data sets already in the workspace (same bytes), used instead of adding a copy. */
	reusedDatasets: number;
	/** Models added under another name because theirs was taken: [old name, new name]. */
	renamedModels: [string, string][];
}

const DATASET_DRAFT = 'dataset:';

/** A deep copy of `value` with every string that is an old id (or `dataset:<old id>`) replaced. */
export function remapIds(value: unknown, ids: ReadonlyMap<string, string>): unknown {
	if (typeof value === 'string') {
		const direct = ids.get(value);
		if (direct !== undefined) return direct;
		if (value.startsWith(DATASET_DRAFT)) {
			const mapped = ids.get(value.slice(DATASET_DRAFT.length));
			if (mapped !== undefined) return DATASET_DRAFT + mapped;
		}
		return value;
	}
	if (value === null || typeof value !== 'object') return value;
	if (
		(typeof Blob !== 'undefined' && value instanceof Blob) ||
		ArrayBuffer.isView(value) ||
		value instanceof ArrayBuffer ||
		value instanceof Date
	)
		return value;
	if (Array.isArray(value)) return value.map((item) => remapIds(item, ids));
	const out: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(value)) out[key] = remapIds(item, ids);
	return out;
}

function summaryOf(version: Record<string, unknown>): unknown {
	try {
		return summariseVersion(version as unknown as ModelVersionRecord);
	} catch (error) {
		throw new BenchtopError(
			'bad-input',
			`The backup's model version ${String(version.id)} is not a whole version record (${(error as Error).message}); nothing was imported.`
		);
	}
}

export async function restoreBackup(db: StudioDb, backup: CheckedBackup): Promise<RestoredBackup> {
	const raw = db as unknown as {
		getFromIndex(store: string, index: string, key: string): Promise<Record<string, unknown> | undefined>;
		get(store: string, key: string): Promise<unknown>;
		getAll(store: string): Promise<Record<string, unknown>[]>;
	};
	const ids = new Map<string, string>();
	const skip = new Set<Record<string, unknown>>();
	let reusedDatasets = 0;
	// Data sets already stored (same bytes): reuse them and skip their blobs.
	for (const dataset of backup.records.datasets ?? []) {
		const existing = await raw.getFromIndex('datasets', 'by-hash', String(dataset.hash));
		if (!existing) continue;
		ids.set(String(dataset.id), String(existing.id));
		if (typeof dataset.blobId === 'string' && typeof existing.blobId === 'string')
			ids.set(dataset.blobId, existing.blobId);
		skip.add(dataset);
		reusedDatasets++;
	}
	for (const dataset of skip) {
		const blob = backup.records.blobs?.find((b) => b.id === dataset.blobId);
		if (blob) skip.add(blob);
	}
	for (const [store, records] of Object.entries(backup.records)) {
		// A recipe draft's id is `dataset:<data set id>`: it follows its data set's new id instead.
		if (store === 'recipes') continue;
		for (const record of records) if (!ids.has(String(record.id))) ids.set(String(record.id), newRecordId());
	}

	const taken = new Set((await raw.getAll('models').catch(() => [])).map((m) => String(m.name)));
	const renamedModels: [string, string][] = [];
	const added: Record<string, number> = {};
	const writes: [string, unknown][] = [];
	for (const [store, records] of Object.entries(backup.records)) {
		added[store] = 0;
		for (const record of records) {
			if (skip.has(record)) continue;
			let copy = remapIds(record, ids) as Record<string, unknown>;
			if (store === 'recipes') {
				// A draft for a reused data set that already has one stays as it is.
				if ((await raw.get('recipes', String(copy.id))) !== undefined) continue;
			} else if (store === 'models' && typeof copy.name === 'string' && taken.has(copy.name)) {
				let name = `${copy.name} (imported)`;
				for (let i = 2; taken.has(name); i++) name = `${copy.name} (imported ${i})`;
				renamedModels.push([copy.name, name]);
				copy = { ...copy, name };
			}
			if (store === 'models') taken.add(String(copy.name));
			writes.push([store, copy]);
			// The list's summary of a version is written beside it, as saving a version does.
			if (store === 'modelVersions') writes.push(['versionSummaries', summaryOf(copy)]);
			added[store]++;
		}
	}
	const stores = [...new Set(writes.map(([store]) => store))];
	if (stores.length)
		await inWriteTransaction(db, stores as never, async (tx) => {
			const t = tx as unknown as { objectStore(name: string): { add(value: unknown): Promise<unknown> } };
			// `add`, never `put`: a record that somehow met an existing key fails the whole import.
			for (const [store, record] of writes) await t.objectStore(store).add(record);
		});
	return { added, reusedDatasets, renamedModels };
}
