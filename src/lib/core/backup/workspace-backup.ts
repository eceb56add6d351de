// The two operations the storage panel offers, over an open database: write the workspace (or one model
// with what it came from) to a sink, and check then add a backup's bytes.
import type { StudioDb } from '../registry/db.ts';
import { DB_VERSION } from '../registry/db.ts';
import { SKIPPED_STORES } from './backup-format.ts';
import { idbBackupSource } from './idb-source.ts';
import { modelSelection } from './model-selection.ts';
import { readBackup, type BackupFile } from './read-backup.ts';
import { restoreBackup, type RestoredBackup } from './restore-backup.ts';
import { writeBackup, type BackupSink, type WrittenBackup } from './write-backup.ts';

export async function exportWorkspace(
	db: StudioDb,
	sink: BackupSink,
	options: { modelId?: string; createdBy: string; onProgress?: (records: number) => void }
): Promise<WrittenBackup> {
	if (options.modelId === undefined)
		return writeBackup(idbBackupSource(db), sink, { scope: { kind: 'workspace' }, ...options });
	const { selection, name } = await modelSelection(db, options.modelId);
	return writeBackup(idbBackupSource(db, selection), sink, {
		scope: { kind: 'model', modelId: options.modelId, name },
		...options
	});
}

/**
 * Checks everything first (readBackup), then adds the records in one transaction. `source`: the file
 * (read by slices, never whole) or its bytes.
 */
export async function importBackup(
	db: StudioDb,
	source: Blob | Uint8Array | BackupFile,
	label: string
): Promise<RestoredBackup> {
	const stores = Array.from((db as unknown as { objectStoreNames: DOMStringList }).objectStoreNames).filter(
		(name) => !SKIPPED_STORES.includes(name)
	);
	const checked = await readBackup(source, label, stores, DB_VERSION);
	return restoreBackup(db, checked);
}
