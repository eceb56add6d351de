// The studio's records as a backup source: every object store of the open database (so stores a later
// schema adds are included without a change here) except the skipped ones, each record read by key in a
// transaction of its own; or, for one model, the records it came from (model-selection.ts).
import type { StudioDb } from '../registry/db.ts';
import { DB_VERSION } from '../registry/db.ts';
import { SKIPPED_STORES } from './backup-format.ts';
import type { BackupSource } from './write-backup.ts';

/** Store name → the keys to write; stores left out are not written. */
export type BackupSelection = Record<string, readonly IDBValidKey[]>;

export function idbBackupSource(db: StudioDb, selection?: BackupSelection): BackupSource {
	const raw = db as unknown as {
		objectStoreNames: DOMStringList;
		getAllKeys(store: string): Promise<IDBValidKey[]>;
		get(store: string, key: IDBValidKey): Promise<unknown>;
	};
	const all = Array.from(raw.objectStoreNames).filter((name) => !SKIPPED_STORES.includes(name));
	return {
		schemaVersion: DB_VERSION,
		stores: selection ? all.filter((name) => name in selection) : all,
		keys: async (store) => (selection ? [...(selection[store] ?? [])] : raw.getAllKeys(store)),
		get: (store, key) => raw.get(store, key)
	};
}
