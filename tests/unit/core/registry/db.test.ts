import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { BenchtopError } from '../../../../src/lib/core/errors.ts';
import { DB_NAME, DB_VERSION, openStudioDb } from '../../../../src/lib/core/registry/db.ts';

/** Opens `name` at `version` on the raw factory, creating nothing, and resolves with the connection. */
function openRaw(factory: IDBFactory, name: string, version: number): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = factory.open(name, version);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

describe('openStudioDb', () => {
	it('creates every store and index from an empty database, at schema version 4', async () => {
		const factory = new IDBFactory();
		const db = await openStudioDb({ factory });
		expect(DB_NAME).toBe('benchtop');
		expect(DB_VERSION).toBe(4);
		expect(db.name).toBe('benchtop');
		expect(db.version).toBe(4);
		expect([...db.objectStoreNames].sort()).toEqual(
			[
				'aliasEvents',
				'artifacts',
				'blobs',
				'datasets',
				'experiments',
				'models',
				'modelVersions',
				'recipes',
				'runs',
				'settings',
				'versionArtifacts',
				'versionSummaries'
			].sort()
		);

		const tx = db.transaction([...db.objectStoreNames], 'readonly');
		for (const name of [
			'artifacts',
			'blobs',
			'datasets',
			'experiments',
			'models',
			'recipes',
			'runs',
			'modelVersions',
			'versionArtifacts',
			'versionSummaries',
			'aliasEvents'
		] as const) {
			expect(tx.objectStore(name).keyPath, name).toBe('id');
		}
		expect(tx.objectStore('settings').keyPath).toBeNull();

		const datasets = tx.objectStore('datasets');
		expect([...datasets.indexNames].sort()).toEqual(['by-created', 'by-hash']);
		expect(datasets.index('by-hash').keyPath).toBe('hash');
		expect(datasets.index('by-hash').unique).toBe(true);
		expect(datasets.index('by-created').keyPath).toBe('createdAt');
		expect(datasets.index('by-created').unique).toBe(false);
		expect(tx.objectStore('models').index('by-name').unique).toBe(true);
		expect([...tx.objectStore('modelVersions').indexNames].sort()).toEqual([
			'by-dataset',
			'by-model',
			'by-run'
		]);
		expect(tx.objectStore('aliasEvents').index('by-model').keyPath).toBe('modelId');
		expect(tx.objectStore('versionSummaries').index('by-model').keyPath).toBe('modelId');
		await tx.done;
		db.close();
	});

	it('migrates a version 1 database to the current one, keeping its data and indexing runs by experiment', async () => {
		const factory = new IDBFactory();
		await new Promise<void>((resolve, reject) => {
			const request = factory.open('old', 1);
			request.onupgradeneeded = () => {
				const db = request.result;
				for (const name of ['datasets', 'blobs', 'recipes', 'experiments', 'runs', 'models', 'artifacts']) {
					db.createObjectStore(name, { keyPath: 'id' });
				}
				db.createObjectStore('settings');
				request.transaction!.objectStore('runs').put({ id: 'r1', experimentId: 'e1' });
			};
			request.onsuccess = () => {
				request.result.close();
				resolve();
			};
			request.onerror = () => reject(request.error);
		});
		const db = await openStudioDb({ factory, name: 'old' });
		expect(db.version).toBe(DB_VERSION);
		expect(await db.getAllFromIndex('runs', 'by-experiment', 'e1')).toEqual([
			{ id: 'r1', experimentId: 'e1' }
		]);
		expect(await db.count('modelVersions')).toBe(0);
		db.close();
	});

	it('migrates a version 2 database to the current one: its runs, data sets and settings stay readable', async () => {
		const factory = new IDBFactory();
		await new Promise<void>((resolve, reject) => {
			const request = factory.open('v2', 2);
			request.onupgradeneeded = () => {
				const db = request.result;
				for (const name of ['datasets', 'blobs', 'recipes', 'experiments', 'runs', 'models', 'artifacts']) {
					db.createObjectStore(name, { keyPath: 'id' });
				}
				db.createObjectStore('settings');
				const tx = request.transaction!;
				tx.objectStore('runs').createIndex('by-experiment', 'experimentId');
				tx.objectStore('runs').put({ id: 'r1', experimentId: 'e1' });
				tx.objectStore('settings').put('dark', 'theme');
			};
			request.onsuccess = () => {
				request.result.close();
				resolve();
			};
			request.onerror = () => reject(request.error);
		});
		const db = await openStudioDb({ factory, name: 'v2' });
		expect(db.version).toBe(DB_VERSION);
		expect((await db.getAllFromIndex('runs', 'by-experiment', 'e1')).map((r) => r.id)).toEqual(['r1']);
		expect(await db.get('settings', 'theme')).toBe('dark');
		expect(await db.getAllFromIndex('models', 'by-name', 'anything')).toEqual([]);
		db.close();
	});

	it('reopens an existing database without running the migration again', async () => {
		const factory = new IDBFactory();
		const first = await openStudioDb({ factory, name: 'reopen' });
		await first.put('settings', 'kept', 'theme');
		first.close();
		const second = await openStudioDb({ factory, name: 'reopen' });
		expect(await second.get('settings', 'theme')).toBe('kept');
		second.close();
	});

	it('closes itself and calls onStale when another connection asks for a newer version', async () => {
		const factory = new IDBFactory();
		let staleCalls = 0;
		const db = await openStudioDb({ factory, name: 'stale', onStale: () => staleCalls++ });
		// Resolves only because our connection steps aside; a blocked open would hang the test.
		const newer = await openRaw(factory, 'stale', DB_VERSION + 1);
		expect(newer.version).toBe(DB_VERSION + 1);
		expect(staleCalls).toBe(1);
		expect(() => db.transaction('settings')).toThrow();
		newer.close();
	});

	it('refuses a database that a newer Benchtop already upgraded, with newer-version', async () => {
		const factory = new IDBFactory();
		(await openRaw(factory, 'newer', DB_VERSION + 1)).close();
		const error = await openStudioDb({ factory, name: 'newer' }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(BenchtopError);
		expect(error).toMatchObject({
			code: 'newer-version',
			message: 'A newer version of Benchtop is open in another tab. Reload this tab to use it.'
		});
	});

	it('reports storage-unavailable when the factory throws on open', async () => {
		const factory = {
			open() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			}
		} as unknown as IDBFactory;
		const error = await openStudioDb({ factory }).catch((e: unknown) => e);
		expect(error).toMatchObject({ code: 'storage-unavailable' });
		expect((error as BenchtopError).detail).toContain('SecurityError');
	});
});
