// A Benchtop backup (`.benchtop.zip`): every record of the chosen stores as JSON, their binary parts (data
// sets' Arrow bytes, model weights) as files of their own, and a manifest written last that names the
// format and schema versions and every entry with its size and SHA-256. The limits an import enforces
// before it writes anything are here too.
import * as v from 'valibot';

export const BACKUP_FORMAT = 'benchtop-backup';
/** This code writes and reads format 1; a newer backup is refused by name. */
export const BACKUP_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_EXTENSION = '.benchtop.zip';

/**
 * Stores never exported: per-browser preferences, which an import must not overwrite; and the version
 * summaries, which are drawn from the versions themselves (an import writes them beside each version, so
 * a backup from before they existed restores the same).
 */
export const SKIPPED_STORES: readonly string[] = ['settings', 'versionSummaries'];

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const BACKUP_LIMITS = {
	/** Entries in the archive (a plain zip holds at most 65,535; ZIP64 is neither written nor read). */
	entries: 65_000,
	/** Inflated bytes of one entry (a data set's Arrow file, a model's weights). */
	entryBytes: 1 * GiB,
	/** Inflated bytes of all entries together. */
	totalBytes: 4 * GiB,
	/** Inflated ÷ compressed size one entry may have: JSON records rarely pass 20:1, binaries are stored. */
	ratio: 200,
	/** Entries smaller than this are too small to harm, whatever their ratio. */
	ratioFrom: MiB,
	/** The manifest itself. */
	manifestBytes: 64 * MiB
} as const;

export interface ManifestEntry {
	path: string;
	bytes: number;
	sha256: string;
}

export interface BackupManifest {
	format: typeof BACKUP_FORMAT;
	version: number;
	/** The IndexedDB schema version the records were read from (core/registry/db.ts). */
	schemaVersion: number;
	/** ISO 8601, UTC. */
	createdAt: string;
	createdBy: string;
	scope: { kind: 'workspace' } | { kind: 'model'; modelId: string; name: string };
	/** Records per store. */
	stores: Record<string, number>;
	entries: ManifestEntry[];
}

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const MANIFEST = v.object({
	format: v.literal(BACKUP_FORMAT),
	version: count,
	schemaVersion: count,
	createdAt: v.string(),
	createdBy: v.string(),
	scope: v.variant('kind', [
		v.object({ kind: v.literal('workspace') }),
		v.object({ kind: v.literal('model'), modelId: v.string(), name: v.string() })
	]),
	stores: v.record(v.string(), count),
	entries: v.array(
		v.object({
			path: v.string(),
			bytes: count,
			sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))
		})
	)
});

/** Checks the manifest's shape; the versions are checked before (by the caller) so they get their own message. */
export function parseManifestShape(json: unknown): BackupManifest {
	const result = v.safeParse(MANIFEST, json);
	if (!result.success) {
		const issue = result.issues[0];
		const path = (issue.path ?? [])
			.map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`))
			.join('');
		throw new Error(`manifest${path}: ${issue.message}`);
	}
	return result.output as BackupManifest;
}

/** An entry path a backup may hold: `records/<store>/<n>.json`, `binary/<n>.<ext>` or the manifest. */
export const ENTRY_PATH =
	/^(manifest\.json|records\/[A-Za-z][A-Za-z0-9_-]{0,63}\/\d{1,9}\.json|binary\/\d{1,9}\.(arrow|bin))$/;

/** A path that would leave the folder it is unpacked into: the zip reader's own check. */
export { climbsOut } from '../export/capped-zip.ts';
