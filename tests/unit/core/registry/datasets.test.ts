import { createHash } from 'node:crypto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BenchtopError } from '../../../../src/lib/core/errors.ts';
import {
	deleteDataset,
	getDataset,
	listDatasets,
	loadDatasetArrow,
	loadDatasetBlob,
	renameDataset,
	saveDatasetVersion
} from '../../../../src/lib/core/registry/datasets.ts';
import type { NewDatasetVersion } from '../../../../src/lib/core/registry/datasets.ts';
import { openStudioDb } from '../../../../src/lib/core/registry/db.ts';
import type { StudioDb } from '../../../../src/lib/core/registry/db.ts';
import { STORAGE_FULL_MESSAGE } from '../../../../src/lib/core/registry/storage-errors.ts';

function arrowBytes(seed: number, length = 4096): Uint8Array {
	return Uint8Array.from({ length }, (_, i) => (i * 131 + seed * 17) & 0xff);
}

function version(arrow: Uint8Array, overrides: Partial<NewDatasetVersion> = {}): NewDatasetVersion {
	return {
		name: 'Penguins',
		source: { kind: 'sample', sampleId: 'penguins' },
		rows: 344,
		schema: [
			{ name: 'species', type: 'category' },
			{ name: 'bill_length_mm', type: 'number' }
		],
		arrow,
		...overrides
	};
}

async function storeCounts(db: StudioDb): Promise<{ datasets: number; blobs: number }> {
	return { datasets: await db.count('datasets'), blobs: await db.count('blobs') };
}

let db: StudioDb;

beforeEach(async () => {
	db = await openStudioDb({ factory: new IDBFactory() });
});

afterEach(() => {
	vi.restoreAllMocks();
	db.close();
});

describe('saveDatasetVersion', () => {
	it('stores a record and a blob whose bytes load back identical, hashed with SHA-256', async () => {
		const arrow = arrowBytes(1);
		const { record, existed } = await saveDatasetVersion(db, version(arrow, { note: 'first import' }));

		expect(existed).toBe(false);
		expect(record.hash).toBe(createHash('sha256').update(arrow).digest('hex'));
		expect(record).toMatchObject({
			name: 'Penguins',
			source: { kind: 'sample', sampleId: 'penguins' },
			rows: 344,
			columns: 2,
			bytes: 4096,
			parentId: null,
			note: 'first import'
		});
		expect(new Date(record.createdAt).toISOString()).toBe(record.createdAt);
		expect(record.blobId).not.toBe(record.id);

		expect(await listDatasets(db)).toEqual([record]);
		expect(await getDataset(db, record.id)).toEqual(record);
		const loaded = await loadDatasetArrow(db, record.id);
		expect(loaded).toBeInstanceOf(Uint8Array);
		expect(loaded).toEqual(arrow);

		const stored = await db.get('blobs', record.blobId);
		expect(stored?.blob.type).toBe('application/vnd.apache.arrow.file');
		expect(stored?.blob.size).toBe(4096);
	});

	it('hands back the stored Blob itself, typed as Arrow, with the saved bytes', async () => {
		const arrow = arrowBytes(5);
		const { record } = await saveDatasetVersion(db, version(arrow));
		const blob = await loadDatasetBlob(db, record.id);
		expect(blob.type).toBe('application/vnd.apache.arrow.file');
		expect(new Uint8Array(await blob.arrayBuffer())).toEqual(arrow);
		await expect(loadDatasetBlob(db, 'missing')).rejects.toMatchObject({ code: 'not-found' });
	});

	it('keeps the saved bytes even if the caller reuses its buffer afterwards', async () => {
		const arrow = arrowBytes(2);
		const expected = arrow.slice();
		const { record } = await saveDatasetVersion(db, version(arrow));
		arrow.fill(0);
		expect(await loadDatasetArrow(db, record.id)).toEqual(expected);
	});

	it('returns the existing version for the same bytes and writes nothing', async () => {
		const arrow = arrowBytes(3);
		const first = await saveDatasetVersion(db, version(arrow));
		const second = await saveDatasetVersion(db, version(arrow.slice(), { name: 'Penguins again' }));

		expect(second.existed).toBe(true);
		expect(second.record).toEqual(first.record);
		expect(await storeCounts(db)).toEqual({ datasets: 1, blobs: 1 });
	});

	it('stores the same bytes once even when two saves race', async () => {
		const arrow = arrowBytes(4);
		const results = await Promise.all([
			saveDatasetVersion(db, version(arrow)),
			saveDatasetVersion(db, version(arrow))
		]);
		expect(results.map((r) => r.existed).sort()).toEqual([false, true]);
		expect(results[0]!.record.id).toBe(results[1]!.record.id);
		expect(await storeCounts(db)).toEqual({ datasets: 1, blobs: 1 });
	});

	it('keeps the parent link of a derived version', async () => {
		const parent = await saveDatasetVersion(db, version(arrowBytes(5)));
		const child = await saveDatasetVersion(
			db,
			version(arrowBytes(6), { source: { kind: 'derived' }, parentId: parent.record.id })
		);
		expect(child.record.parentId).toBe(parent.record.id);
		expect(child.record.source).toEqual({ kind: 'derived' });
	});

	it('writes nothing when the record put fails after the blob put was issued', async () => {
		const put = IDBObjectStore.prototype.put;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['put']>
		) {
			if (this.name === 'datasets') throw new DOMException('Could not clone', 'DataCloneError');
			return put.apply(this, args);
		});

		const error = await saveDatasetVersion(db, version(arrowBytes(7))).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(BenchtopError);
		expect((error as BenchtopError).detail).toContain('DataCloneError');

		vi.restoreAllMocks();
		expect(await storeCounts(db)).toEqual({ datasets: 0, blobs: 0 });
	});

	it('reports storage-full and rolls back when the transaction aborts for quota', async () => {
		const put = IDBObjectStore.prototype.put;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['put']>
		) {
			const request = put.apply(this, args);
			// What a browser does when the disk fills: the transaction aborts with QuotaExceededError and
			// its pending requests fail with AbortError.
			if (this.name === 'datasets') {
				(this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
			}
			return request;
		});

		const error = await saveDatasetVersion(db, version(arrowBytes(8))).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(BenchtopError);
		expect(error).toMatchObject({ code: 'storage-full', message: STORAGE_FULL_MESSAGE });

		vi.restoreAllMocks();
		expect(await storeCounts(db)).toEqual({ datasets: 0, blobs: 0 });
	});

	it('rejects inputs that cannot be a data set version', async () => {
		await expect(saveDatasetVersion(db, version(arrowBytes(9), { name: '  ' }))).rejects.toMatchObject({
			code: 'bad-input'
		});
		await expect(saveDatasetVersion(db, version(arrowBytes(9), { rows: -1 }))).rejects.toMatchObject({
			code: 'bad-input'
		});
		await expect(saveDatasetVersion(db, version(new Uint8Array(0)))).rejects.toMatchObject({
			code: 'bad-input'
		});
		expect(await storeCounts(db)).toEqual({ datasets: 0, blobs: 0 });
	});
});

describe('listDatasets', () => {
	it('lists the newest version first', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		try {
			vi.setSystemTime(new Date('2025-01-01T10:00:00Z'));
			const older = await saveDatasetVersion(db, version(arrowBytes(10), { name: 'Older' }));
			vi.setSystemTime(new Date('2025-03-01T10:00:00Z'));
			const newer = await saveDatasetVersion(db, version(arrowBytes(11), { name: 'Newer' }));
			vi.setSystemTime(new Date('2025-02-01T10:00:00Z'));
			const middle = await saveDatasetVersion(db, version(arrowBytes(12), { name: 'Middle' }));
			expect((await listDatasets(db)).map((r) => r.id)).toEqual([
				newer.record.id,
				middle.record.id,
				older.record.id
			]);
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('deleteDataset', () => {
	it('removes the record and its blob together, and leaves other versions alone', async () => {
		const kept = await saveDatasetVersion(db, version(arrowBytes(13)));
		const gone = await saveDatasetVersion(db, version(arrowBytes(14)));
		await deleteDataset(db, gone.record.id);

		expect(await getDataset(db, gone.record.id)).toBeUndefined();
		expect(await db.get('blobs', gone.record.blobId)).toBeUndefined();
		expect(await storeCounts(db)).toEqual({ datasets: 1, blobs: 1 });
		expect(await loadDatasetArrow(db, kept.record.id)).toEqual(arrowBytes(13));
		await expect(loadDatasetArrow(db, gone.record.id)).rejects.toMatchObject({ code: 'not-found' });
	});

	it('does nothing for a version that is already gone', async () => {
		await expect(deleteDataset(db, 'missing')).resolves.toBeUndefined();
	});

	it('lets the same bytes be saved again as a new version after deletion', async () => {
		const first = await saveDatasetVersion(db, version(arrowBytes(15)));
		await deleteDataset(db, first.record.id);
		const again = await saveDatasetVersion(db, version(arrowBytes(15)));
		expect(again.existed).toBe(false);
		expect(again.record.id).not.toBe(first.record.id);
	});
});

describe('getDataset, loadDatasetArrow and renameDataset', () => {
	it('returns undefined for an unknown id, and not-found when loading it', async () => {
		expect(await getDataset(db, 'missing')).toBeUndefined();
		const error = await loadDatasetArrow(db, 'missing').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(BenchtopError);
		expect((error as BenchtopError).code).toBe('not-found');
	});

	it('renames a version without touching anything else', async () => {
		const { record } = await saveDatasetVersion(db, version(arrowBytes(16)));
		await renameDataset(db, record.id, '  Penguins, cleaned ');
		expect(await getDataset(db, record.id)).toEqual({ ...record, name: 'Penguins, cleaned' });
	});

	it('refuses an empty name and an unknown id', async () => {
		const { record } = await saveDatasetVersion(db, version(arrowBytes(17)));
		await expect(renameDataset(db, record.id, '')).rejects.toMatchObject({ code: 'bad-input' });
		await expect(renameDataset(db, 'missing', 'Name')).rejects.toMatchObject({ code: 'not-found' });
		expect((await getDataset(db, record.id))?.name).toBe('Penguins');
	});
});
