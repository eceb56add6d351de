// A worker's own connection to the studio's IndexedDB, opened on first use: writing 50 MB or a run's
// weights here keeps the page responsive. Reopened after another tab moved the schema on.
import { BenchtopError } from '$lib/core/errors.ts';
import { openRegistry, type Registry } from '$lib/core/registry/index.ts';

let registry: Promise<Registry> | undefined;

export function workerStorage(workerName: string): Promise<Registry> {
	registry ??= openRegistry().then((opened) => {
		if (!opened.persistent) {
			throw new BenchtopError(
				'storage-unavailable',
				`The ${workerName} cannot reach this browser’s storage.`
			);
		}
		opened.onStale(() => (registry = undefined));
		return opened;
	});
	return registry;
}
