// Reads and checks a whole backup before anything is written, without holding the file in memory: the
// file is read by slices (core/export/capped-zip.ts, the one capped zip reader): the zip directory from
// the end (entry count, paths that climb out, declared sizes, total and compression ratio), then the
// manifest (format, format version, schema version), then every entry inflated one at a time in small
// chunks with the caps counted as it grows, its size and SHA-256 checked as it streams past. Records (JSON)
// are kept; binaries are not: a stored one becomes a slice of the file (a Blob IndexedDB copies itself),
// anything else is inflated again, and hashed again, once everything has passed. Any failure throws one
// specific message; nothing is returned half-checked.
import { BenchtopError } from '../errors.ts';
import {
	checkDirectory,
	dataStart,
	readDirectory,
	readEntry,
	runAsync,
	streamEntry,
	type AsyncZipBytes,
	type InflatedCount,
	type ZipCaps,
	type ZipEntry,
	type ZipWording
} from '../export/capped-zip.ts';
import { Sha256 } from '../registry/content-hash.ts';
import {
	BACKUP_FORMAT,
	BACKUP_LIMITS,
	BACKUP_VERSION,
	ENTRY_PATH,
	MANIFEST_FILE,
	climbsOut,
	parseManifestShape,
	type BackupManifest,
	type ManifestEntry
} from './backup-format.ts';
import { binaryRefs, decodeRecord } from './record-codec.ts';

export interface CheckedBackup {
	manifest: BackupManifest;
	/** Store name → its records, decoded (binaries rebuilt), in the order written. */
	records: Record<string, Record<string, unknown>[]>;
}

/** The backup file, read by slices. */
export interface BackupFile extends AsyncZipBytes {
	/** Bytes `[offset, offset + length)` as a Blob, without reading them (a File's slice). */
	slice(offset: number, length: number): Blob;
}

/** A File or Blob (the studio), or bytes already in memory (tests, the CLI). */
export function backupFile(source: Blob | Uint8Array): BackupFile {
	if (source instanceof Uint8Array)
		return {
			size: source.byteLength,
			read: async (offset, length) => source.subarray(offset, Math.min(source.byteLength, offset + length)),
			slice: (offset, length) =>
				new Blob([source.subarray(offset, offset + length) as Uint8Array<ArrayBuffer>])
		};
	return {
		size: source.size,
		read: async (offset, length) => new Uint8Array(await source.slice(offset, offset + length).arrayBuffer()),
		slice: (offset, length) => source.slice(offset, offset + length)
	};
}

const CAPS: ZipCaps = BACKUP_LIMITS;
const n = (x: number) => x.toLocaleString('en');

/** A backup's words for each zip problem, after "<file name>: ". */
function backupWording(label: string): ZipWording {
	const say = (why: string) => `${label}: ${why}`;
	const entry = (name: string, why: string) => say(`the entry “${name}” ${why}`);
	return (problem) => {
		switch (problem.kind) {
			case 'too-short':
				return say('is not a .zip file (too short to hold a zip directory)');
			case 'no-directory':
				return say('is not a .zip file (no zip directory at its end)');
			case 'zip64':
				return say('is a ZIP64 archive; a backup is written as a plain zip');
			case 'too-many-entries':
				return say(`holds ${n(problem.entries)} entries, more than the ${n(problem.cap)} a backup may hold`);
			case 'directory-past-end':
				return say('is damaged (its zip directory points past its end)');
			case 'directory-damaged':
				return say('is damaged (its zip directory is broken)');
			case 'cut-short':
				return say('is cut short (an entry runs past the end of the file)');
			case 'climbs-out':
				return entry(
					problem.entry,
					'has a path that climbs out of the folder it would be unpacked into; nothing was imported'
				);
			case 'duplicate':
				return entry(problem.entry, 'appears twice');
			case 'encrypted':
				return entry(problem.entry, 'is encrypted; a backup is not');
			case 'method':
				return entry(
					problem.entry,
					`uses compression method ${problem.method}; only stored and deflated entries are read`
				);
			case 'entry-too-large':
				return problem.declared
					? entry(
							problem.entry,
							`declares ${n(problem.size)} bytes, over the ${n(problem.cap)}-byte cap for one entry`
						)
					: entry(problem.entry, `inflates past ${n(problem.cap)} bytes, over its cap: it is not read`);
			case 'ratio':
				return entry(
					problem.entry,
					`${problem.declared ? 'declares' : 'inflates to'} ${n(problem.size)} bytes from ${n(problem.compressed)}, a compression ratio over ${problem.cap}:1: it looks like a zip bomb and is not read`
				);
			case 'total-too-large':
				return say(
					`its entries ${problem.declared ? 'declare' : 'inflate to'} more than ${n(problem.cap)} bytes together, over the cap for a backup`
				);
			case 'no-local-header':
				return entry(problem.entry, 'is damaged (no local header)');
			case 'entry-past-end':
				return entry(problem.entry, 'runs past the end of the file');
			case 'does-not-inflate':
				return entry(problem.entry, `does not inflate (${problem.reason})`);
			case 'no-data':
			case 'entry-cut-short':
				return entry(problem.entry, 'is cut short');
		}
	};
}

/** The archive's directory, checked whole, and its entries read one at a time. */
class BackupZip {
	private readonly inflated: InflatedCount = { bytes: 0 };
	private readonly wording: ZipWording;

	private constructor(
		readonly file: BackupFile,
		readonly label: string,
		readonly entries: ZipEntry[]
	) {
		this.wording = backupWording(label);
	}

	static async open(file: BackupFile, label: string): Promise<BackupZip> {
		const wording = backupWording(label);
		const entries = await runAsync(readDirectory(file.size, CAPS, wording), file);
		checkDirectory(entries, BACKUP_LIMITS.entryBytes, CAPS, wording);
		return new BackupZip(file, label, entries);
	}

	fail(why: string, code: 'bad-input' | 'newer-version' = 'bad-input'): never {
		throw new BenchtopError(code, `${this.label}: ${why}`);
	}

	find(name: string): ZipEntry | undefined {
		return this.entries.find((entry) => entry.name === name);
	}

	read(entry: ZipEntry, maxBytes: number): Promise<Uint8Array> {
		return runAsync(readEntry(entry, this.file.size, maxBytes, CAPS, this.inflated, this.wording), this.file);
	}

	/** Streams the entry through `onChunk`; then its size and SHA-256 must be the manifest's. `count`:
	 * the total inflated so far (a binary read again after the checks counts apart). */
	async check(
		entry: ZipEntry,
		expected: ManifestEntry,
		onChunk?: (chunk: Uint8Array) => void,
		count: InflatedCount = this.inflated
	): Promise<void> {
		const hash = new Sha256();
		let size = 0;
		await runAsync(
			streamEntry(entry, this.file.size, BACKUP_LIMITS.entryBytes, CAPS, count, this.wording, (chunk) => {
				hash.update(chunk);
				size += chunk.length;
				onChunk?.(chunk);
			}),
			this.file
		);
		if (size !== expected.bytes)
			this.fail(`“${expected.path}” holds ${n(size)} bytes; the manifest says ${n(expected.bytes)}`);
		const sha256 = hash.hex();
		if (sha256 !== expected.sha256)
			this.fail(
				`“${expected.path}” does not match its SHA-256 in the manifest (${sha256.slice(0, 12)}… against ${expected.sha256.slice(0, 12)}…): the file is damaged or was changed`
			);
	}

	/** A checked binary entry's bytes again, for a record: a slice of the file when stored as it is (never
	 * read here), else inflated and checked once more. */
	async binary(entry: ZipEntry, expected: ManifestEntry, as: 'Blob' | 'bytes'): Promise<Uint8Array | Blob> {
		if (as === 'Blob' && entry.method === 0) {
			const start = await runAsync(dataStart(entry, this.file.size, this.wording), this.file);
			return this.file.slice(start, entry.compressedSize);
		}
		const parts: Uint8Array[] = [];
		await this.check(entry, expected, (chunk) => parts.push(chunk.slice()), { bytes: 0 });
		if (as === 'Blob') return new Blob(parts as Uint8Array<ArrayBuffer>[]);
		const bytes = new Uint8Array(expected.bytes);
		let at = 0;
		for (const part of parts) {
			bytes.set(part, at);
			at += part.length;
		}
		return bytes;
	}
}

async function readManifest(zip: BackupZip, schemaVersion: number): Promise<BackupManifest> {
	const entry = zip.find(MANIFEST_FILE);
	if (!entry) zip.fail(`has no ${MANIFEST_FILE}: it is not a Benchtop backup`);
	let json: Record<string, unknown>;
	try {
		json = JSON.parse(new TextDecoder().decode(await zip.read(entry, BACKUP_LIMITS.manifestBytes)));
	} catch (error) {
		if (error instanceof BenchtopError) throw error;
		zip.fail(`its ${MANIFEST_FILE} is not JSON: it is not a Benchtop backup`);
	}
	if (json?.format !== BACKUP_FORMAT)
		zip.fail(
			`its ${MANIFEST_FILE} says format ${JSON.stringify(json?.format) ?? 'nothing'}, not "${BACKUP_FORMAT}": it is not a Benchtop backup`
		);
	if (typeof json.version !== 'number' || json.version > BACKUP_VERSION)
		zip.fail(
			`it is backup format ${String(json.version)}; this Benchtop reads format ${BACKUP_VERSION}: update Benchtop to import it`,
			'newer-version'
		);
	if (typeof json.schemaVersion !== 'number' || json.schemaVersion > schemaVersion)
		zip.fail(
			`it was written from storage schema ${String(json.schemaVersion)}; this Benchtop has schema ${schemaVersion}: update Benchtop to import it`,
			'newer-version'
		);
	try {
		return parseManifestShape(json);
	} catch (error) {
		return zip.fail(`its ${(error as Error).message}`);
	}
}

/**
 * Every check, then the decoded records. `stores`: the object stores this Benchtop has (records for any
 * other store are refused); `schemaVersion`: its storage schema version. `source`: the file (read by
 * slices) or its bytes.
 */
export async function readBackup(
	source: Blob | Uint8Array | BackupFile,
	label: string,
	stores: readonly string[],
	schemaVersion: number
): Promise<CheckedBackup> {
	const file = source instanceof Blob || source instanceof Uint8Array ? backupFile(source) : source;
	// Typed out: a `never` method narrows only through an explicitly typed name.
	const zip: BackupZip = await BackupZip.open(file, label);
	const manifest = await readManifest(zip, schemaVersion);
	const listed = new Map(manifest.entries.map((e) => [e.path, e]));
	if (listed.size !== manifest.entries.length) zip.fail('its manifest lists an entry twice');
	for (const entry of zip.entries)
		if (entry.name !== MANIFEST_FILE && !listed.has(entry.name))
			zip.fail(`the entry “${entry.name}” is not in its manifest`);

	// Every entry streamed past its size and hash; records kept (small JSON), binaries only located.
	const recordJson = new Map<string, Uint8Array>();
	const binaries = new Map<string, ZipEntry>();
	for (const [path, expected] of listed) {
		if (climbsOut(path)) zip.fail(`its manifest names “${path}”, a path that climbs out`);
		if (!ENTRY_PATH.test(path)) zip.fail(`its manifest names “${path}”, which is not a backup entry`);
		const entry = zip.find(path);
		if (!entry) zip.fail(`its manifest lists “${path}”, but the archive has no such entry`);
		if (path.startsWith('records/')) {
			const parts: Uint8Array[] = [];
			await zip.check(entry, expected, (chunk) => parts.push(chunk.slice()));
			recordJson.set(path, join(parts, expected.bytes));
		} else {
			await zip.check(entry, expected);
			binaries.set(path, entry);
		}
	}

	const parsed: { store: string; path: string; json: unknown }[] = [];
	const wanted = new Map<string, 'Blob' | 'bytes'>();
	const decoder = new TextDecoder();
	for (const [path, bytes] of recordJson) {
		const store = /^records\/([^/]+)\/\d+\.json$/.exec(path)![1]!;
		if (!stores.includes(store))
			zip.fail(
				`it holds records of a store “${store}” this Benchtop does not have: update Benchtop to import it`,
				'newer-version'
			);
		let json: unknown;
		try {
			json = JSON.parse(decoder.decode(bytes));
		} catch {
			zip.fail(`“${path}” is not JSON`);
		}
		if (typeof json !== 'object' || json === null || typeof (json as { id?: unknown }).id !== 'string')
			zip.fail(`“${path}” is not a record with a text id`);
		for (const ref of binaryRefs(json)) {
			if (!binaries.has(ref.path) || !ref.path.startsWith('binary/'))
				zip.fail(`“${path}” refers to “${ref.path}”, which the backup does not hold`);
			// Bytes win: a path read as bytes anywhere is read as bytes (and a Blob made from them).
			wanted.set(ref.path, ref.type === 'Blob' && wanted.get(ref.path) !== 'bytes' ? 'Blob' : 'bytes');
		}
		parsed.push({ store, path, json });
	}
	const counts: Record<string, number> = {};
	for (const { store } of parsed) counts[store] = (counts[store] ?? 0) + 1;
	for (const [store, expected] of Object.entries(manifest.stores))
		if ((counts[store] ?? 0) !== expected)
			zip.fail(`its manifest counts ${n(expected)} ${store} records; it holds ${n(counts[store] ?? 0)}`);

	// Everything has passed: the binaries the records use, one at a time.
	const parts = new Map<string, Uint8Array | Blob>();
	for (const [path, as] of wanted)
		parts.set(path, await zip.binary(binaries.get(path)!, listed.get(path)!, as));
	const records: Record<string, Record<string, unknown>[]> = {};
	for (const { store, path, json } of parsed) {
		let record: unknown;
		try {
			record = decodeRecord(json, (p) => parts.get(p)!);
		} catch (error) {
			zip.fail(`“${path}”: ${(error as Error).message}`);
		}
		(records[store] ??= []).push(record as Record<string, unknown>);
	}
	return { manifest, records };
}

function join(parts: readonly Uint8Array[], size: number): Uint8Array {
	const out = new Uint8Array(size);
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}
