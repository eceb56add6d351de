// Test helper: links built by hand, for contents Benchtop would never write.
import { deflateSync } from 'fflate';
import { toBase64Url } from '../../../../src/lib/core/share/base64url.ts';

export function linkOfBytes(bytes: Uint8Array, format = 1): string {
	return `#share=bt${format}.${toBase64Url(deflateSync(bytes))}`;
}

export function linkOfText(text: string, format = 1): string {
	return linkOfBytes(new TextEncoder().encode(text), format);
}

export function linkOfJson(value: unknown, format = 1): string {
	return linkOfText(JSON.stringify(value), format);
}
