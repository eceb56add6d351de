// The recipe a person is building for a data set version, kept on every edit so that nothing is lost on
// reload: the steps, the split, and the target. One working draft per version.

import type { StudioDb } from './db.ts';
import type { RecipeDraftRecord } from './schema.ts';
import { toStorageError } from './storage-errors.ts';
import { inWriteTransaction } from './write-transaction.ts';

export type { RecipeDraftRecord } from './schema.ts';

export function recipeDraftId(datasetId: string): string {
	return `dataset:${datasetId}`;
}

export async function getRecipeDraft(
	db: StudioDb,
	datasetId: string
): Promise<RecipeDraftRecord | undefined> {
	try {
		return await db.get('recipes', recipeDraftId(datasetId));
	} catch (error) {
		throw toStorageError(error);
	}
}

export async function saveRecipeDraft(
	db: StudioDb,
	draft: Omit<RecipeDraftRecord, 'id' | 'updatedAt'>
): Promise<RecipeDraftRecord> {
	const record: RecipeDraftRecord = {
		...draft,
		id: recipeDraftId(draft.datasetId),
		updatedAt: new Date().toISOString()
	};
	await inWriteTransaction(db, ['recipes'], async (tx) => {
		await tx.objectStore('recipes').put(record);
	});
	return record;
}
