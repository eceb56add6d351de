// Test helper: links built by hand, for contents Benchtop would never write.
import { deflateSync } from 'fflate';
import { toBase64Url } from '../../../../src/lib/core/share/base64url.ts';
import { crc32 } from '../../../../src/lib/core/share/crc32.ts';

/** A link as Benchtop packs one (checksum, then raw deflate) around any bytes. */
export function linkOfBytes(bytes: Uint8Array, format = 1): string {
	const deflated = deflateSync(bytes);
	const packed = new Uint8Array(4 + deflated.length);
	new DataView(packed.buffer).setUint32(0, crc32(bytes));
	packed.set(deflated, 4);
	return `#share=bt${format}.${toBase64Url(packed)}`;
}

export function linkOfText(text: string, format = 1): string {
	return linkOfBytes(new TextEncoder().encode(text), format);
}

export function linkOfJson(value: unknown, format = 1): string {
	return linkOfText(JSON.stringify(value), format);
}
