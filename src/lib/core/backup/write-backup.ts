// Writes a backup as a stream: records are read one at a time (by key, each in its own short read), turned
// into entries, hashed, and pushed through fflate's streaming Zip straight to `sink`, which is awaited
// after every entry; so the archive can be larger than memory, as long as one record fits. The manifest,
// with every entry's SHA-256, is the last entry.
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { sha256Hex } from '../registry/content-hash.ts';
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	MANIFEST_FILE,
	type BackupManifest,
	type ManifestEntry
} from './backup-format.ts';
import { encodeRecord } from './record-codec.ts';

/** Where the records come from: IndexedDB in the studio (idb-source.ts), anything in tests. */
export interface BackupSource {
	schemaVersion: number;
	/** The stores to write, in order. */
	stores: readonly string[];
	keys(store: string): Promise<IDBValidKey[]>;
	get(store: string, key: IDBValidKey): Promise<unknown>;
}

/** Receives the archive's bytes in order; awaited, so a slow disk slows the reading down. */
export type BackupSink = (chunk: Uint8Array) => Promise<void> | void;

export interface BackupOptions {
	scope: BackupManifest['scope'];
	createdBy: string;
	now?: Date;
	/** Records written so far, after each one. */
	onProgress?: (records: number) => void;
}

export interface WrittenBackup {
	manifest: BackupManifest;
	/** Bytes of the archive. */
	bytes: number;
}

const encoder = new TextEncoder();

/** Data sets come before blobs, so a data set's blob is known to be Arrow when it is written. */
function storeOrder(stores: readonly string[]): string[] {
	return [...stores].sort((a, b) => (a === 'datasets' ? -1 : b === 'datasets' ? 1 : 0));
}

export async function writeBackup(
	source: BackupSource,
	sink: BackupSink,
	options: BackupOptions
): Promise<WrittenBackup> {
	const pending: Uint8Array[] = [];
	let failure: Error | null = null;
	let written = 0;
	const zip = new Zip((error, chunk) => {
		if (error) failure = error;
		else pending.push(chunk);
	});
	const flush = async () => {
		while (pending.length) {
			const chunk = pending.shift()!;
			written += chunk.byteLength;
			await sink(chunk);
		}
		if (failure) throw failure;
	};
	const entries: ManifestEntry[] = [];
	const add = async (path: string, bytes: Uint8Array, compress: boolean) => {
		entries.push({ path, bytes: bytes.byteLength, sha256: await sha256Hex(bytes) });
		// Binaries (Arrow, float weights) barely compress: stored as they are; JSON is deflated.
		const file = compress ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
		zip.add(file);
		file.push(bytes, true);
		await flush();
	};

	const stores: Record<string, number> = {};
	const arrowBlobs = new Set<string>();
	let binaryCount = 0;
	let records = 0;
	for (const store of storeOrder(source.stores)) {
		const keys = await source.keys(store);
		stores[store] = 0;
		for (const key of keys) {
			const record = await source.get(store, key);
			if (record === undefined) continue; // deleted while the backup was written
			if (store === 'datasets') {
				const blobId = (record as { blobId?: unknown }).blobId;
				if (typeof blobId === 'string') arrowBlobs.add(blobId);
			}
			const isArrow = store === 'blobs' && arrowBlobs.has(String((record as { id?: unknown }).id));
			const { json, binaries } = await encodeRecord(
				record,
				() => `binary/${binaryCount++}.${isArrow ? 'arrow' : 'bin'}`
			);
			for (const binary of binaries) await add(binary.path, binary.bytes, false);
			await add(`records/${store}/${stores[store]}.json`, encoder.encode(json), true);
			stores[store]++;
			options.onProgress?.(++records);
		}
	}
	const manifest: BackupManifest = {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		schemaVersion: source.schemaVersion,
		createdAt: (options.now ?? new Date()).toISOString(),
		createdBy: options.createdBy,
		scope: options.scope,
		stores,
		entries
	};
	const manifestFile = new ZipDeflate(MANIFEST_FILE, { level: 6 });
	zip.add(manifestFile);
	manifestFile.push(encoder.encode(JSON.stringify(manifest, null, 1)), true);
	zip.end();
	await flush();
	return { manifest, bytes: written };
}
