// Inflates raw deflate data with a hard cap on the output, fed in small slices so a deflate bomb (a few
// KB that unpack to gigabytes) is stopped after at most one slice's worth past the cap, never unpacked.
import { Inflate } from 'fflate';

/** Deflate expands at most ~1032:1, so one slice can add at most ~1 MB beyond the cap before the check. */
const SLICE = 1024;

export type InflateOutcome =
	| { ok: true; bytes: Uint8Array }
	| { ok: false; reason: 'too-big' }
	| { ok: false; reason: 'corrupt'; detail: string }
	| { ok: false; reason: 'truncated' };

export function inflateCapped(input: Uint8Array, maxBytes: number): InflateOutcome {
	const chunks: Uint8Array[] = [];
	let total = 0;
	let ended = false;
	const inflater = new Inflate((chunk, final) => {
		chunks.push(chunk);
		total += chunk.length;
		if (final) ended = true;
	});
	try {
		for (let at = 0; at < input.length; at += SLICE) {
			const last = at + SLICE >= input.length;
			inflater.push(input.subarray(at, at + SLICE), last);
			if (total > maxBytes) return { ok: false, reason: 'too-big' };
			if (ended && !last) break;
		}
		if (input.length === 0) inflater.push(new Uint8Array(0), true);
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return /unexpected EOF/i.test(detail)
			? { ok: false, reason: 'truncated' }
			: { ok: false, reason: 'corrupt', detail };
	}
	if (!ended) return { ok: false, reason: 'truncated' };
	const bytes = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.length;
	}
	return { ok: true, bytes };
}
