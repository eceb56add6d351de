import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openStudioDb } from '../../../../src/lib/core/registry/db.ts';
import {
	STORAGE_MARKER_KEY,
	checkStorageMarker,
	type MarkerMirror
} from '../../../../src/lib/core/registry/storage-marker.ts';

function memoryMirror(): MarkerMirror & { value: string | null } {
	return {
		value: null,
		get() {
			return this.value;
		},
		set(value) {
			this.value = value;
		}
	};
}

describe('checkStorageMarker', () => {
	it('writes the marker on a first start and reports nothing lost', async () => {
		const db = await openStudioDb({ factory: new IDBFactory() });
		const mirror = memoryMirror();
		expect(await checkStorageMarker(db, mirror)).toEqual({ lost: false });
		const marker = (await db.get('settings', STORAGE_MARKER_KEY)) as { createdAt: string };
		expect(mirror.value).toBe(marker.createdAt);
		expect(await checkStorageMarker(db, mirror)).toEqual({ lost: false });
		db.close();
	});

	it('reports the data lost when the mirror remembers a marker the database no longer has', async () => {
		const mirror = memoryMirror();
		const first = await openStudioDb({ factory: new IDBFactory() });
		await checkStorageMarker(first, mirror);
		const since = mirror.value;
		first.close();
		// The browser evicted the database: a new, empty one opens.
		const second = await openStudioDb({ factory: new IDBFactory() });
		expect(await checkStorageMarker(second, mirror)).toEqual({ lost: true, since });
		// Said once: the new marker is in place now.
		expect(await checkStorageMarker(second, mirror)).toEqual({ lost: false });
		expect(await checkStorageMarker(second, undefined)).toEqual({ lost: false });
		second.close();
	});
});
