// The small pieces under the codec: strict base64, the capped inflate, the inline-data CSV, the depth check.
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
	fromBase64,
	fromBase64Url,
	toBase64,
	toBase64Url
} from '../../../../src/lib/core/share/base64url.ts';
import { inflateCapped } from '../../../../src/lib/core/share/inflate-capped.ts';
import { crc32 } from '../../../../src/lib/core/share/crc32.ts';
import { nestsDeeperThan } from '../../../../src/lib/core/share/json-depth.ts';
import { inlineColumnTypes, inlineColumnsToCsv } from '../../../../src/lib/core/share/index.ts';

describe('base64', () => {
	it('round-trips every length and matches Node’s encoders', () => {
		for (let n = 0; n < 40; n++) {
			const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) & 255);
			expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
			expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
			expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
			expect(fromBase64(toBase64(bytes))).toEqual(bytes);
		}
	});
	it('refuses a foreign character with its position, and impossible lengths', () => {
		expect(() => fromBase64Url('AB+C')).toThrow('the link has a character it never holds at position 3');
		expect(() => fromBase64Url('ABCDE')).toThrow(
			'the link has a length no base64 text can have (5 characters)'
		);
	});
});

describe('inflateCapped', () => {
	it('gives back what was deflated, and stops a bomb at the cap', () => {
		const text = new TextEncoder().encode('benchtop '.repeat(1000));
		const ok = inflateCapped(deflateSync(text), 1 << 20);
		expect(ok).toEqual({ ok: true, bytes: text });
		expect(inflateCapped(deflateSync(new Uint8Array(32 << 20)), 1 << 20)).toEqual({
			ok: false,
			reason: 'too-big'
		});
	});
	it('stops reading a bomb at the cap, before the rest of its bytes', () => {
		// Garbage after the first slices: a decoder that unpacked the whole bomb would reach it and
		// answer 'corrupt'; one that stops at the cap never reads that far.
		const bomb = deflateSync(new Uint8Array(64 << 20));
		const tail = bomb.length / 2;
		expect(tail).toBeGreaterThan(16 * 1024);
		const poisoned = bomb.slice();
		poisoned.fill(0xff, tail);
		expect(inflateCapped(poisoned, 4 << 20)).toEqual({ ok: false, reason: 'too-big' });
		expect(inflateCapped(poisoned, 256 << 20).ok).toBe(false);
		expect(inflateCapped(poisoned, 256 << 20)).not.toEqual({ ok: false, reason: 'too-big' });
	});
	it('tells a cut stream from garbage', () => {
		const packed = deflateSync(new TextEncoder().encode('x'.repeat(5000) + Math.random()));
		expect(inflateCapped(packed.subarray(0, packed.length - 3), 1 << 20)).toEqual({
			ok: false,
			reason: 'truncated'
		});
		expect(inflateCapped(new Uint8Array([0xff, 0xff, 0xff]), 1 << 20).ok).toBe(false);
	});
});

describe('nestsDeeperThan', () => {
	it('counts arrays and objects, not scalars', () => {
		expect(nestsDeeperThan({ a: [1, { b: 2 }] }, 3)).toBe(false);
		expect(nestsDeeperThan({ a: [1, { b: [] }] }, 3)).toBe(true);
		expect(nestsDeeperThan('text', 0)).toBe(false);
	});
});

describe('inline data as CSV', () => {
	it('quotes what needs quoting and leaves missing values empty', () => {
		const columns = [
			{ name: 'name, full', type: 'text' as const, values: ['a "b"', ' padded', null] },
			{ name: 'n', type: 'integer' as const, values: [1, null, 3] }
		];
		expect(inlineColumnsToCsv(columns)).toBe('"name, full",n\n"a ""b""",1\n" padded",\n,3\n');
		expect(inlineColumnTypes(columns)).toEqual({ 'name, full': 'text', n: 'integer' });
	});
});

describe('crc32', () => {
	it('is the standard CRC-32 (zip, PNG)', () => {
		expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
		expect(crc32(new Uint8Array(0))).toBe(0);
	});
});
