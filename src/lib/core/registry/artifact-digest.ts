// One hash for a model's stored weights, whatever its family: the artifact's plain fields as JSON with
// sorted keys, followed by the bytes of each Blob it holds (a network's weights) in the order met. Kind
// agnostic on purpose: a family added later is hashed without a change here.
import { sha256Hex } from './content-hash.ts';

export interface ArtifactDigest {
	/** SHA-256, lower-case hex, of the canonical bytes. */
	sha256: string;
	/** How many canonical bytes: the weights' size as the storage panel shows it. */
	bytes: number;
}

/** The canonical bytes of `artifact` (exported for tests and for exporters that want the same bytes). */
export async function canonicalArtifactBytes(artifact: object): Promise<Uint8Array> {
	const blobs: Blob[] = [];
	const json = JSON.stringify(canonical(artifact, blobs));
	const head = new TextEncoder().encode(json);
	const parts = await Promise.all(blobs.map(async (blob) => new Uint8Array(await blob.arrayBuffer())));
	const total = parts.reduce((sum, part) => sum + part.length, head.length);
	const bytes = new Uint8Array(total);
	bytes.set(head, 0);
	let offset = head.length;
	for (const part of parts) {
		bytes.set(part, offset);
		offset += part.length;
	}
	return bytes;
}

export async function artifactDigest(artifact: object): Promise<ArtifactDigest> {
	const bytes = await canonicalArtifactBytes(artifact);
	return { sha256: await sha256Hex(bytes), bytes: bytes.length };
}

/** Plain data with keys sorted; each Blob replaced by `{ blob: i, size }` and collected into `blobs`. */
function canonical(value: unknown, blobs: Blob[]): unknown {
	if (typeof Blob !== 'undefined' && value instanceof Blob) {
		blobs.push(value);
		return { blob: blobs.length - 1, size: value.size };
	}
	if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
	if (Array.isArray(value)) return value.map((item) => canonical(item, blobs));
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const key of Object.keys(value).sort()) {
			const field = (value as Record<string, unknown>)[key];
			if (field !== undefined) out[key] = canonical(field, blobs);
		}
		return out;
	}
	return value;
}
