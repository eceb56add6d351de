// A short fingerprint of a split's row indices, so a stored model can say exactly which rows it trained on
// and a later run can check it got the same split. Synchronous and identical in Node and every browser.

const FNV_PRIME_LOW = 0x1b3; // the 64-bit FNV prime is 2^40 + 0x1b3
const TWO_32 = 2 ** 32;

/** FNV-1a, 64-bit, over each list's length and then its values, each as 4 little-endian bytes. */
export function hashIndices(lists: readonly ArrayLike<number>[]): string {
	// The 64-bit state as two 32-bit halves: plain numbers are exact to 2^53, BigInt is far slower.
	let high = 0xcbf29ce4;
	let low = 0x84222325;
	const mixByte = (byte: number) => {
		low = (low ^ byte) >>> 0;
		// (high·2^32 + low) · (2^40 + 0x1b3) mod 2^64; low·0x1b3 < 2^41, so it is exact.
		const lowProduct = low * FNV_PRIME_LOW;
		const carry = Math.floor(lowProduct / TWO_32);
		high = (Math.imul(high, FNV_PRIME_LOW) + (low << 8) + carry) >>> 0;
		low = lowProduct >>> 0;
	};
	const mixWord = (word: number) => {
		mixByte(word & 0xff);
		mixByte((word >>> 8) & 0xff);
		mixByte((word >>> 16) & 0xff);
		mixByte((word >>> 24) & 0xff);
	};
	for (const list of lists) {
		mixWord(list.length);
		for (let i = 0; i < list.length; i++) mixWord(list[i]!);
	}
	return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}
