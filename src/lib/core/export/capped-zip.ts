// Reads a model .zip without trusting it, from any source of bytes (a file the CLI opens, the bytes of a
// file dropped on the studio): the central directory is read first (entry count capped before anything
// else), then only the entries the model needs are inflated, streamed through fflate's Inflate in small
// chunks, counting what comes out and stopping at each entry's cap, the total cap and the compression
// ratio a model file could have. A zip bomb is refused after a few kilobytes, never inflated; memory stays
// at the size of what the model really needs.
import { Inflate } from 'fflate';
import { BenchtopError } from '../errors.ts';
import { MAX_PARAMETERS } from '../models/model-artifact-check.ts';

const MiB = 1024 * 1024;

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
} as const;

/**
 * Compressed bytes fed to the inflater at a time: zeros inflate about 1,000:1, so a larger chunk would let
 * one push make tens of megabytes before a cap is seen; 4 KiB makes at most about 4 MiB.
 */
const CHUNK = 4 * 1024;

/** Random access to the archive's bytes: a file descriptor in Node, an array in the page. */
export interface ZipBytes {
	size: number;
	/** Exactly `length` bytes from `offset`, or fewer when the source ends first. */
	read(offset: number, length: number): Uint8Array;
}

export interface ZipEntry {
	name: string;
	method: number;
	flags: number;
	compressedSize: number;
	size: number;
	localOffset: number;
}

const count = (n: number) => n.toLocaleString('en');

/** The bytes of an array as a ZipBytes source. */
export function arrayZipBytes(bytes: Uint8Array): ZipBytes {
	return {
		size: bytes.byteLength,
		read: (offset, length) => bytes.subarray(offset, Math.min(bytes.byteLength, offset + length))
	};
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

export class CappedZip {
	readonly entries: ZipEntry[];
	private inflated = 0;

	/** `label` names the archive in messages (its path, or the file's name). */
	constructor(
		private readonly source: ZipBytes,
		private readonly label: string
	) {
		this.entries = this.readDirectory();
	}

	/** "<zip> is not a readable .zip file …": about the archive. */
	private fail(why: string): never {
		throw new BenchtopError('bad-input', `${this.label} ${why}`);
	}

	/** "<zip>: <entry> in the .zip is …": about one entry. */
	private failEntry(what: string, why: string): never {
		throw new BenchtopError('bad-input', `${this.label}: ${what} ${why}`);
	}

	private bytes(offset: number, length: number): Uint8Array {
		const bytes = this.source.read(offset, length);
		if (bytes.byteLength !== length) this.fail('is cut short (an entry runs past the end of the file)');
		return bytes;
	}

	/** The end-of-central-directory record, then the directory: names, sizes and where each entry is. */
	private readDirectory(): ZipEntry[] {
		const fileSize = this.source.size;
		const tail = Math.min(fileSize, 22 + 0xffff);
		if (tail < 22) this.fail('is not a readable .zip file (too short to hold a zip directory)');
		const end = this.bytes(fileSize - tail, tail);
		let at = -1;
		for (let i = tail - 22; i >= 0; i--)
			if (u32(end, i) === 0x06054b50) {
				at = i;
				break;
			}
		if (at < 0) this.fail('is not a readable .zip file (no zip directory at its end)');
		const total = u16(end, at + 10);
		const size = u32(end, at + 12);
		const offset = u32(end, at + 16);
		if (total === 0xffff || offset === 0xffffffff)
			this.fail('is a ZIP64 archive; a model .zip is small enough for a plain zip');
		if (total > ZIP_LIMITS.entries)
			this.fail(
				`holds ${count(total)} entries; a model .zip has at most ${count(ZIP_LIMITS.entries)} (a model is three files)`
			);
		if (offset + size > fileSize)
			this.fail('is not a readable .zip file (its directory points past its end)');
		const directory = this.bytes(offset, size);
		const decoder = new TextDecoder();
		const entries: ZipEntry[] = [];
		let p = 0;
		for (let i = 0; i < total; i++) {
			if (p + 46 > directory.length || u32(directory, p) !== 0x02014b50)
				this.fail('is not a readable .zip file (its directory is damaged)');
			const nameLength = u16(directory, p + 28);
			const extra = u16(directory, p + 30);
			const comment = u16(directory, p + 32);
			entries.push({
				flags: u16(directory, p + 8),
				method: u16(directory, p + 10),
				compressedSize: u32(directory, p + 20),
				size: u32(directory, p + 24),
				localOffset: u32(directory, p + 42),
				name: decoder.decode(directory.subarray(p + 46, p + 46 + nameLength))
			});
			p += 46 + nameLength + extra + comment;
		}
		return entries;
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
		const what = `${entry.name} in the .zip`;
		if (entry.flags & 1) this.failEntry(what, `is encrypted; a model .zip is not`);
		if (entry.method !== 0 && entry.method !== 8)
			this.failEntry(
				what,
				`uses compression method ${entry.method}; only stored and deflated entries are read`
			);
		if (entry.size > maxBytes) this.tooLarge(what, `declares ${count(entry.size)} bytes`, maxBytes, needs);
		if (
			entry.size >= ZIP_LIMITS.ratioFrom &&
			entry.size > ZIP_LIMITS.ratio * Math.max(1, entry.compressedSize)
		)
			this.failEntry(
				what,
				`would inflate ${count(entry.compressedSize)} bytes to ${count(entry.size)}, a ratio of ${count(Math.round(entry.size / Math.max(1, entry.compressedSize)))}:1, past the ${ZIP_LIMITS.ratio}:1 any model file has: it looks like a zip bomb and is not read`
			);
		const local = this.bytes(entry.localOffset, 30);
		if (u32(local, 0) !== 0x04034b50) this.failEntry(what, `is damaged (no local header)`);
		const start = entry.localOffset + 30 + u16(local, 26) + u16(local, 28);
		if (start + entry.compressedSize > this.source.size)
			this.failEntry(what, `runs past the end of the file`);

		const parts: Uint8Array[] = [];
		let size = 0;
		const take = (chunk: Uint8Array) => {
			size += chunk.length;
			this.inflated += chunk.length;
			if (size > maxBytes) this.tooLarge(what, `inflates past ${count(maxBytes)} bytes`, maxBytes, needs);
			if (this.inflated > ZIP_LIMITS.totalBytes)
				this.fail(
					`has entries that inflate to more than ${count(ZIP_LIMITS.totalBytes)} bytes together, more than any model: it is not read`
				);
			if (size >= ZIP_LIMITS.ratioFrom && size > ZIP_LIMITS.ratio * Math.max(1, entry.compressedSize))
				this.failEntry(
					what,
					`inflates ${count(entry.compressedSize)} bytes to more than ${count(size)}, past the ${ZIP_LIMITS.ratio}:1 ratio any model file has: it looks like a zip bomb and is not read`
				);
			parts.push(chunk.slice());
		};
		let finished = false;
		const inflate =
			entry.method === 8
				? new Inflate((chunk, final) => {
						take(chunk);
						if (final) finished = true;
					})
				: undefined;
		for (let done = 0; done < entry.compressedSize; done += CHUNK) {
			const length = Math.min(CHUNK, entry.compressedSize - done);
			const chunk = this.bytes(start + done, length);
			const last = done + length >= entry.compressedSize;
			if (!inflate) take(chunk);
			else {
				try {
					inflate.push(chunk, last);
				} catch (error) {
					if (error instanceof BenchtopError) throw error;
					this.failEntry(what, `does not inflate: ${(error as Error).message}`);
				}
			}
		}
		if (inflate && entry.compressedSize === 0) this.failEntry(what, `is damaged (no compressed data)`);
		if (inflate && !finished) this.failEntry(what, `is cut short`);
		const out = new Uint8Array(size);
		let offset = 0;
		for (const part of parts) {
			out.set(part, offset);
			offset += part.length;
		}
		return out;
	}

	private tooLarge(what: string, found: string, maxBytes: number, needs: string): never {
		this.failEntry(what, `${found}; ${needs} at most ${count(maxBytes)} bytes: it is not read`);
	}
}
