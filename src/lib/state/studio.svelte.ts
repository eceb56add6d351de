// The studio's page-side state: the registry connection, the data set list, what is busy and what went
// wrong. One instance per tab, shared through context by the layout.
import { getContext, setContext } from 'svelte';
import type { DatasetRecord, Registry } from '$lib/core/registry/index.ts';
import { openRegistry, requestPersistence } from '$lib/core/registry/index.ts';
import { BenchtopError, toBenchtopError } from '$lib/core/errors.ts';
import type { SampleDataset } from '$lib/core/data/sample-manifest.ts';
import { createDataClient } from '$lib/worker-client/data-client.ts';
import { sampleUrl } from '$lib/samples.ts';

export type StorageMode = 'opening' | 'persistent' | 'memory' | 'stale' | 'failed';

export class Studio {
	registry: Registry | undefined = undefined;
	storageMode = $state<StorageMode>('opening');
	storageMessage = $state<string | undefined>(undefined);
	datasets = $state.raw<DatasetRecord[]>([]);
	/** The sample or file currently being imported, for progress and to disable its button. */
	importing = $state<string | undefined>(undefined);
	error = $state<BenchtopError | undefined>(undefined);

	private dataClient = createDataClient();
	private ready: Promise<void> | undefined;

	init(): Promise<void> {
		this.ready ??= this.openStorage();
		return this.ready;
	}

	private async openStorage(): Promise<void> {
		try {
			const registry = await openRegistry();
			this.registry = registry;
			this.storageMode = registry.persistent ? 'persistent' : 'memory';
			this.storageMessage = registry.unavailableReason;
			registry.onStale(() => {
				this.storageMode = 'stale';
				this.storageMessage = 'Benchtop was updated in another tab: reload this tab to keep working.';
			});
			if (registry.persistent) void requestPersistence();
			await this.refreshDatasets();
		} catch (error) {
			const failure = toBenchtopError(error);
			// A newer Benchtop owns the database: this tab must reload, not carry on in memory.
			this.storageMode = failure.code === 'newer-version' ? 'stale' : 'failed';
			this.storageMessage = failure.message;
		}
	}

	async refreshDatasets(): Promise<void> {
		if (!this.registry) return;
		this.datasets = await this.registry.listDatasets();
	}

	private requireRegistry(): Registry {
		if (!this.registry)
			throw new BenchtopError('storage-unavailable', 'Storage is still opening; try again.');
		return this.registry;
	}

	/** Imports a shipped sample as a data set version; returns it, or undefined when it failed. */
	async openSample(sample: SampleDataset, signal?: AbortSignal): Promise<DatasetRecord | undefined> {
		this.error = undefined;
		this.importing = sample.id;
		try {
			await this.init();
			const registry = this.requireRegistry();
			const url = sampleUrl(sample);
			const parsed = await this.dataClient.run((api) => api.parseCsvUrl(url), { signal });
			const { record } = await registry.saveDatasetVersion({
				name: sample.name,
				source: { kind: 'sample', sampleId: sample.id },
				rows: parsed.rows,
				schema: parsed.schema,
				arrow: parsed.arrow
			});
			await this.refreshDatasets();
			return record;
		} catch (error) {
			this.error = toBenchtopError(error, `Could not open the ${sample.name} sample.`);
			return undefined;
		} finally {
			this.importing = undefined;
		}
	}

	async deleteDataset(id: string): Promise<void> {
		this.error = undefined;
		try {
			await this.requireRegistry().deleteDataset(id);
			await this.refreshDatasets();
		} catch (error) {
			this.error = toBenchtopError(error);
		}
	}

	dismissError(): void {
		this.error = undefined;
	}
}

const STUDIO = Symbol('studio');

export function provideStudio(): Studio {
	return setContext(STUDIO, new Studio());
}

export function useStudio(): Studio {
	return getContext<Studio>(STUDIO);
}
