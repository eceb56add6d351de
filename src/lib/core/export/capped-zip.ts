// Reads a .zip without trusting it, from any source of bytes, synchronous (a file descriptor in the CLI,
// an array in the page) or not (a File the person picked, read by slices): the central directory first
// (entry count capped before anything else), then only the entries wanted, streamed through fflate's
// Inflate in small chunks, counting what comes out and stopping at each entry's cap, the total cap and
// the compression ratio. A zip bomb is refused after a few kilobytes, never inflated.
//
// One implementation for every reader (a model .zip, a workspace backup): the reading is written once as
// generators that ask for byte ranges (`ZipRead`), and `runSync` / `runAsync` answer them from a
// synchronous or an asynchronous source. What went wrong is a `ZipProblem`; each format words it
// (`ZipWording`), so a model .zip and a backup keep their own messages.
import { Inflate } from 'fflate';
import { BenchtopError } from '../errors.ts';
import { MAX_PARAMETERS } from '../models/model-artifact-check.ts';

const MiB = 1024 * 1024;

/** The caps a reader applies. */
export interface ZipCaps {
	/** Entries in the archive. */
	entries: number;
	/** Inflated bytes of all entries read together. */
	totalBytes: number;
	/** Inflated ÷ compressed size an entry may have… */
	ratio: number;
	/** …once it is at least this large (smaller entries cannot harm, whatever their ratio). */
	ratioFrom: number;
}

export const ZIP_LIMITS = {
	/** Entries in the archive: a model is three files; a folder of them zipped by hand has a few more. */
	entries: 1000,
	/** Inflated bytes of all entries read together: the largest weights plus the JSON files. */
	totalBytes: MAX_PARAMETERS * 4 + 64 * MiB,
	/**
	 * Inflated ÷ compressed size an entry may claim: float32 weights barely compress (about 1.1:1) and
	 * JSON rarely passes 20:1; zip bombs claim 1,000:1 and more. Entries under 1 MiB are too small to harm.
	 */
	ratio: 200,
	ratioFrom: MiB
} as const satisfies ZipCaps;

/**
 * Compressed bytes fed to the inflater at a time: zeros inflate about 1,000:1, so a larger chunk would let
 * one push make tens of megabytes before a cap is seen; 4 KiB makes at most about 4 MiB.
 */
const CHUNK = 4 * 1024;
/** Compressed bytes asked of the source at a time (then fed to the inflater CHUNK by CHUNK). */
export const ZIP_READ_BYTES = 256 * 1024;
/** The end-of-directory record and the longest comment a zip may end with. */
const TAIL = 22 + 0xffff;

/** Random access to the archive's bytes: a file descriptor in Node, an array in the page. */
export interface ZipBytes {
	size: number;
	/** Exactly `length` bytes from `offset`, or fewer when the source ends first. */
	read(offset: number, length: number): Uint8Array;
}

/** The same, answered later: a File or Blob read by slices. */
export interface AsyncZipBytes {
	size: number;
	read(offset: number, length: number): Promise<Uint8Array>;
}

export interface ZipEntry {
	name: string;
	method: number;
	flags: number;
	compressedSize: number;
	size: number;
	localOffset: number;
}

/** What was wrong, for the format reading the zip to put in its own words. `declared`: the directory
 * said so; otherwise it was found while inflating (the directory lied). */
export type ZipProblem =
	| { kind: 'too-short' }
	| { kind: 'no-directory' }
	| { kind: 'zip64' }
	| { kind: 'too-many-entries'; entries: number; cap: number }
	| { kind: 'directory-past-end' }
	| { kind: 'directory-damaged' }
	| { kind: 'cut-short' }
	| { kind: 'climbs-out'; entry: string }
	| { kind: 'duplicate'; entry: string }
	| { kind: 'encrypted'; entry: string }
	| { kind: 'method'; entry: string; method: number }
	| { kind: 'entry-too-large'; entry: string; size: number; cap: number; declared: boolean }
	| { kind: 'ratio'; entry: string; size: number; compressed: number; cap: number; declared: boolean }
	| { kind: 'total-too-large'; cap: number; declared: boolean }
	| { kind: 'no-local-header'; entry: string }
	| { kind: 'entry-past-end'; entry: string }
	| { kind: 'does-not-inflate'; entry: string; reason: string }
	| { kind: 'no-data'; entry: string }
	| { kind: 'entry-cut-short'; entry: string };

/** A format's message for each problem; thrown as a `bad-input` BenchtopError. */
export type ZipWording = (problem: ZipProblem) => string;

/** One byte range asked of the source; the generator gets back the bytes (fewer at the end of it). */
export interface ZipRead {
	offset: number;
	length: number;
}
export type ZipStep<T> = Generator<ZipRead, T, Uint8Array>;

/** Answers a step's reads from a synchronous source. */
export function runSync<T>(step: ZipStep<T>, source: ZipBytes): T {
	let next = step.next();
	while (!next.done) next = step.next(source.read(next.value.offset, next.value.length));
	return next.value;
}

/** Answers a step's reads from an asynchronous source, one read at a time. */
export async function runAsync<T>(step: ZipStep<T>, source: AsyncZipBytes): Promise<T> {
	let next = step.next();
	while (!next.done) next = step.next(await source.read(next.value.offset, next.value.length));
	return next.value;
}

/** The bytes of an array as a ZipBytes source. */
export function arrayZipBytes(bytes: Uint8Array): ZipBytes {
	return {
		size: bytes.byteLength,
		read: (offset, length) => bytes.subarray(offset, Math.min(bytes.byteLength, offset + length))
	};
}

/** A File or Blob as an asynchronous source: each read is a slice, never the whole file. */
export function blobZipBytes(blob: Blob): AsyncZipBytes {
	return {
		size: blob.size,
		read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer())
	};
}

/** A path that would leave the folder it is unpacked into (or name a drive or a device). */
export function climbsOut(path: string): boolean {
	return (
		path.startsWith('/') ||
		path.startsWith('\\') ||
		/^[A-Za-z]:/.test(path) ||
		path.split(/[\\/]/).some((part) => part === '..') ||
		path.includes('\0')
	);
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

function refuse(wording: ZipWording, problem: ZipProblem): never {
	throw new BenchtopError('bad-input', wording(problem));
}

/** `length` bytes from `offset`, refused as cut short when the source ends first. */
function* exactly(offset: number, length: number, wording: ZipWording): ZipStep<Uint8Array> {
	const bytes = yield { offset, length };
	if (bytes.byteLength !== length) refuse(wording, { kind: 'cut-short' });
	return bytes;
}

/** The end-of-central-directory record, then the directory: names, sizes and where each entry is. */
export function* readDirectory(size: number, caps: ZipCaps, wording: ZipWording): ZipStep<ZipEntry[]> {
	const tail = Math.min(size, TAIL);
	if (tail < 22) refuse(wording, { kind: 'too-short' });
	const end = yield* exactly(size - tail, tail, wording);
	let at = -1;
	for (let i = tail - 22; i >= 0; i--)
		if (u32(end, i) === 0x06054b50) {
			at = i;
			break;
		}
	if (at < 0) refuse(wording, { kind: 'no-directory' });
	const total = u16(end, at + 10);
	const length = u32(end, at + 12);
	const offset = u32(end, at + 16);
	if (total === 0xffff || offset === 0xffffffff) refuse(wording, { kind: 'zip64' });
	if (total > caps.entries) refuse(wording, { kind: 'too-many-entries', entries: total, cap: caps.entries });
	if (offset + length > size) refuse(wording, { kind: 'directory-past-end' });
	const directory = yield* exactly(offset, length, wording);
	const decoder = new TextDecoder();
	const entries: ZipEntry[] = [];
	let p = 0;
	for (let i = 0; i < total; i++) {
		if (p + 46 > directory.length || u32(directory, p) !== 0x02014b50)
			refuse(wording, { kind: 'directory-damaged' });
		const nameLength = u16(directory, p + 28);
		entries.push({
			flags: u16(directory, p + 8),
			method: u16(directory, p + 10),
			compressedSize: u32(directory, p + 20),
			size: u32(directory, p + 24),
			localOffset: u32(directory, p + 42),
			name: decoder.decode(directory.subarray(p + 46, p + 46 + nameLength))
		});
		p += 46 + nameLength + u16(directory, p + 30) + u16(directory, p + 32);
	}
	return entries;
}

/** What the directory says of one entry: encryption, method, declared size against `maxBytes`, ratio. */
export function checkDeclared(entry: ZipEntry, maxBytes: number, caps: ZipCaps, wording: ZipWording): void {
	if (entry.flags & 1) refuse(wording, { kind: 'encrypted', entry: entry.name });
	if (entry.method !== 0 && entry.method !== 8)
		refuse(wording, { kind: 'method', entry: entry.name, method: entry.method });
	if (entry.size > maxBytes)
		refuse(wording, {
			kind: 'entry-too-large',
			entry: entry.name,
			size: entry.size,
			cap: maxBytes,
			declared: true
		});
	if (entry.size >= caps.ratioFrom && entry.size > caps.ratio * Math.max(1, entry.compressedSize))
		refuse(wording, {
			kind: 'ratio',
			entry: entry.name,
			size: entry.size,
			compressed: entry.compressedSize,
			cap: caps.ratio,
			declared: true
		});
}

/**
 * Every entry checked from the directory alone, before any is read: paths that climb out, names given
 * twice, then `checkDeclared` against `maxEntryBytes`, and the declared total.
 */
export function checkDirectory(
	entries: readonly ZipEntry[],
	maxEntryBytes: number,
	caps: ZipCaps,
	wording: ZipWording
): void {
	const seen = new Set<string>();
	let total = 0;
	for (const entry of entries) {
		if (climbsOut(entry.name)) refuse(wording, { kind: 'climbs-out', entry: entry.name });
		if (seen.has(entry.name)) refuse(wording, { kind: 'duplicate', entry: entry.name });
		seen.add(entry.name);
		checkDeclared(entry, maxEntryBytes, caps, wording);
		total += entry.size;
		if (total > caps.totalBytes)
			refuse(wording, { kind: 'total-too-large', cap: caps.totalBytes, declared: true });
	}
}

/** Where an entry's (compressed) data starts: after its local header, which is checked. */
export function* dataStart(entry: ZipEntry, archiveSize: number, wording: ZipWording): ZipStep<number> {
	const local = yield* exactly(entry.localOffset, 30, wording);
	if (u32(local, 0) !== 0x04034b50) refuse(wording, { kind: 'no-local-header', entry: entry.name });
	const start = entry.localOffset + 30 + u16(local, 26) + u16(local, 28);
	if (start + entry.compressedSize > archiveSize)
		refuse(wording, { kind: 'entry-past-end', entry: entry.name });
	return start;
}

/** Inflated bytes counted across the entries of one archive (the total cap). */
export interface InflatedCount {
	bytes: number;
}

/**
 * Streams one entry: `onChunk` gets its inflated bytes in order, each cap counted as they come out, so an
 * entry whose directory lies about its size is stopped all the same. Memory stays at one read and one
 * inflated chunk.
 */
export function* streamEntry(
	entry: ZipEntry,
	archiveSize: number,
	maxBytes: number,
	caps: ZipCaps,
	count: InflatedCount,
	wording: ZipWording,
	onChunk: (chunk: Uint8Array) => void
): ZipStep<void> {
	const name = entry.name;
	checkDeclared(entry, maxBytes, caps, wording);
	const start = yield* dataStart(entry, archiveSize, wording);

	let size = 0;
	const take = (chunk: Uint8Array) => {
		size += chunk.length;
		count.bytes += chunk.length;
		if (size > maxBytes)
			refuse(wording, { kind: 'entry-too-large', entry: name, size, cap: maxBytes, declared: false });
		if (count.bytes > caps.totalBytes)
			refuse(wording, { kind: 'total-too-large', cap: caps.totalBytes, declared: false });
		if (size >= caps.ratioFrom && size > caps.ratio * Math.max(1, entry.compressedSize))
			refuse(wording, {
				kind: 'ratio',
				entry: name,
				size,
				compressed: entry.compressedSize,
				cap: caps.ratio,
				declared: false
			});
		onChunk(chunk);
	};
	let finished = false;
	const inflate =
		entry.method === 8
			? new Inflate((chunk, final) => {
					take(chunk);
					if (final) finished = true;
				})
			: undefined;
	for (let done = 0; done < entry.compressedSize;) {
		const length = Math.min(ZIP_READ_BYTES, entry.compressedSize - done);
		const read = yield* exactly(start + done, length, wording);
		for (let at = 0; at < read.length; at += CHUNK) {
			const chunk = read.subarray(at, Math.min(read.length, at + CHUNK));
			if (!inflate) take(chunk);
			else {
				try {
					inflate.push(chunk, done + at + chunk.length >= entry.compressedSize);
				} catch (error) {
					if (error instanceof BenchtopError) throw error;
					refuse(wording, { kind: 'does-not-inflate', entry: name, reason: (error as Error).message });
				}
			}
		}
		done += length;
	}
	if (inflate && entry.compressedSize === 0) refuse(wording, { kind: 'no-data', entry: name });
	if (inflate && !finished) refuse(wording, { kind: 'entry-cut-short', entry: name });
}

/** `streamEntry` gathered into one array (for entries the caller needs whole). */
export function* readEntry(
	entry: ZipEntry,
	archiveSize: number,
	maxBytes: number,
	caps: ZipCaps,
	count: InflatedCount,
	wording: ZipWording
): ZipStep<Uint8Array> {
	const parts: Uint8Array[] = [];
	let size = 0;
	yield* streamEntry(entry, archiveSize, maxBytes, caps, count, wording, (chunk) => {
		// fflate reuses nothing it hands out, but a stored entry's chunk is a view on the source's read.
		parts.push(chunk.slice());
		size += chunk.length;
	});
	const out = new Uint8Array(size);
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}

const count = (n: number) => n.toLocaleString('en');

/** A model .zip's words for each problem (the CLI's and the studio's import messages). */
function modelZipWording(label: string, needs = ''): ZipWording {
	const entry = (name: string, why: string) => `${label}: ${name} in the .zip ${why}`;
	return (problem) => {
		switch (problem.kind) {
			case 'too-short':
				return `${label} is not a readable .zip file (too short to hold a zip directory)`;
			case 'no-directory':
				return `${label} is not a readable .zip file (no zip directory at its end)`;
			case 'zip64':
				return `${label} is a ZIP64 archive; a model .zip is small enough for a plain zip`;
			case 'too-many-entries':
				return `${label} holds ${count(problem.entries)} entries; a model .zip has at most ${count(problem.cap)} (a model is three files)`;
			case 'directory-past-end':
				return `${label} is not a readable .zip file (its directory points past its end)`;
			case 'directory-damaged':
				return `${label} is not a readable .zip file (its directory is damaged)`;
			case 'cut-short':
				return `${label} is cut short (an entry runs past the end of the file)`;
			case 'climbs-out':
				return entry(problem.entry, 'has a path that climbs out of the folder it would be unpacked into');
			case 'duplicate':
				return entry(problem.entry, 'appears twice');
			case 'encrypted':
				return entry(problem.entry, 'is encrypted; a model .zip is not');
			case 'method':
				return entry(
					problem.entry,
					`uses compression method ${problem.method}; only stored and deflated entries are read`
				);
			case 'entry-too-large':
				return entry(
					problem.entry,
					`${problem.declared ? `declares ${count(problem.size)} bytes` : `inflates past ${count(problem.cap)} bytes`}; ${needs} at most ${count(problem.cap)} bytes: it is not read`
				);
			case 'ratio':
				return problem.declared
					? entry(
							problem.entry,
							`would inflate ${count(problem.compressed)} bytes to ${count(problem.size)}, a ratio of ${count(Math.round(problem.size / Math.max(1, problem.compressed)))}:1, past the ${problem.cap}:1 any model file has: it looks like a zip bomb and is not read`
						)
					: entry(
							problem.entry,
							`inflates ${count(problem.compressed)} bytes to more than ${count(problem.size)}, past the ${problem.cap}:1 ratio any model file has: it looks like a zip bomb and is not read`
						);
			case 'total-too-large':
				return `${label} has entries that ${problem.declared ? 'declare' : 'inflate to'} more than ${count(problem.cap)} bytes together, more than any model: it is not read`;
			case 'no-local-header':
				return entry(problem.entry, 'is damaged (no local header)');
			case 'entry-past-end':
				return entry(problem.entry, 'runs past the end of the file');
			case 'does-not-inflate':
				return entry(problem.entry, `does not inflate: ${problem.reason}`);
			case 'no-data':
				return entry(problem.entry, 'is damaged (no compressed data)');
			case 'entry-cut-short':
				return entry(problem.entry, 'is cut short');
		}
	};
}

/** A model .zip read synchronously: its directory on construction, then the entries asked for. */
export class CappedZip {
	readonly entries: ZipEntry[];
	private readonly inflated: InflatedCount = { bytes: 0 };

	/** `label` names the archive in messages (its path, or the file's name). */
	constructor(
		private readonly source: ZipBytes,
		private readonly label: string
	) {
		this.entries = runSync(readDirectory(source.size, ZIP_LIMITS, modelZipWording(label)), source);
	}

	find(name: string): ZipEntry | undefined {
		return this.entries.find((entry) => entry.name === name);
	}

	/**
	 * The entry's bytes, refused when it would inflate past `maxBytes` (what `needs` says it should be),
	 * past the total cap or past the compression ratio; exceeded caps are found while streaming, so an
	 * entry whose directory lies about its size is stopped all the same.
	 */
	read(entry: ZipEntry, maxBytes: number, needs: string): Uint8Array {
		const wording = modelZipWording(this.label, needs);
		return runSync(
			readEntry(entry, this.source.size, maxBytes, ZIP_LIMITS, this.inflated, wording),
			this.source
		);
	}
}
