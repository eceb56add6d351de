// Telling a person the browser threw their data away. A marker record is written in IndexedDB on the first
// start, and its date is mirrored in a second place (localStorage in the page); when a later start finds
// the mirror but not the marker, the database was cleared or evicted under us, and the page says so
// instead of silently showing an empty studio. Browsers that evict whole origins clear both, and then
// nothing can be known: that start looks like a first visit.
import type { StudioDb } from './db.ts';
import { toStorageError } from './storage-errors.ts';
import { inWriteTransaction } from './write-transaction.ts';

export const STORAGE_MARKER_KEY = 'storage-marker';

export interface StorageMarker {
	/** ISO 8601, UTC: when this database was first opened. */
	createdAt: string;
}

/** Somewhere outside IndexedDB to keep the marker's date (localStorage in the page; a Map in tests). */
export interface MarkerMirror {
	get(): string | null;
	set(value: string): void;
}

export interface MarkerCheck {
	/** True when the mirror remembers a marker that IndexedDB no longer holds. */
	lost: boolean;
	/** When the lost data was first stored, from the mirror. */
	since?: string;
}

/** Checks the marker, writes it when missing, and keeps the mirror in step. */
export async function checkStorageMarker(
	db: StudioDb,
	mirror: MarkerMirror | undefined
): Promise<MarkerCheck> {
	let marker: StorageMarker | undefined;
	try {
		marker = (await db.get('settings', STORAGE_MARKER_KEY)) as StorageMarker | undefined;
	} catch (error) {
		throw toStorageError(error);
	}
	if (marker) {
		mirror?.set(marker.createdAt);
		return { lost: false };
	}
	const remembered = mirror?.get() ?? null;
	const fresh: StorageMarker = { createdAt: new Date().toISOString() };
	await inWriteTransaction(db, ['settings'], async (tx) => {
		await tx.objectStore('settings').put(fresh, STORAGE_MARKER_KEY);
	});
	mirror?.set(fresh.createdAt);
	return remembered ? { lost: true, since: remembered } : { lost: false };
}

interface KeyValueStore {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

/** localStorage as a mirror, or undefined where it is missing or blocked. */
export function localStorageMirror(key = 'benchtop:storage-marker'): MarkerMirror | undefined {
	try {
		// Typed by the two calls used: core compiles without the DOM's types (workers have no localStorage).
		const storage = (globalThis as { localStorage?: KeyValueStore }).localStorage;
		if (!storage) return undefined;
		return {
			get: () => storage.getItem(key),
			set: (value) => {
				try {
					storage.setItem(key, value);
				} catch {
					// A full or blocked localStorage only loses the mirror, never the studio's data.
				}
			}
		};
	} catch {
		return undefined;
	}
}
