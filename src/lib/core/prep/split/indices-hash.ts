// A short fingerprint of a split's row indices, so a stored model can say exactly which rows it trained on
// and a later run can check it got the same split. Synchronous and identical in Node and every browser.

const TWO_32 = 2 ** 32;
const OFFSET_HIGH = 0xcbf29ce4;
const OFFSET_LOW = 0x84222325;

/** FNV-1a, 64-bit, over each list's length and then its values, each as 4 little-endian bytes. */
export function hashIndices(lists: readonly ArrayLike<number>[]): string {
	// The 64-bit state as two 32-bit halves: plain numbers are exact to 2^53, and BigInt is far slower.
	let high = OFFSET_HIGH;
	let low = OFFSET_LOW;
	const mixWord = (word: number) => {
		// Inlined four times, one per byte: this loop runs over every row, so no inner function calls.
		// Each step: low ^= byte, then (high·2^32 + low) · (2^40 + 0x1b3) mod 2^64, where low·0x1b3 < 2^41
		// is exact and low·2^40 adds (low << 8) to the high half.
		let product = ((low ^ (word & 0xff)) >>> 0) * 0x1b3;
		high = (Math.imul(high, 0x1b3) + ((low ^ (word & 0xff)) << 8) + ((product / TWO_32) | 0)) >>> 0;
		low = product >>> 0;
		product = ((low ^ ((word >>> 8) & 0xff)) >>> 0) * 0x1b3;
		high = (Math.imul(high, 0x1b3) + ((low ^ ((word >>> 8) & 0xff)) << 8) + ((product / TWO_32) | 0)) >>> 0;
		low = product >>> 0;
		product = ((low ^ ((word >>> 16) & 0xff)) >>> 0) * 0x1b3;
		high = (Math.imul(high, 0x1b3) + ((low ^ ((word >>> 16) & 0xff)) << 8) + ((product / TWO_32) | 0)) >>> 0;
		low = product >>> 0;
		product = ((low ^ (word >>> 24)) >>> 0) * 0x1b3;
		high = (Math.imul(high, 0x1b3) + ((low ^ (word >>> 24)) << 8) + ((product / TWO_32) | 0)) >>> 0;
		low = product >>> 0;
	};
	for (const list of lists) {
		mixWord(list.length);
		for (let i = 0; i < list.length; i++) mixWord(list[i]!);
	}
	return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}
