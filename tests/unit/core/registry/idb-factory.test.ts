import { IDBFactory, IDBRequest } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import {
	createMemoryFactory,
	ensureIdbClassesFor,
	globalFactory
} from '../../../../src/lib/core/registry/idb-factory.ts';

describe('idb-factory', () => {
	afterEach(() => {
		delete (globalThis as { indexedDB?: unknown }).indexedDB;
	});

	it('finds no global factory in Node, and none when the getter throws', () => {
		expect(globalFactory()).toBeUndefined();
		Object.defineProperty(globalThis, 'indexedDB', {
			configurable: true,
			get() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			}
		});
		expect(globalFactory()).toBeUndefined();
	});

	it('makes the IDB globals the classes of a fake-indexeddb factory, so idb can wrap its objects', async () => {
		await ensureIdbClassesFor(new IDBFactory());
		expect((globalThis as { IDBRequest?: unknown }).IDBRequest).toBe(IDBRequest);
		expect((globalThis as { IDBFactory?: unknown }).IDBFactory).toBe(IDBFactory);
	});

	it('creates independent in-memory factories', async () => {
		const a = await createMemoryFactory();
		const b = await createMemoryFactory();
		expect(a).toBeInstanceOf(IDBFactory);
		expect(a).not.toBe(b);
	});
});
