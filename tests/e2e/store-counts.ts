// How many records some of the studio's IndexedDB stores hold, read straight from the database in the page
// (0 for a store the database does not have yet: a fresh browser has none).
import type { Page } from '@playwright/test';

export function storeCounts<S extends string>(page: Page, stores: readonly S[]): Promise<Record<S, number>> {
	return page.evaluate(
		(names: string[]) =>
			new Promise<Record<string, number>>((resolve, reject) => {
				const open = indexedDB.open('benchtop');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const counts: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
					const present = names.filter((name) => db.objectStoreNames.contains(name));
					if (present.length === 0) {
						db.close();
						resolve(counts);
						return;
					}
					const tx = db.transaction(present, 'readonly');
					const requests = present.map((name) => [name, tx.objectStore(name).count()] as const);
					tx.oncomplete = () => {
						for (const [name, request] of requests) counts[name] = request.result;
						db.close();
						resolve(counts);
					};
				};
			}),
		[...stores] as string[]
	) as Promise<Record<S, number>>;
}
