import { afterEach, describe, expect, it, vi } from 'vitest';
import { newRecordId } from '../../../../src/lib/core/registry/record-id.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newRecordId', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('returns distinct version-4 UUIDs', () => {
		const ids = new Set(Array.from({ length: 100 }, () => newRecordId()));
		expect(ids.size).toBe(100);
		for (const id of ids) expect(id).toMatch(UUID_V4);
	});

	it('still works without randomUUID, as in an insecure context', () => {
		vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array) => bytes.fill(0xab) });
		expect(newRecordId()).toBe('abababab-abab-4bab-abab-abababababab');
	});
});
