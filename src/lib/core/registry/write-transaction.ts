// Runs a read-write transaction to the end: commits, or aborts so that nothing is half written, and
// reports failures as BenchtopErrors (quota included).

import type { IDBPTransaction, StoreNames } from 'idb';
import type { StudioDb } from './db.ts';
import type { BenchtopSchema } from './schema.ts';
import { toStorageError } from './storage-errors.ts';

export type WriteTransaction<Names extends StoreNames<BenchtopSchema>[]> = IDBPTransaction<
	BenchtopSchema,
	Names,
	'readwrite'
>;

/**
 * `body` may await IndexedDB requests on `tx` and nothing else: awaiting anything else lets the
 * transaction auto-commit half way. `strict` durability: a saved version survives a power cut.
 */
export async function inWriteTransaction<Names extends StoreNames<BenchtopSchema>[], T>(
	db: StudioDb,
	storeNames: Names,
	body: (tx: WriteTransaction<Names>) => Promise<T>
): Promise<T> {
	let tx: WriteTransaction<Names>;
	try {
		tx = db.transaction(storeNames, 'readwrite', { durability: 'strict' });
	} catch (error) {
		throw toStorageError(error);
	}
	// Handled here so that an abort never surfaces as an unhandled rejection; awaited again below.
	const done = tx.done;
	done.catch(() => undefined);
	try {
		const result = await body(tx);
		await done;
		return result;
	} catch (error) {
		try {
			tx.abort();
		} catch {
			// Already aborted or finished: the rollback, if any, has happened.
		}
		throw toStorageError(error, tx);
	}
}
