// Reads and checks a whole backup before anything is written: the zip directory first (entry count,
// paths that climb out, declared sizes, total and compression ratio), then the manifest (format, format
// version, schema version), then every entry inflated in small chunks with the caps counted as it grows,
// its size and SHA-256 against the manifest, and every record decoded. Any failure throws one specific
// message; nothing is returned half-checked.
import { Inflate } from 'fflate';
import { BenchtopError } from '../errors.ts';
import { sha256Hex } from '../registry/content-hash.ts';
import {
	BACKUP_FORMAT,
	BACKUP_LIMITS,
	BACKUP_VERSION,
	ENTRY_PATH,
	MANIFEST_FILE,
	climbsOut,
	parseManifestShape,
	type BackupManifest
} from './backup-format.ts';
import { binaryPaths, decodeRecord } from './record-codec.ts';

export interface CheckedBackup {
	manifest: BackupManifest;
	/** Store name → its records, decoded (binaries rebuilt), in the order written. */
	records: Record<string, Record<string, unknown>[]>;
}

interface Entry {
	name: string;
	method: number;
	flags: number;
	compressedSize: number;
	size: number;
	localOffset: number;
}

const n = (x: number) => x.toLocaleString('en');
const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
/** Compressed bytes inflated at a time: zeros inflate about 1,000:1, so a cap is seen within ~4 MiB. */
const CHUNK = 4096;

export class BackupReader {
	readonly entries: Entry[];
	private inflated = 0;

	constructor(
		private readonly bytes: Uint8Array,
		private readonly label: string
	) {
		this.entries = this.directory();
	}

	fail(why: string, code: 'bad-input' | 'newer-version' = 'bad-input'): never {
		throw new BenchtopError(code, `${this.label}: ${why}`);
	}

	private directory(): Entry[] {
		const b = this.bytes;
		const tail = Math.min(b.length, 22 + 0xffff);
		if (tail < 22) this.fail('is not a .zip file (too short to hold a zip directory)');
		let at = -1;
		for (let i = b.length - 22; i >= b.length - tail; i--)
			if (u32(b, i) === 0x06054b50) {
				at = i;
				break;
			}
		if (at < 0) this.fail('is not a .zip file (no zip directory at its end)');
		const total = u16(b, at + 10);
		const size = u32(b, at + 12);
		const offset = u32(b, at + 16);
		if (total > BACKUP_LIMITS.entries)
			this.fail(`holds ${n(total)} entries, more than the ${n(BACKUP_LIMITS.entries)} a backup may hold`);
		if (offset + size > b.length) this.fail('is damaged (its zip directory points past its end)');
		const decoder = new TextDecoder();
		const entries: Entry[] = [];
		let p = offset;
		for (let i = 0; i < total; i++) {
			if (p + 46 > offset + size || u32(b, p) !== 0x02014b50)
				this.fail('is damaged (its zip directory is broken)');
			const nameLength = u16(b, p + 28);
			entries.push({
				flags: u16(b, p + 8),
				method: u16(b, p + 10),
				compressedSize: u32(b, p + 20),
				size: u32(b, p + 24),
				localOffset: u32(b, p + 42),
				name: decoder.decode(b.subarray(p + 46, p + 46 + nameLength))
			});
			p += 46 + nameLength + u16(b, p + 30) + u16(b, p + 32);
		}
		this.checkDirectory(entries);
		return entries;
	}

	/** What the directory alone shows: paths, repeats, declared sizes, ratios and the total. */
	private checkDirectory(entries: readonly Entry[]): void {
		const seen = new Set<string>();
		let total = 0;
		for (const entry of entries) {
			if (climbsOut(entry.name))
				this.fail(
					`the entry “${entry.name}” has a path that climbs out of the folder it would be unpacked into; nothing was imported`
				);
			if (seen.has(entry.name)) this.fail(`the entry “${entry.name}” appears twice`);
			seen.add(entry.name);
			if (entry.flags & 1) this.fail(`the entry “${entry.name}” is encrypted; a backup is not`);
			if (entry.method !== 0 && entry.method !== 8)
				this.fail(
					`the entry “${entry.name}” uses compression method ${entry.method}; only stored and deflated entries are read`
				);
			this.checkSize(entry.name, entry.size, entry.compressedSize, 'declares');
			total += entry.size;
			if (total > BACKUP_LIMITS.totalBytes)
				this.fail(
					`its entries declare more than ${n(BACKUP_LIMITS.totalBytes)} bytes together, over the cap for a backup`
				);
		}
	}

	private checkSize(name: string, size: number, compressed: number, verb: string): void {
		if (size > BACKUP_LIMITS.entryBytes)
			this.fail(
				`the entry “${name}” ${verb} ${n(size)} bytes, over the ${n(BACKUP_LIMITS.entryBytes)}-byte cap for one entry`
			);
		if (size >= BACKUP_LIMITS.ratioFrom && size > BACKUP_LIMITS.ratio * Math.max(1, compressed))
			this.fail(
				`the entry “${name}” ${verb} ${n(size)} bytes from ${n(compressed)}, a compression ratio over ${BACKUP_LIMITS.ratio}:1: it looks like a zip bomb and is not read`
			);
	}

	find(name: string): Entry | undefined {
		return this.entries.find((entry) => entry.name === name);
	}

	/** The entry's bytes, inflated in chunks with every cap counted as they come out. */
	read(entry: Entry, maxBytes: number = BACKUP_LIMITS.entryBytes): Uint8Array {
		const b = this.bytes;
		if (entry.localOffset + 30 > b.length || u32(b, entry.localOffset) !== 0x04034b50)
			this.fail(`the entry “${entry.name}” is damaged (no local header)`);
		const start = entry.localOffset + 30 + u16(b, entry.localOffset + 26) + u16(b, entry.localOffset + 28);
		if (start + entry.compressedSize > b.length)
			this.fail(`the entry “${entry.name}” runs past the end of the file`);
		const data = b.subarray(start, start + entry.compressedSize);
		if (entry.method === 0) {
			this.count(entry, data.length, maxBytes);
			return data;
		}
		const parts: Uint8Array[] = [];
		let size = 0;
		const inflate = new Inflate((chunk) => {
			size += chunk.length;
			this.count(entry, size, maxBytes, chunk.length);
			parts.push(chunk.slice());
		});
		try {
			for (let done = 0; done < data.length; done += CHUNK)
				inflate.push(data.subarray(done, Math.min(data.length, done + CHUNK)), done + CHUNK >= data.length);
		} catch (error) {
			if (error instanceof BenchtopError) throw error;
			this.fail(`the entry “${entry.name}” does not inflate (${(error as Error).message})`);
		}
		const out = new Uint8Array(size);
		let at = 0;
		for (const part of parts) {
			out.set(part, at);
			at += part.length;
		}
		return out;
	}

	private count(entry: Entry, size: number, maxBytes: number, added = size): void {
		this.inflated += added;
		if (size > maxBytes)
			this.fail(`the entry “${entry.name}” inflates past ${n(maxBytes)} bytes, over its cap: it is not read`);
		this.checkSize(entry.name, size, entry.compressedSize, 'inflates to');
		if (this.inflated > BACKUP_LIMITS.totalBytes)
			this.fail(
				`its entries inflate to more than ${n(BACKUP_LIMITS.totalBytes)} bytes together, over the cap for a backup`
			);
	}
}

function readManifest(zip: BackupReader, schemaVersion: number): BackupManifest {
	const entry = zip.find(MANIFEST_FILE);
	if (!entry) zip.fail(`has no ${MANIFEST_FILE}: it is not a Benchtop backup`);
	let json: Record<string, unknown>;
	try {
		json = JSON.parse(new TextDecoder().decode(zip.read(entry, BACKUP_LIMITS.manifestBytes)));
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
 * other store are refused); `schemaVersion`: its storage schema version.
 */
export async function readBackup(
	bytes: Uint8Array,
	label: string,
	stores: readonly string[],
	schemaVersion: number
): Promise<CheckedBackup> {
	const zip: BackupReader = new BackupReader(bytes, label);
	const manifest = readManifest(zip, schemaVersion);
	const listed = new Map(manifest.entries.map((e) => [e.path, e]));
	if (listed.size !== manifest.entries.length) zip.fail('its manifest lists an entry twice');
	for (const entry of zip.entries)
		if (entry.name !== MANIFEST_FILE && !listed.has(entry.name))
			zip.fail(`the entry “${entry.name}” is not in its manifest`);
	const contents = new Map<string, Uint8Array>();
	for (const [path, expected] of listed) {
		if (climbsOut(path)) zip.fail(`its manifest names “${path}”, a path that climbs out`);
		if (!ENTRY_PATH.test(path)) zip.fail(`its manifest names “${path}”, which is not a backup entry`);
		const entry = zip.find(path);
		if (!entry) zip.fail(`its manifest lists “${path}”, but the archive has no such entry`);
		const data = zip.read(entry);
		if (data.byteLength !== expected.bytes)
			zip.fail(`“${path}” holds ${n(data.byteLength)} bytes; the manifest says ${n(expected.bytes)}`);
		const hash = await sha256Hex(data);
		if (hash !== expected.sha256)
			zip.fail(
				`“${path}” does not match its SHA-256 in the manifest (${hash.slice(0, 12)}… against ${expected.sha256.slice(0, 12)}…): the file is damaged or was changed`
			);
		contents.set(path, data);
	}
	const records: Record<string, Record<string, unknown>[]> = {};
	const decoder = new TextDecoder();
	for (const path of listed.keys()) {
		const match = /^records\/([^/]+)\/\d+\.json$/.exec(path);
		if (!match) continue;
		const store = match[1]!;
		if (!stores.includes(store))
			zip.fail(
				`it holds records of a store “${store}” this Benchtop does not have: update Benchtop to import it`,
				'newer-version'
			);
		let json: unknown;
		try {
			json = JSON.parse(decoder.decode(contents.get(path)!));
		} catch {
			zip.fail(`“${path}” is not JSON`);
		}
		if (typeof json !== 'object' || json === null || typeof (json as { id?: unknown }).id !== 'string')
			zip.fail(`“${path}” is not a record with a text id`);
		for (const binary of binaryPaths(json))
			if (!contents.has(binary) || !binary.startsWith('binary/'))
				zip.fail(`“${path}” refers to “${binary}”, which the backup does not hold`);
		let record: unknown;
		try {
			record = decodeRecord(json, (p) => contents.get(p)!);
		} catch (error) {
			zip.fail(`“${path}”: ${(error as Error).message}`);
		}
		(records[store] ??= []).push(record as Record<string, unknown>);
	}
	for (const [store, expected] of Object.entries(manifest.stores))
		if ((records[store]?.length ?? 0) !== expected)
			zip.fail(
				`its manifest counts ${n(expected)} ${store} records; it holds ${n(records[store]?.length ?? 0)}`
			);
	return { manifest, records };
}
