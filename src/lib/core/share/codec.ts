// A share link's fragment: `share=bt<format>.<base64url of (CRC-32 of the JSON, 4 bytes) + raw-deflated JSON>`, after the `#` so it is never
// sent to any server. Other views may add their own `&name=value` parameters (e.g. `view=present`).
// Decoding never throws: it answers with the experiment or with a refusal that says what is wrong.
import { deflateSync } from 'fflate';
import { crc32 } from './crc32.ts';
import { Base64Error, fromBase64Url, toBase64Url } from './base64url.ts';
import { inflateCapped } from './inflate-capped.ts';
import { nestsDeeperThan } from './json-depth.ts';
import { SHARE_LIMITS as L } from './limits.ts';
import { SHARE_FORMAT, type SharePayload } from './payload.ts';
import { ShareRefusal, refuse, type ShareRefusalReason } from './refusal.ts';
import { validateSharePayload } from './validate-payload.ts';

/** The fragment parameter that carries the experiment. */
export const SHARE_PARAM = 'share';
const PREFIX = 'bt';

export type ShareDecodeResult =
	| { ok: true; payload: SharePayload; chars: number }
	| { ok: false; reason: ShareRefusalReason; message: string };

/** The fragment (without `#`) for a payload: `share=bt1.…`. */
export function encodeShareFragment(payload: SharePayload): string {
	const json = new TextEncoder().encode(JSON.stringify(payload));
	const deflated = deflateSync(json, { level: 9 });
	const packed = new Uint8Array(4 + deflated.length);
	new DataView(packed.buffer).setUint32(0, crc32(json));
	packed.set(deflated, 4);
	return `${SHARE_PARAM}=${PREFIX}${SHARE_FORMAT}.${toBase64Url(packed)}`;
}

/** The whole link: the page's address without its fragment, then `#` and the fragment. */
export function shareUrl(pageUrl: string, fragment: string): string {
	const hash = pageUrl.indexOf('#');
	return `${hash < 0 ? pageUrl : pageUrl.slice(0, hash)}#${fragment}`;
}

/** A fragment parameter's raw value (`view` in `#share=…&view=present`) out of a full URL, a `#fragment`
 * or a bare fragment; undefined when there is none. */
export function fragmentParam(link: string, name: string): string | undefined {
	const hash = link.indexOf('#');
	const fragment = hash >= 0 ? link.slice(hash + 1) : link;
	for (const pair of fragment.split('&')) {
		if (pair.startsWith(`${name}=`)) return pair.slice(name.length + 1);
	}
	return undefined;
}

/** The `share=` value; undefined when the link has none. */
export function shareParam(link: string): string | undefined {
	return fragmentParam(link, SHARE_PARAM);
}

function unpack(value: string): SharePayload {
	if (value.length === 0) refuse('empty', 'This link holds no experiment: there is nothing after “#share=”.');
	if (value.length > L.linkChars)
		refuse(
			'too-long',
			`This link's experiment is ${value.length.toLocaleString('en')} characters long; Benchtop opens links of up to ${L.linkChars.toLocaleString('en')}. It was not made by Benchtop's Share button, or was changed.`
		);
	const format = /^bt(\d{1,6})\./.exec(value);
	if (!format)
		refuse('not-a-share-link', 'This is not a Benchtop share link: its experiment should start with “bt1.”.');
	if (Number(format[1]) !== SHARE_FORMAT)
		refuse(
			'unknown-version',
			Number(format[1]) > SHARE_FORMAT
				? `This link was made by a newer Benchtop (share format ${format[1]}); this one reads format ${SHARE_FORMAT}. Open it in an up-to-date Benchtop.`
				: `This link uses share format ${format[1]}, which no Benchtop ever wrote; this one reads format ${SHARE_FORMAT}.`
		);
	let packed: Uint8Array;
	try {
		packed = fromBase64Url(value.slice(format[0].length));
	} catch (error) {
		if (error instanceof Base64Error)
			refuse('damaged', `This link is damaged: ${error.message} (was it cut short or edited?).`);
		throw error;
	}
	if (packed.length < 5) refuse('damaged', 'This link is damaged: it is too short to hold an experiment.');
	const checksum = new DataView(packed.buffer, packed.byteOffset, 4).getUint32(0);
	const inflated = inflateCapped(packed.subarray(4), L.jsonBytes);
	if (!inflated.ok) {
		if (inflated.reason === 'too-big')
			refuse(
				'too-big',
				`This link unpacks to more than ${L.jsonBytes / 1024 / 1024} MiB; a Benchtop share link never holds that much, so it was refused before unpacking the rest.`
			);
		refuse(
			'damaged',
			inflated.reason === 'truncated'
				? 'This link is damaged: its data ends too early (was it cut short when copied?).'
				: 'This link is damaged: its data does not unpack (a character was changed or it was not made by Benchtop).'
		);
	}
	if (crc32(inflated.bytes) !== checksum)
		refuse(
			'damaged',
			'This link is damaged or was changed after it was made: its contents do not match its checksum.'
		);
	let json: unknown;
	try {
		json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes));
	} catch {
		refuse(
			'not-json',
			'This link is damaged: it unpacks, but not to the experiment description Benchtop writes (not valid JSON text).'
		);
	}
	if (nestsDeeperThan(json, L.jsonDepth))
		refuse(
			'too-deep',
			`This link's contents nest deeper than ${L.jsonDepth} levels; no Benchtop experiment does.`
		);
	return validateSharePayload(json);
}

/** Decodes a link (full URL, `#fragment` or the `share=` value's fragment) into a checked experiment. */
export function decodeShareLink(link: string): ShareDecodeResult {
	try {
		if (typeof link !== 'string') refuse('empty', 'This link holds no experiment.');
		const value = shareParam(link);
		if (value === undefined)
			refuse('empty', 'This link holds no experiment: its address has no “#share=” part.');
		return { ok: true, payload: unpack(value), chars: value.length };
	} catch (error) {
		if (error instanceof ShareRefusal) return { ok: false, reason: error.reason, message: error.message };
		// Anything else is a gap in the checks above; it is still refused, and the tests look for it.
		return {
			ok: false,
			reason: 'internal',
			message: `This link could not be read (${error instanceof Error ? error.message : String(error)}).`
		};
	}
}
