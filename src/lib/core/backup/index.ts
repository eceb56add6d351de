// Workspace backup and restore (`.benchtop.zip`): see backup-format.ts for what a backup holds.
export {
	BACKUP_EXTENSION,
	BACKUP_FORMAT,
	BACKUP_LIMITS,
	BACKUP_VERSION,
	MANIFEST_FILE,
	type BackupManifest
} from './backup-format.ts';
export { writeBackup, type BackupSink, type BackupSource, type WrittenBackup } from './write-backup.ts';
export { idbBackupSource, type BackupSelection } from './idb-source.ts';
export { modelSelection } from './model-selection.ts';
export { readBackup, type CheckedBackup } from './read-backup.ts';
export { restoreBackup, type RestoredBackup } from './restore-backup.ts';
export { exportWorkspace, importBackup } from './workspace-backup.ts';
