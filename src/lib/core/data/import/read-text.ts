// Streams a source as decoded text chunks, so a big file never has to exist twice in memory. Refuses
// binary data early with a message a person understands.
import { BenchtopError } from '../../errors.ts';

const CHUNK_BYTES = 1 << 20;
const BINARY_MESSAGE =
	'This does not look like a text table (it contains binary data). Pick a CSV, TSV, JSON, Arrow or Parquet file.';
const NOT_UTF8_MESSAGE =
	'This text is not UTF-8 (it may be Latin-1 or Windows-1252, as older Excel saves it). Save it as “CSV UTF-8” and try again.';

export interface TextChunk {
	text: string;
	bytesRead: number;
}

export function totalBytes(source: Blob | Uint8Array | string): number {
	return typeof source === 'string'
		? source.length
		: source instanceof Uint8Array
			? source.byteLength
			: source.size;
}

async function* byteChunks(source: Blob | Uint8Array): AsyncGenerator<Uint8Array> {
	const size = source instanceof Uint8Array ? source.byteLength : source.size;
	for (let offset = 0; offset < size; offset += CHUNK_BYTES) {
		const end = Math.min(size, offset + CHUNK_BYTES);
		yield source instanceof Uint8Array
			? source.subarray(offset, end)
			: new Uint8Array(await source.slice(offset, end).arrayBuffer());
	}
}

export async function* readText(
	source: Blob | Uint8Array | string,
	signal?: AbortSignal
): AsyncGenerator<TextChunk> {
	if (typeof source === 'string') {
		yield { text: source.charCodeAt(0) === 0xfeff ? source.slice(1) : source, bytesRead: source.length };
		return;
	}
	const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
	let bytesRead = 0;
	let first = true;
	for await (const bytes of byteChunks(source)) {
		if (signal?.aborted) throw new BenchtopError('aborted', 'Import cancelled.');
		if (first && bytes.subarray(0, 4096).includes(0)) throw new BenchtopError('bad-input', BINARY_MESSAGE);
		first = false;
		bytesRead += bytes.byteLength;
		let text: string;
		try {
			text = decoder.decode(bytes, { stream: true });
		} catch {
			throw new BenchtopError(
				'bad-input',
				NOT_UTF8_MESSAGE,
				`invalid UTF-8 in bytes ${bytesRead - bytes.byteLength}–${bytesRead}`
			);
		}
		yield { text, bytesRead };
	}
	try {
		const rest = decoder.decode();
		if (rest) yield { text: rest, bytesRead };
	} catch {
		throw new BenchtopError(
			'bad-input',
			NOT_UTF8_MESSAGE,
			'the file ends in the middle of a UTF-8 character'
		);
	}
}

/** The whole text, for formats that parse in one go (JSON). */
export async function readAllText(source: Blob | Uint8Array | string, signal?: AbortSignal): Promise<string> {
	const parts: string[] = [];
	for await (const chunk of readText(source, signal)) parts.push(chunk.text);
	return parts.join('');
}
