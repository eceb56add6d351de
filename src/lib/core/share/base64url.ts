// Base64url (RFC 4648 §5, no padding) for the link, and plain base64 for weights inside the JSON. Written
// here rather than with btoa/atob so it is the same in Node, workers and the page, and strict: any
// character outside the alphabet is refused with its position, never skipped.

const URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const STD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function lookup(alphabet: string): Int16Array {
	const table = new Int16Array(128).fill(-1);
	for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
	return table;
}
const URL_LOOKUP = lookup(URL_ALPHABET);
const STD_LOOKUP = lookup(STD_ALPHABET);

function encode(bytes: Uint8Array, alphabet: string, pad: boolean): string {
	let out = '';
	let i = 0;
	for (; i + 2 < bytes.length; i += 3) {
		const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
		out += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]! + alphabet[n & 63]!;
	}
	const rest = bytes.length - i;
	if (rest === 1) {
		const n = bytes[i]! << 16;
		out += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + (pad ? '==' : '');
	} else if (rest === 2) {
		const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
		out += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]! + (pad ? '=' : '');
	}
	return out;
}

export class Base64Error extends Error {
	constructor(
		message: string,
		readonly position: number
	) {
		super(message);
	}
}

function decode(text: string, table: Int16Array, what: string): Uint8Array {
	const body = table === STD_LOOKUP ? text.replace(/={1,2}$/, '') : text;
	if (body.length % 4 === 1)
		throw new Base64Error(
			`${what} has a length no base64 text can have (${text.length} characters)`,
			body.length
		);
	const out = new Uint8Array(Math.floor((body.length * 3) / 4));
	let buffer = 0;
	let bits = 0;
	let o = 0;
	for (let i = 0; i < body.length; i++) {
		const code = body.charCodeAt(i);
		const value = code < 128 ? table[code]! : -1;
		if (value < 0)
			throw new Base64Error(`${what} has a character it never holds at position ${i + 1}`, i + 1);
		buffer = (buffer << 6) | value;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (buffer >> bits) & 0xff;
		}
	}
	return out;
}

export function toBase64Url(bytes: Uint8Array): string {
	return encode(bytes, URL_ALPHABET, false);
}

/** Throws Base64Error (with the position) on any character outside the alphabet. */
export function fromBase64Url(text: string): Uint8Array {
	return decode(text, URL_LOOKUP, 'the link');
}

export function toBase64(bytes: Uint8Array): string {
	return encode(bytes, STD_ALPHABET, true);
}

export function fromBase64(text: string): Uint8Array {
	return decode(text, STD_LOOKUP, 'the weights');
}
