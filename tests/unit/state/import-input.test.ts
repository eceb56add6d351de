import { describe, expect, it } from 'vitest';
import { importedQuery } from '$lib/state/import-input.ts';

describe('importedQuery', () => {
	it('names a stored version by id and a pending one by pending, encoded', () => {
		expect(importedQuery({ record: { id: 'a b' } })).toBe('?id=a%20b');
		expect(importedQuery({ pending: { id: 'pending-1' } })).toBe('?pending=pending-1');
		expect(importedQuery(undefined)).toBeUndefined();
	});
});
