// Zip bombs for the hostile suite, made in a second or two without ever holding the inflated bytes: a
// deflate stream of zeros is one byte-aligned block repeated (each block "repeat the last byte 258 times,
// again and again", the window being all zeros), so a 3 GiB entry costs 3 MB on disk and nothing else.
// The archive is written by hand (local headers, central directory, end record), so a test can also make
// the directory lie about an entry's size.
import { writeFileSync } from 'node:fs';
import { constants, crc32, createDeflateRaw, inflateRawSync } from 'node:zlib';

const MiB = 1024 * 1024;

async function zeroBlocks(): Promise<{ first: Buffer; repeat: Buffer; end: Buffer }> {
	const zeros = Buffer.alloc(MiB);
	const stream = createDeflateRaw({ level: 9 });
	let chunks: Buffer[] = [];
	stream.on('data', (chunk: Buffer) => chunks.push(chunk));
	const flushed = () =>
		new Promise<Buffer>((resolve) =>
			stream.flush(constants.Z_SYNC_FLUSH, () => {
				const out = Buffer.concat(chunks);
				chunks = [];
				resolve(out);
			})
		);
	stream.write(zeros);
	const first = await flushed();
	stream.write(zeros);
	const repeat = await flushed();
	const end = await new Promise<Buffer>((resolve) => {
		stream.on('end', () => resolve(Buffer.concat(chunks)));
		stream.end();
	});
	// The trick holds only if the repeated block inflates to zeros after the first: check it.
	const check = inflateRawSync(Buffer.concat([first, repeat, repeat, end]));
	if (check.length !== 3 * MiB || check.some((b) => b !== 0))
		throw new Error('zero blocks do not inflate to zeros');
	return { first, repeat, end };
}

/** Raw deflate data that inflates to `mib` MiB of zeros, and that content's CRC-32. */
export async function deflatedZeros(mib: number): Promise<{ data: Buffer; crc: number; size: number }> {
	const { first, repeat, end } = await zeroBlocks();
	const data = Buffer.concat([first, ...Array<Buffer>(mib - 1).fill(repeat), end]);
	const zeros = Buffer.alloc(MiB);
	let crc = 0;
	for (let i = 0; i < mib; i++) crc = crc32(zeros, crc);
	return { data, crc, size: mib * MiB };
}

export interface ZipEntrySource {
	name: string;
	/** Stored bytes, or deflated data with the inflated size and CRC. */
	data: Buffer | Uint8Array;
	deflated?: { size: number; crc: number };
	/** What the central directory claims the inflated size is (a lie, to test streaming caps). */
	claimedSize?: number;
}

/** Writes a plain (not ZIP64) zip archive of the entries. */
export function writeZip(path: string, entries: ZipEntrySource[]): void {
	const parts: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name, 'utf8');
		const data = Buffer.from(entry.data);
		const size = entry.deflated?.size ?? data.length;
		const crc = entry.deflated?.crc ?? crc32(data);
		const method = entry.deflated ? 8 : 0;
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x800, 6);
		local.writeUInt16LE(method, 8);
		local.writeUInt32LE(crc >>> 0, 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(size, 22);
		local.writeUInt16LE(name.length, 26);
		const record = Buffer.alloc(46);
		record.writeUInt32LE(0x02014b50, 0);
		record.writeUInt16LE(20, 4);
		record.writeUInt16LE(20, 6);
		record.writeUInt16LE(0x800, 8);
		record.writeUInt16LE(method, 10);
		record.writeUInt32LE(crc >>> 0, 16);
		record.writeUInt32LE(data.length, 20);
		record.writeUInt32LE(entry.claimedSize ?? size, 24);
		record.writeUInt16LE(name.length, 28);
		record.writeUInt32LE(offset, 42);
		parts.push(local, name, data);
		central.push(record, name);
		offset += 30 + name.length + data.length;
	}
	const directory = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	writeFileSync(path, Buffer.concat([...parts, directory, end]));
}
