// 32-bit hashes for profiling: strings for distinct-count estimates, numbers and codes for row hashing.
// Not cryptographic; equal hashes are always confirmed by comparing the values themselves.

/** Murmur3's finaliser: spreads every input bit over the whole word. */
export function mix32(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** FNV-1a over UTF-16 code units, finalised so that short strings still fill the high bits. */
export function hashString(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return mix32(h);
}

/** Folds one more 32-bit value into a running hash (order matters, as columns do). */
export function combineHash(h: number, value: number): number {
	return mix32(Math.imul(h ^ value, 0x9e3779b1) + 0x7f4a7c15);
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** A number's hash by its bits, with −0 hashed as 0 (they are the same value). NaN must be absent. */
export function hashNumber(x: number): number {
	bits[0] = x === 0 ? 0 : x;
	return mix32(words[0]! ^ mix32(words[1]!));
}
