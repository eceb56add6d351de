// The dictionary builders' shared pieces: codes appended past the array's end grow it and keep every code;
// a dictionary left for numbers only when every value so far, and the next, is one.
import { describe, expect, it } from 'vitest';
import { numericFromCodes, withCode } from '../../../../../src/lib/core/data/import/dictionary-codes.ts';

describe('dictionary codes', () => {
	it('grow when full and keep what was there', () => {
		let codes = new Uint16Array(0);
		for (let i = 0; i < 40; i++) codes = withCode(codes, i, i % 7);
		expect(codes.length).toBeGreaterThanOrEqual(40);
		expect(Array.from(codes.subarray(0, 40))).toEqual(Array.from({ length: 40 }, (_, i) => i % 7));
	});
	it('become numbers only when every value and the next one is a number', () => {
		const entries = ['1.5', '2', '3e2'];
		const codes = Uint16Array.from([0, 1, 2, 1]);
		const numeric = numericFromCodes(entries, codes, 4, '7');
		expect(numeric).toBeDefined();
		expect(numericFromCodes(entries, codes, 4, 'seven')).toBeUndefined();
		expect(numericFromCodes(['1', 'x'], Uint16Array.from([0, 1]), 2, '3')).toBeUndefined();
	});
});
