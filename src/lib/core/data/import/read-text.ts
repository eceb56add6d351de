// Streams a source as decoded text chunks, so a big file never exists twice in memory; picks the
// encoding from the first bytes and refuses binary data early, with a message a person understands.
import { BenchtopError } from '../../errors.ts';
import { abortIfCancelled } from './cancel.ts';
import type { ImportNotice } from './import-types.ts';

const CHUNK_BYTES = 1 << 20;
/** How much of the start decides the encoding and whether the file is text at all. */
const HEAD_BYTES = 64 * 1024;
const BINARY_PROBE_BYTES = 4096;

export const EMPTY_FILE_MESSAGE = 'The file is empty: there is no header and no data.';
export const BINARY_MESSAGE =
	'This does not look like a text table (it contains binary data). Pick a CSV, TSV, JSON, Arrow or Parquet file.';
const ZIP_MESSAGE =
	'This is a zip archive or an Excel workbook (.xlsx), not a text table. In Excel, use Save As › “CSV UTF-8”, then pick that file.';
const GZIP_MESSAGE = 'This file is compressed (gzip). Unpack it first, then pick the file inside.';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const WINDOWS_1252_NOTICE: ImportNotice = {
	kind: 'info',
	message:
		'This file is not UTF-8, so it was read as Windows-1252 (Western European). If accented letters look wrong, save it as “CSV UTF-8” and import it again.'
};

/** Bytes that stop being valid in their encoding part-way, with where, so a reader can tell them from other bad input. */
export class TextEncodingError extends BenchtopError {
	constructor(
		readonly offset: number,
		where: string,
		cause: unknown,
		encoding: Encoding = 'utf-8'
	) {
		super(
			'bad-input',
			`The text stops being valid ${encoding.toUpperCase()} after byte ${offset.toLocaleString('en')}${where}: part of the file is in another encoding or damaged. Save it as “CSV UTF-8” and import it again.`,
			String(cause)
		);
	}
}

export interface TextChunk {
	text: string;
	bytesRead: number;
}

export interface ReadTextOptions {
	signal?: AbortSignal;
	/** Told when the file was not UTF-8 and was read another way. */
	onNotice?: (notice: ImportNotice) => void;
	/** Read it so, instead of choosing from the first bytes. */
	encoding?: Encoding;
}

export function totalBytes(source: Blob | Uint8Array | string): number {
	return typeof source === 'string'
		? source.length
		: source instanceof Uint8Array
			? source.byteLength
			: source.size;
}

async function* byteChunks(source: Blob | Uint8Array, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
	const size = source instanceof Uint8Array ? source.byteLength : source.size;
	for (let offset = 0; offset < size; offset += CHUNK_BYTES) {
		abortIfCancelled(signal);
		const end = Math.min(size, offset + CHUNK_BYTES);
		yield source instanceof Uint8Array
			? source.subarray(offset, end)
			: new Uint8Array(await source.slice(offset, end).arrayBuffer());
	}
}

/** Control bytes other than tab, line breaks and form feed: plain text has (almost) none. */
function controlShare(bytes: Uint8Array): number {
	let controls = 0;
	for (const b of bytes) if ((b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13) || b === 127) controls++;
	return bytes.length === 0 ? 0 : controls / bytes.length;
}

function isUtf8(head: Uint8Array): boolean {
	try {
		// `stream: true` forgives a character cut in half at the end of the sample.
		new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
		return true;
	} catch {
		return false;
	}
}

/**
 * The encoding of a text file from its first bytes: UTF-8, UTF-16 with a byte-order mark, or
 * Windows-1252 when the start is not UTF-8 (older Excel); or a specific error when it is not text.
 */
export function chooseEncoding(head: Uint8Array): Encoding {
	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
	if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
	if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
	if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4)
		throw new BenchtopError('bad-input', ZIP_MESSAGE);
	if (head[0] === 0x1f && head[1] === 0x8b) throw new BenchtopError('bad-input', GZIP_MESSAGE);
	if (head.subarray(0, BINARY_PROBE_BYTES).includes(0)) throw new BenchtopError('bad-input', BINARY_MESSAGE);
	const sample = head.subarray(0, HEAD_BYTES);
	if (isUtf8(sample)) return 'utf-8';
	if (controlShare(sample) > 0.01) throw new BenchtopError('bad-input', BINARY_MESSAGE);
	return 'windows-1252';
}

/** The length of the UTF-8 sequence a lead byte starts, or 0 when it cannot start one. */
function sequenceLength(lead: number): number {
	if (lead >= 0xc2 && lead <= 0xdf) return 2;
	if (lead >= 0xe0 && lead <= 0xef) return 3;
	if (lead >= 0xf0 && lead <= 0xf4) return 4;
	return 0;
}

/**
 * Whether the character at bytes[at] is not UTF-8. When the text before it is plain ASCII, the file
 * is then Windows-1252 (older Excel): ASCII reads the same either way, so nothing read so far changes.
 */
export function startsInvalidUtf8(bytes: Uint8Array, at: number, fileEnd = false): boolean {
	const length = sequenceLength(bytes[at]!);
	if (length === 0) return true;
	try {
		// A character cut by the end of the bytes is only judged at the end of the file.
		new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at, at + length), { stream: !fileEnd });
		return false;
	} catch {
		return true;
	}
}

/** Where the first byte above 127 is, or -1. */
export function firstNonAscii(bytes: Uint8Array): number {
	for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 127) return i;
	return -1;
}

export async function* readText(
	source: Blob | Uint8Array | string,
	options: ReadTextOptions = {}
): AsyncGenerator<TextChunk> {
	if (typeof source === 'string') {
		abortIfCancelled(options.signal);
		yield { text: source.charCodeAt(0) === 0xfeff ? source.slice(1) : source, bytesRead: source.length };
		return;
	}
	let decoder: TextDecoder | undefined;
	let encoding: Encoding = 'utf-8';
	let bytesRead = 0;
	/** Where the file's first byte above 127 is, −1 while none is seen: all before it reads the same in UTF-8 and Windows-1252. */
	let firstHigh = -1;
	/** The last bytes of the chunk before: a character the UTF-8 decoder holds back may start there. */
	let tail = new Uint8Array(0);
	const decoderFor = (chosen: Encoding) => {
		if (chosen === 'windows-1252') options.onNotice?.(WINDOWS_1252_NOTICE);
		return new TextDecoder(chosen, { fatal: true });
	};
	/**
	 * After UTF-8 failed on `bytes` (or on the end of the file): when the file's first byte above 127 is
	 * the first bad one, the rest from there read as Windows-1252; undefined when the file is just damaged.
	 */
	const asLateWindows1252 = (bytes: Uint8Array, fileEnd = false): string | undefined => {
		const windowStart = bytesRead - tail.length;
		if (encoding !== 'utf-8' || options.encoding || firstHigh < windowStart) return undefined;
		const window = new Uint8Array(tail.length + bytes.length);
		window.set(tail);
		window.set(bytes, tail.length);
		if (!startsInvalidUtf8(window, firstHigh - windowStart, fileEnd)) return undefined;
		encoding = 'windows-1252';
		decoder = decoderFor(encoding);
		// Text was given out up to the first high byte, or up to this chunk when that byte is in it.
		return decoder.decode(window.subarray(Math.min(firstHigh, bytesRead) - windowStart), { stream: true });
	};
	const noteFirstHigh = (bytes: Uint8Array) => {
		if (firstHigh !== -1) return;
		const at = firstNonAscii(bytes);
		if (at !== -1) firstHigh = bytesRead + at;
	};
	for await (const bytes of byteChunks(source, options.signal)) {
		if (!decoder) {
			encoding = options.encoding ?? chooseEncoding(bytes);
			decoder = decoderFor(encoding);
		}
		let text: string;
		try {
			text = decoder.decode(bytes, { stream: true });
		} catch (error) {
			noteFirstHigh(bytes);
			const rest = asLateWindows1252(bytes);
			if (rest === undefined) throw notValid(encoding, bytesRead, error);
			text = rest;
		}
		// Only a chunk holding a byte above 127 decodes shorter than itself (a multi-byte character, a
		// byte-order mark, a character held back): an ASCII file is never scanned byte by byte.
		if (text.length !== bytes.length) noteFirstHigh(bytes);
		tail = bytes.slice(Math.max(0, bytes.length - 3));
		bytesRead += bytes.byteLength;
		yield { text, bytesRead };
	}
	if (!decoder) return;
	let rest: string | undefined;
	try {
		rest = decoder.decode();
	} catch (error) {
		// A character cut off by the end of the file.
		rest = asLateWindows1252(new Uint8Array(0), true);
		if (rest === undefined) throw notValid(encoding, bytesRead, error);
		rest += decoder.decode();
	}
	if (rest) yield { text: rest, bytesRead };
}

function notValid(encoding: Encoding, offset: number, error: unknown): BenchtopError {
	return new TextEncodingError(offset, '', error, encoding);
}

/** The whole text, for formats that parse in one go (JSON). */
export async function readAllText(
	source: Blob | Uint8Array | string,
	options: ReadTextOptions = {}
): Promise<string> {
	if (typeof source === 'string') return source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
	const parts: string[] = [];
	for await (const chunk of readText(source, options)) parts.push(chunk.text);
	return parts.join('');
}
