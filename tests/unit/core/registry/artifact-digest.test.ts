import { describe, expect, it } from 'vitest';
import { artifactDigest, canonicalArtifactBytes } from '../../../../src/lib/core/registry/artifact-digest.ts';
import { sha256HexPortable } from '../../../../src/lib/core/registry/content-hash.ts';
import { previousTarget } from '../../../../src/lib/core/registry/model-aliases.ts';
import { fakeLayers } from './model-fixtures.ts';

describe('artifactDigest', () => {
	it('hashes the sorted plain fields and then the Blob bytes, whatever the key order', async () => {
		const bytes = await canonicalArtifactBytes({ b: 1, a: new Blob([new Uint8Array([7, 8])]) });
		const head = new TextEncoder().encode('{"a":{"blob":0,"size":2},"b":1}');
		expect([...bytes]).toEqual([...head, 7, 8]);
		const same = await artifactDigest({ a: new Blob([new Uint8Array([7, 8])]), b: 1 });
		expect(same).toEqual({ sha256: sha256HexPortable(bytes), bytes: head.length + 2 });
	});

	it('changes when one weight changes and stays put when nothing does', async () => {
		const a = await artifactDigest(fakeLayers([1, 2, 3]));
		expect(await artifactDigest(fakeLayers([1, 2, 3]))).toEqual(a);
		expect((await artifactDigest(fakeLayers([1, 2, 3.0001]))).sha256).not.toBe(a.sha256);
		expect((await artifactDigest({ kind: 'kmeans', centroids: [[0, 1]] })).sha256).toMatch(/^[0-9a-f]{64}$/);
	});
});

describe('previousTarget', () => {
	it('replays moves as a stack: rollbacks pop, so two rollbacks go back two versions', () => {
		const set = (seq: number, to: string | null) => ({ seq, kind: 'set' as const, to });
		const rollback = (seq: number, to: string) => ({ seq, kind: 'rollback' as const, to });
		expect(previousTarget([set(1, 'v1')])).toBeNull();
		expect(previousTarget([set(2, 'v2'), set(1, 'v1')])).toBe('v1');
		expect(previousTarget([set(1, 'v1'), set(2, 'v2'), set(3, 'v3'), rollback(4, 'v2')])).toBe('v1');
		expect(previousTarget([set(1, 'v1'), set(2, null), set(3, 'v3')])).toBeNull();
	});
});
