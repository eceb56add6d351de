import { describe, expect, it } from 'vitest';
import { hashIndices } from '../../../../../src/lib/core/prep/split/index.ts';

/** The textbook FNV-1a 64 in BigInt, byte by byte: slow, obviously right, the reference. */
function referenceHash(lists: readonly number[][]): string {
	let hash = 0xcbf29ce484222325n;
	const mix = (byte: number) => {
		hash ^= BigInt(byte);
		hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
	};
	const word = (w: number) => [0, 8, 16, 24].forEach((shift) => mix((w >>> shift) & 0xff));
	for (const list of lists) {
		word(list.length);
		list.forEach(word);
	}
	return hash.toString(16).padStart(16, '0');
}

describe('hashIndices', () => {
	it('is FNV-1a 64 over lengths and values as little-endian 32-bit words', () => {
		const cases = [
			[[]],
			[[0]],
			[[1, 2, 3], [4], []],
			[[0xffffffff, 123456789, 42]],
			[Array.from({ length: 500 }, (_, i) => i * 7919)]
		];
		for (const lists of cases) {
			expect(hashIndices(lists.map((l) => Uint32Array.from(l)))).toBe(referenceHash(lists));
		}
	});

	it('gives the published FNV-1a 64 value for no bytes at all', () => {
		expect(hashIndices([])).toBe('cbf29ce484222325');
	});

	it('tells apart the same rows in different splits', () => {
		const a = hashIndices([Uint32Array.of(1, 2), Uint32Array.of(3)]);
		const b = hashIndices([Uint32Array.of(1), Uint32Array.of(2, 3)]);
		expect(a).not.toBe(b);
		expect(a).toMatch(/^[0-9a-f]{16}$/);
	});
});
