// Where IndexedDB factories come from: the browser's, or fake-indexeddb's in memory. idb recognises
// IndexedDB objects with `instanceof IDBRequest` (and friends) against the globals, so a factory from
// fake-indexeddb only works once those globals are fake-indexeddb's classes too.

/** The environment's IndexedDB, if it has one and lets us touch it. */
export function globalFactory(): IDBFactory | undefined {
	try {
		return (globalThis as { indexedDB?: IDBFactory }).indexedDB ?? undefined;
	} catch {
		// Some browsers throw SecurityError from the `indexedDB` getter itself when storage is blocked.
		return undefined;
	}
}

/** Lets idb wrap objects made by `factory`. Loads fake-indexeddb only when the factory is not native. */
export async function ensureIdbClassesFor(factory: IDBFactory): Promise<void> {
	const globals = globalThis as { IDBFactory?: unknown };
	if (typeof globals.IDBFactory === 'function' && factory instanceof globals.IDBFactory) return;
	const fake = await import('fake-indexeddb');
	// A factory that is neither native nor fake is left alone (its `open` decides what happens), unless
	// there are no classes at all, as in Node, where the fake ones are the only ones that can work.
	if (factory instanceof fake.IDBFactory || typeof globals.IDBFactory !== 'function') {
		installFakeClasses(fake);
	}
}

/** A fresh in-memory IndexedDB, for when the browser gives us none (and for Node). */
export async function createMemoryFactory(): Promise<IDBFactory> {
	const fake = await import('fake-indexeddb');
	installFakeClasses(fake);
	return new fake.IDBFactory();
}

function installFakeClasses(fake: typeof import('fake-indexeddb')): void {
	// `indexedDB` itself is left as it is: only the classes idb tests against change. This runs only when
	// the native IndexedDB is absent or unusable, so nothing else in the realm still relies on them.
	const classes = {
		IDBCursor: fake.IDBCursor,
		IDBCursorWithValue: fake.IDBCursorWithValue,
		IDBDatabase: fake.IDBDatabase,
		IDBFactory: fake.IDBFactory,
		IDBIndex: fake.IDBIndex,
		IDBKeyRange: fake.IDBKeyRange,
		IDBObjectStore: fake.IDBObjectStore,
		IDBOpenDBRequest: fake.IDBOpenDBRequest,
		IDBRequest: fake.IDBRequest,
		IDBTransaction: fake.IDBTransaction,
		IDBVersionChangeEvent: fake.IDBVersionChangeEvent
	};
	for (const [name, value] of Object.entries(classes)) {
		Object.defineProperty(globalThis, name, { value, configurable: true, writable: true, enumerable: false });
	}
}
