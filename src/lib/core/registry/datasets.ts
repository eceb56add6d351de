// Data set versions: a small metadata record in `datasets` and the data itself as one Arrow IPC Blob in
// `blobs`, never one record per row. A version is immutable; only its name can change.

import type { ColumnSchema } from '../table/column-types.ts';
import { BenchtopError } from '../errors.ts';
import { sha256Hex } from './content-hash.ts';
import type { StudioDb } from './db.ts';
import { newRecordId } from './record-id.ts';
import { deleteDatasetWithDependents } from './dependents.ts';
import type { DatasetRecord, DatasetSource, Derivation } from './schema.ts';
import { toStorageError } from './storage-errors.ts';
import { inWriteTransaction } from './write-transaction.ts';

export type { DatasetRecord, DatasetSource } from './schema.ts';

export const ARROW_MIME_TYPE = 'application/vnd.apache.arrow.file';

export interface NewDatasetVersion {
	name: string;
	source: DatasetSource;
	rows: number;
	schema: ColumnSchema[];
	parentId?: string | null;
	note?: string;
	derivation?: Derivation;
	/** Arrow IPC file bytes. Copied into a Blob, so the caller may transfer or reuse the buffer after. */
	arrow: Uint8Array;
}

export interface SavedDatasetVersion {
	record: DatasetRecord;
	/** True when these exact bytes were already stored: the existing record is returned, nothing written. */
	existed: boolean;
}

/** Stores a new version, or returns the one that already holds the same bytes. */
export async function saveDatasetVersion(
	db: StudioDb,
	input: NewDatasetVersion
): Promise<SavedDatasetVersion> {
	const name = checkName(input.name);
	if (!Number.isInteger(input.rows) || input.rows < 0) {
		throw new BenchtopError('bad-input', 'A data set needs a whole, non-negative number of rows.');
	}
	if (input.arrow.byteLength === 0)
		throw new BenchtopError('bad-input', 'The data set has no bytes to save.');

	// Hashing is async work outside IndexedDB, so it happens before the transaction opens.
	const hash = await sha256Hex(input.arrow);
	const bytes = input.arrow.byteLength;
	const blob = new Blob([toArrayBufferView(input.arrow)], { type: ARROW_MIME_TYPE });
	const record: DatasetRecord = {
		id: newRecordId(),
		name,
		source: input.source,
		rows: input.rows,
		columns: input.schema.length,
		schema: input.schema,
		hash,
		bytes,
		createdAt: new Date().toISOString(),
		parentId: input.parentId ?? null,
		note: input.note ?? '',
		blobId: newRecordId(),
		...(input.derivation ? { derivation: input.derivation } : {})
	};

	return inWriteTransaction(db, ['datasets', 'blobs'], async (tx) => {
		// Checked inside the write so two tabs saving the same bytes cannot both write them.
		const existing = await tx.objectStore('datasets').index('by-hash').get(hash);
		if (existing) return { record: existing, existed: true };
		await tx.objectStore('blobs').put({ id: record.blobId, blob });
		await tx.objectStore('datasets').put(record);
		return { record, existed: false };
	});
}

/** Every data set version, newest first. */
export async function listDatasets(db: StudioDb): Promise<DatasetRecord[]> {
	try {
		const oldestFirst = await db.getAllFromIndex('datasets', 'by-created');
		return oldestFirst.reverse();
	} catch (error) {
		throw toStorageError(error);
	}
}

export async function getDataset(db: StudioDb, id: string): Promise<DatasetRecord | undefined> {
	try {
		return await db.get('datasets', id);
	} catch (error) {
		throw toStorageError(error);
	}
}

/**
 * The version's Arrow IPC bytes as the stored Blob: handed to a worker, a Blob crosses without its bytes
 * being copied (memory-only mode passes versions this way).
 */
export async function loadDatasetBlob(db: StudioDb, id: string): Promise<Blob> {
	let blob: Blob | undefined;
	try {
		const tx = db.transaction(['datasets', 'blobs'], 'readonly');
		const record = await tx.objectStore('datasets').get(id);
		blob = record ? (await tx.objectStore('blobs').get(record.blobId))?.blob : undefined;
		await tx.done;
	} catch (error) {
		throw toStorageError(error);
	}
	if (!blob) {
		throw new BenchtopError(
			'not-found',
			'This data set is no longer stored in this browser. It may have been deleted in another tab.',
			`dataset ${id}`
		);
	}
	return blob;
}

/** The version's Arrow IPC bytes, as saved. */
export async function loadDatasetArrow(db: StudioDb, id: string): Promise<Uint8Array> {
	return new Uint8Array(await (await loadDatasetBlob(db, id)).arrayBuffer());
}

/**
 * Removes the record and its data together; its runs are kept (orphaned, for the storage panel). Deleting
 * a version that is already gone does nothing. To choose what happens to runs and derived versions, use
 * deleteDatasetWithDependents (dependents.ts).
 */
export async function deleteDataset(db: StudioDb, id: string): Promise<void> {
	await deleteDatasetWithDependents(db, id, 'keep');
}

export async function renameDataset(db: StudioDb, id: string, name: string): Promise<void> {
	const newName = checkName(name);
	await inWriteTransaction(db, ['datasets'], async (tx) => {
		const store = tx.objectStore('datasets');
		const record = await store.get(id);
		if (!record) {
			throw new BenchtopError(
				'not-found',
				'This data set is no longer stored in this browser.',
				`dataset ${id}`
			);
		}
		await store.put({ ...record, name: newName });
	});
}

function checkName(name: string): string {
	const trimmed = name.trim();
	if (!trimmed) throw new BenchtopError('bad-input', 'Give the data set a name.');
	return trimmed;
}

/** Blob parts must be ArrayBuffer-backed; a view on a SharedArrayBuffer is copied. */
function toArrayBufferView(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
	return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
}
