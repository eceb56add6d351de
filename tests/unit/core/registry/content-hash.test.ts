import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256, sha256Hex, sha256HexPortable } from '../../../../src/lib/core/registry/content-hash.ts';

function nodeSha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

function bytesOf(length: number): Uint8Array {
	return Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);
}

describe('sha256Hex', () => {
	it('matches the known digest of "abc" (FIPS 180-4 example)', async () => {
		const abc = new TextEncoder().encode('abc');
		const expected = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
		expect(await sha256Hex(abc)).toBe(expected);
		expect(sha256HexPortable(abc)).toBe(expected);
	});

	it('portable and Web Crypto agree with node:crypto around every padding boundary', async () => {
		for (const length of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 70_000]) {
			const bytes = bytesOf(length);
			const expected = nodeSha256(bytes);
			expect(sha256HexPortable(bytes), `portable, ${length} bytes`).toBe(expected);
			expect(await sha256Hex(bytes), `subtle, ${length} bytes`).toBe(expected);
		}
	});

	it('hashes only the bytes a view covers, not its whole buffer', async () => {
		const buffer = bytesOf(100);
		const view = buffer.subarray(10, 60);
		expect(await sha256Hex(view)).toBe(nodeSha256(view));
		expect(sha256HexPortable(view)).toBe(nodeSha256(view));
	});

	it('Sha256 fed in uneven pieces equals the digest of the whole', () => {
		const bytes = bytesOf(70_001);
		for (const piece of [1, 7, 63, 64, 65, 4096, 70_001]) {
			const hash = new Sha256();
			for (let at = 0; at < bytes.length; at += piece) hash.update(bytes.subarray(at, at + piece));
			expect(hash.hex(), `pieces of ${piece}`).toBe(nodeSha256(bytes));
		}
		expect(new Sha256().hex()).toBe(nodeSha256(new Uint8Array(0)));
	});
});
