import { describe, expect, it } from 'vitest';
import { versionNumbers } from '../../../../src/lib/core/registry/version-numbers.ts';

describe('versionNumbers', () => {
	it('counts along parent links, whatever the order of the list', () => {
		const numbers = versionNumbers([
			{ id: 'c', parentId: 'b' },
			{ id: 'a', parentId: null },
			{ id: 'b', parentId: 'a' },
			{ id: 'other', parentId: null }
		]);
		expect(Object.fromEntries(numbers)).toEqual({ a: 1, b: 2, c: 3, other: 1 });
	});

	it('restarts at a deleted parent and stops at a cycle', () => {
		expect(versionNumbers([{ id: 'x', parentId: 'gone' }]).get('x')).toBe(1);
		const cyclic = versionNumbers([
			{ id: 'p', parentId: 'q' },
			{ id: 'q', parentId: 'p' }
		]);
		expect(cyclic.get('p')).toBe(2);
	});
});
