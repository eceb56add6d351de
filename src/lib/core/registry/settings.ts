// Small user preferences (theme, chosen backend, dismissed hints), one value per string key.

import type { StudioDb } from './db.ts';
import { toStorageError } from './storage-errors.ts';
import { inWriteTransaction } from './write-transaction.ts';

/** The stored value, or undefined when the key was never set. The caller vouches for `T`. */
export async function getSetting<T>(db: StudioDb, key: string): Promise<T | undefined> {
	try {
		return (await db.get('settings', key)) as T | undefined;
	} catch (error) {
		throw toStorageError(error);
	}
}

/** `value` must survive structured cloning (plain data: no functions, no class instances with methods). */
export async function setSetting(db: StudioDb, key: string, value: unknown): Promise<void> {
	await inWriteTransaction(db, ['settings'], async (tx) => {
		await tx.objectStore('settings').put(value, key);
	});
}
