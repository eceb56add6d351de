// Records as JSON with their binary parts taken out: a Blob, a typed array or an ArrayBuffer anywhere in a
// record becomes { "$binary": "<entry path>", "type": ..., "mime"? } and its bytes an entry of their own, so
// any store's records (today's and those a later schema adds) go through one encoder and come back equal.
export const BINARY_KEY = '$binary';

const TYPED = {
	Uint8Array,
	Int8Array,
	Uint16Array,
	Int16Array,
	Uint32Array,
	Int32Array,
	Float32Array,
	Float64Array
} as const;
type TypedName = keyof typeof TYPED;

export interface BinaryPart {
	path: string;
	bytes: Uint8Array;
}

export interface BinaryRef {
	[BINARY_KEY]: string;
	type: 'Blob' | 'ArrayBuffer' | TypedName;
	mime?: string;
}

/**
 * The record with binaries replaced by references; `pathFor(blob-or-bytes)` names each binary's entry.
 * Blobs are read here (one record's binaries at a time, never the whole store).
 */
export async function encodeRecord(
	record: unknown,
	pathFor: (kind: BinaryRef['type']) => string
): Promise<{ json: string; binaries: BinaryPart[] }> {
	const binaries: BinaryPart[] = [];
	const walk = async (value: unknown): Promise<unknown> => {
		if (value === null || typeof value !== 'object') return value;
		if (typeof Blob !== 'undefined' && value instanceof Blob) {
			const path = pathFor('Blob');
			binaries.push({ path, bytes: new Uint8Array(await value.arrayBuffer()) });
			return { [BINARY_KEY]: path, type: 'Blob', ...(value.type ? { mime: value.type } : {}) };
		}
		if (value instanceof ArrayBuffer) {
			const path = pathFor('ArrayBuffer');
			binaries.push({ path, bytes: new Uint8Array(value.slice(0)) });
			return { [BINARY_KEY]: path, type: 'ArrayBuffer' };
		}
		if (ArrayBuffer.isView(value)) {
			const name = value.constructor.name as TypedName;
			if (!(name in TYPED))
				throw new Error(`a record holds a ${value.constructor.name}, which a backup cannot keep`);
			const path = pathFor(name);
			binaries.push({
				path,
				bytes: new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength))
			});
			return { [BINARY_KEY]: path, type: name };
		}
		if (value instanceof Date) return { $date: value.toISOString() };
		if (Array.isArray(value)) return Promise.all(value.map(walk));
		const out: Record<string, unknown> = {};
		for (const [key, item] of Object.entries(value)) out[key] = await walk(item);
		return out;
	};
	const encoded = await walk(record);
	return { json: JSON.stringify(encoded), binaries };
}

/** Every binary a decoded JSON record refers to: its entry path and what it is rebuilt as. */
export function binaryRefs(json: unknown): { path: string; type: unknown }[] {
	const refs: { path: string; type: unknown }[] = [];
	const walk = (value: unknown) => {
		if (value === null || typeof value !== 'object') return;
		if (Array.isArray(value)) return value.forEach(walk);
		const ref = value as Partial<BinaryRef>;
		if (typeof ref[BINARY_KEY] === 'string') {
			refs.push({ path: ref[BINARY_KEY], type: ref.type });
			return;
		}
		Object.values(value).forEach(walk);
	};
	walk(json);
	return refs;
}

/** Every binary path a decoded JSON record refers to. */
export function binaryPaths(json: unknown): string[] {
	return binaryRefs(json).map((ref) => ref.path);
}

/**
 * The record back from its JSON, binaries rebuilt from their entries: bytes, or for a Blob a Blob too
 * (a slice of the backup file, which is then never read into memory here).
 */
export function decodeRecord(json: unknown, bytesOf: (path: string) => Uint8Array | Blob): unknown {
	const walk = (value: unknown): unknown => {
		if (value === null || typeof value !== 'object') return value;
		if (Array.isArray(value)) return value.map(walk);
		const ref = value as Partial<BinaryRef> & { $date?: unknown };
		if (typeof ref[BINARY_KEY] === 'string') {
			const part = bytesOf(ref[BINARY_KEY]);
			if (ref.type === 'Blob')
				return new Blob([part as Uint8Array<ArrayBuffer> | Blob], ref.mime ? { type: ref.mime } : {});
			if (!(part instanceof Uint8Array))
				throw new Error(`${ref[BINARY_KEY]} was read as a Blob, not as bytes`);
			const bytes = part;
			if (ref.type === 'ArrayBuffer') return bytes.slice().buffer;
			const Typed = TYPED[ref.type as TypedName];
			if (!Typed) throw new Error(`unknown binary type ${String(ref.type)}`);
			const copy = bytes.slice();
			if (copy.byteLength % Typed.BYTES_PER_ELEMENT !== 0)
				throw new Error(
					`${ref[BINARY_KEY]} holds ${copy.byteLength} bytes, not a whole number of ${ref.type} values`
				);
			return new Typed(copy.buffer, 0, copy.byteLength / Typed.BYTES_PER_ELEMENT);
		}
		if (typeof ref.$date === 'string' && Object.keys(value).length === 1) return new Date(ref.$date);
		const out: Record<string, unknown> = {};
		for (const [key, item] of Object.entries(value)) out[key] = walk(item);
		return out;
	};
	return walk(json);
}
