import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { BenchtopError } from '../../../../src/lib/core/errors.ts';
import { DB_VERSION } from '../../../../src/lib/core/registry/db.ts';
import { MEMORY_ONLY_REASON, openRegistry } from '../../../../src/lib/core/registry/registry.ts';
import type { NewDatasetVersion } from '../../../../src/lib/core/registry/datasets.ts';

const STALE = 'Benchtop was updated in another tab: reload this tab to keep working.';

function version(seed: number): NewDatasetVersion {
	return {
		name: `Set ${seed}`,
		source: { kind: 'paste' },
		rows: 3,
		schema: [{ name: 'x', type: 'integer' }],
		arrow: Uint8Array.from({ length: 256 }, (_, i) => (i + seed) & 0xff)
	};
}

function openRaw(factory: IDBFactory, name: string, version: number): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = factory.open(name, version);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

describe('openRegistry', () => {
	it('is persistent on a working IndexedDB and round-trips data sets and settings', async () => {
		const registry = await openRegistry({ factory: new IDBFactory() });
		expect(registry.persistent).toBe(true);
		expect(registry.unavailableReason).toBeUndefined();
		expect(registry.stale).toBe(false);

		const { record, existed } = await registry.saveDatasetVersion(version(1));
		expect(existed).toBe(false);
		expect(await registry.listDatasets()).toEqual([record]);
		expect(await registry.getDataset(record.id)).toEqual(record);
		expect(await registry.loadDatasetArrow(record.id)).toEqual(version(1).arrow);
		await registry.renameDataset(record.id, 'Renamed');
		expect((await registry.getDataset(record.id))?.name).toBe('Renamed');
		expect((await registry.saveDatasetVersion(version(1))).existed).toBe(true);
		await registry.setSetting('theme', 'dark');
		expect(await registry.getSetting<string>('theme')).toBe('dark');
		await registry.deleteDataset(record.id);
		expect(await registry.listDatasets()).toEqual([]);
		registry.close();
	});

	it('keeps data between registries on the same database', async () => {
		const factory = new IDBFactory();
		const first = await openRegistry({ factory });
		const { record } = await first.saveDatasetVersion(version(2));
		first.close();
		const second = await openRegistry({ factory });
		expect(await second.listDatasets()).toEqual([record]);
		second.close();
	});

	it('goes stale once when another tab upgrades the schema, and then refuses work', async () => {
		const factory = new IDBFactory();
		const registry = await openRegistry({ factory });
		await registry.saveDatasetVersion(version(3));
		let fired = 0;
		registry.onStale(() => fired++);
		const unsubscribed = registry.onStale(() => {
			throw new Error('an unsubscribed listener must not run');
		});
		unsubscribed();

		const newer = await openRaw(factory, 'benchtop', DB_VERSION + 1);
		expect(registry.stale).toBe(true);
		expect(fired).toBe(1);

		const write = await registry.saveDatasetVersion(version(4)).catch((e: unknown) => e);
		expect(write).toBeInstanceOf(BenchtopError);
		expect(write).toMatchObject({ code: 'stale-tab', message: STALE });
		await expect(registry.setSetting('a', 1)).rejects.toMatchObject({ code: 'stale-tab' });
		await expect(registry.deleteDataset('x')).rejects.toMatchObject({ code: 'stale-tab' });
		await expect(registry.listDatasets()).rejects.toMatchObject({ code: 'stale-tab' });

		// A late listener still hears about it, once.
		let late = 0;
		registry.onStale(() => late++);
		await Promise.resolve();
		expect(late).toBe(1);
		expect(fired).toBe(1);
		newer.close();
	});

	it('throws newer-version as is, without falling back to memory', async () => {
		const factory = new IDBFactory();
		(await openRaw(factory, 'benchtop', DB_VERSION + 1)).close();
		const error = await openRegistry({ factory }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(BenchtopError);
		expect(error).toMatchObject({
			code: 'newer-version',
			message: 'A newer version of Benchtop is open in another tab. Reload this tab to use it.'
		});
	});

	it('falls back to memory when IndexedDB refuses to open, and still saves and lists', async () => {
		const throwing = {
			open() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			}
		} as unknown as IDBFactory;
		const registry = await openRegistry({ factory: throwing });
		expect(registry.persistent).toBe(false);
		expect(registry.unavailableReason).toBe(MEMORY_ONLY_REASON);
		expect(MEMORY_ONLY_REASON).toBe(
			'Your browser does not let Benchtop store data (private mode or blocked storage). You can work ' +
				'normally, but nothing is kept after you close this tab.'
		);

		const { record } = await registry.saveDatasetVersion(version(5));
		expect(await registry.listDatasets()).toEqual([record]);
		expect(await registry.loadDatasetArrow(record.id)).toEqual(version(5).arrow);
		registry.close();
	});

	it('works in memory where there is no IndexedDB at all, as in Node', async () => {
		const registry = await openRegistry();
		expect(registry.persistent).toBe(false);
		const { record } = await registry.saveDatasetVersion(version(7));
		expect(await registry.listDatasets()).toEqual([record]);
		registry.close();
		// Each in-memory registry starts empty: nothing outlives the tab.
		const next = await openRegistry();
		expect(await next.listDatasets()).toEqual([]);
		next.close();
	});

	it('falls back to memory when the open request fails', async () => {
		const failing = {
			open() {
				const request = new EventTarget() as EventTarget & { error: DOMException };
				request.error = new DOMException('', 'InvalidStateError');
				setTimeout(() => request.dispatchEvent(new Event('error')));
				return request;
			}
		} as unknown as IDBFactory;
		const registry = await openRegistry({ factory: failing });
		expect(registry.persistent).toBe(false);
		expect((await registry.saveDatasetVersion(version(6))).existed).toBe(false);
		registry.close();
	});

	it('refuses work after close', async () => {
		const registry = await openRegistry({ factory: new IDBFactory() });
		registry.close();
		await expect(registry.listDatasets()).rejects.toMatchObject({ code: 'storage-unavailable' });
	});
});
