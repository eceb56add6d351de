// Reads a model .zip without trusting it: the central directory is read first (entry count capped before
// anything else), then only the entries the model needs are inflated, streamed through fflate's Inflate
// in small chunks, counting what comes out and stopping at each entry's cap, the total cap and the
// compression ratio a model file could have. A zip bomb is refused after a few kilobytes, never
// inflated; memory stays at the size of what the model really needs.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Inflate } from 'fflate';
import { BenchtopError } from '../lib/core/errors.ts';
import { MAX_PARAMETERS } from '../lib/core/models/model-artifact-check.ts';

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

interface ZipEntry {
	name: string;
	method: number;
	flags: number;
	compressedSize: number;
	size: number;
	localOffset: number;
}

const count = (n: number) => n.toLocaleString('en');

export class ModelZip {
	readonly entries: ZipEntry[];
	private inflated = 0;

	private constructor(
		private readonly path: string,
		private readonly fd: number,
		private readonly fileSize: number
	) {
		this.entries = this.readDirectory();
	}

	static open(path: string): ModelZip {
		const fd = openSync(path, 'r');
		try {
			return new ModelZip(path, fd, fstatSync(fd).size);
		} catch (error) {
			closeSync(fd);
			throw error;
		}
	}

	close(): void {
		closeSync(this.fd);
	}

	/** "<zip> is not a readable .zip file …": about the archive. */
	private fail(why: string): never {
		throw new BenchtopError('bad-input', `${this.path} ${why}`);
	}

	/** "<zip>: <entry> in the .zip is …": about one entry. */
	private failEntry(what: string, why: string): never {
		throw new BenchtopError('bad-input', `${this.path}: ${what} ${why}`);
	}

	private bytes(offset: number, length: number): Buffer {
		const buffer = Buffer.alloc(length);
		const read = readSync(this.fd, buffer, 0, length, offset);
		if (read !== length) this.fail('is cut short (an entry runs past the end of the file)');
		return buffer;
	}

	/** The end-of-central-directory record, then the directory: names, sizes and where each entry is. */
	private readDirectory(): ZipEntry[] {
		const tail = Math.min(this.fileSize, 22 + 0xffff);
		if (tail < 22) this.fail('is not a readable .zip file (too short to hold a zip directory)');
		const end = this.bytes(this.fileSize - tail, tail);
		let at = -1;
		for (let i = tail - 22; i >= 0; i--)
			if (end.readUInt32LE(i) === 0x06054b50) {
				at = i;
				break;
			}
		if (at < 0) this.fail('is not a readable .zip file (no zip directory at its end)');
		const total = end.readUInt16LE(at + 10);
		const size = end.readUInt32LE(at + 12);
		const offset = end.readUInt32LE(at + 16);
		if (total === 0xffff || offset === 0xffffffff)
			this.fail('is a ZIP64 archive; a model .zip is small enough for a plain zip');
		if (total > ZIP_LIMITS.entries)
			this.fail(
				`holds ${count(total)} entries; a model .zip has at most ${count(ZIP_LIMITS.entries)} (a model is three files)`
			);
		if (offset + size > this.fileSize)
			this.fail('is not a readable .zip file (its directory points past its end)');
		const directory = this.bytes(offset, size);
		const entries: ZipEntry[] = [];
		let p = 0;
		for (let i = 0; i < total; i++) {
			if (p + 46 > directory.length || directory.readUInt32LE(p) !== 0x02014b50)
				this.fail('is not a readable .zip file (its directory is damaged)');
			const nameLength = directory.readUInt16LE(p + 28);
			const extra = directory.readUInt16LE(p + 30);
			const comment = directory.readUInt16LE(p + 32);
			entries.push({
				flags: directory.readUInt16LE(p + 8),
				method: directory.readUInt16LE(p + 10),
				compressedSize: directory.readUInt32LE(p + 20),
				size: directory.readUInt32LE(p + 24),
				localOffset: directory.readUInt32LE(p + 42),
				name: directory.toString('utf8', p + 46, p + 46 + nameLength)
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
		if (local.readUInt32LE(0) !== 0x04034b50) this.failEntry(what, `is damaged (no local header)`);
		const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
		if (start + entry.compressedSize > this.fileSize) this.failEntry(what, `runs past the end of the file`);

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
