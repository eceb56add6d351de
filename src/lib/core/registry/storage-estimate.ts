// How much the browser lets Benchtop store, and asking it to keep our data under storage pressure.
// `navigator.storage` is missing in Node, in old browsers and in some insecure contexts.

export interface StorageEstimateResult {
	usage: number;
	quota: number;
}

/** Bytes used and allowed for this origin, or undefined when the browser cannot say. */
export async function estimateStorage(): Promise<StorageEstimateResult | undefined> {
	const storage = storageManager();
	if (!storage || typeof storage.estimate !== 'function') return undefined;
	try {
		const { usage, quota } = await storage.estimate();
		if (quota === undefined) return undefined;
		return { usage: usage ?? 0, quota };
	} catch {
		return undefined;
	}
}

/**
 * Asks the browser not to evict our data when disk runs low. True: granted (or already granted);
 * false: refused; undefined: the browser has no such request.
 */
export async function requestPersistence(): Promise<boolean | undefined> {
	const storage = storageManager();
	if (!storage || typeof storage.persist !== 'function') return undefined;
	try {
		if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
		return await storage.persist();
	} catch {
		return undefined;
	}
}

/** `persist` is page-only: workers' StorageManager lacks it, and so does the WebWorker lib's type. */
type StorageLike = Pick<StorageManager, 'estimate' | 'persisted'> & { persist?: () => Promise<boolean> };

function storageManager(): StorageLike | undefined {
	return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : undefined;
}
