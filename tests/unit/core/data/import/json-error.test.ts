import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../../../../src/lib/core/data/import/json-error.ts';

describe('findJsonSyntaxError', () => {
	it('finds nothing wrong in valid JSON, as JSON.parse agrees', () => {
		const valid = [
			'[]',
			'{}',
			' [ {"a": 1, "b": [true, false, null], "c": {"d": "x\\"y\\u00e9"}} ] ',
			'-0.5e+3',
			'"text"',
			'[[[[[]]]]]'
		];
		for (const text of valid) {
			expect(() => JSON.parse(text)).not.toThrow();
			expect(findJsonSyntaxError(text), text).toBeUndefined();
		}
	});

	it('points at the first offending character, by line and column, and says what is wrong', () => {
		expect(findJsonSyntaxError('[\n  {"a": 1},\n  {"a": 2,}\n]')).toEqual({
			line: 3,
			column: 11,
			reason: 'a trailing comma is not allowed'
		});
		expect(findJsonSyntaxError('{"a" 1}')).toMatchObject({
			column: 6,
			reason: 'expected “:” after the key, found "1"'
		});
		expect(findJsonSyntaxError("[{'a': 1}]")).toMatchObject({
			column: 3,
			reason: expect.stringMatching(/key in double quotes/)
		});
		expect(findJsonSyntaxError('[1, 2')).toMatchObject({
			column: 6,
			reason: 'expected “,” or “]”, the text ends'
		});
		expect(findJsonSyntaxError('[tru]')).toMatchObject({ column: 2, reason: 'expected a value, found "t"' });
		expect(findJsonSyntaxError('["a\nb"]')).toMatchObject({ line: 1, column: 4 });
		expect(findJsonSyntaxError('[01]')).toMatchObject({ column: 3 });
		expect(findJsonSyntaxError('{"a":1}{"a":2}')).toMatchObject({
			column: 8,
			reason: expect.stringMatching(/end of the JSON/)
		});
		expect(findJsonSyntaxError('')).toMatchObject({
			line: 1,
			column: 1,
			reason: 'expected a value, the text ends'
		});
	});

	it('handles deep nesting without running out of stack', () => {
		const deep = '['.repeat(100_000) + ']'.repeat(99_999);
		expect(findJsonSyntaxError(deep)).toMatchObject({ line: 1, column: 200_000 });
	});
});
