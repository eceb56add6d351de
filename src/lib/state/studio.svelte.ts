// The studio's page-side state: the registry connection, the data set list, what is busy and what went
// wrong. One instance per tab, shared through context by the layout.
import { getContext, setContext } from 'svelte';
import type { DatasetRecord, Registry } from '$lib/core/registry/index.ts';
import { STALE_TAB_MESSAGE, openRegistry, requestPersistence } from '$lib/core/registry/index.ts';
import { BenchtopError, toBenchtopError } from '$lib/core/errors.ts';
import type { SampleDataset } from '$lib/core/data/sample-manifest.ts';
import type { ImportNotice, ImportProgress } from '$lib/core/data/import/index.ts';
import type { ColumnType } from '$lib/core/table/column-types.ts';
import { createDataClient } from '$lib/worker-client/data-client.ts';
import { progressCallback } from '$lib/worker-protocol/progress.ts';
import { sampleUrl } from '$lib/samples.ts';
import type {
	CommitOutcome,
	ImportOutcome,
	PendingVersion,
	WorkerImportOptions,
	WorkerImportSource
} from '../../../workers/data.worker.ts';
import { PendingImport } from './pending-import.svelte.ts';
import { existedNotice } from './pending-version.ts';
import { datasetName, datasetSource, importLabel, type ImportInput } from './import-input.ts';
import type { PreparationDraft } from '$lib/core/prep/preparation.ts';
import { appendDraftStep } from './experiment-draft.ts';
import { dataRefOf, dataStoreOf, type DataRef } from './data-ref.ts';

/** A pending import's commit starts by then even if its rows were never drawn. */
const COMMIT_AT_THE_LATEST_MS = 10_000;

export type StorageMode = 'opening' | 'persistent' | 'memory' | 'stale' | 'failed';

export class Studio {
	registry: Registry | undefined = undefined;
	storageMode = $state<StorageMode>('opening');
	storageMessage = $state<string | undefined>(undefined);
	datasets = $state.raw<DatasetRecord[]>([]);
	/** The sample or file currently being imported, for progress and to disable its button. */
	importing = $state<string | undefined>(undefined);
	importProgress = $state<ImportProgress | undefined>(undefined);
	/** What the last import wants the person to know (renamed columns, padded rows, ...). */
	importNotices = $state.raw<ImportNotice[]>([]);
	/** An import that stopped on ragged rows, kept so the person can re-run it padding or skipping them. */
	raggedRetry = $state.raw<{ input: ImportInput; options: WorkerImportOptions } | undefined>(undefined);
	error = $state<BenchtopError | undefined>(undefined);
	private importController: AbortController | undefined;
	/** The Data page's last import while it is shown before (or just after) being stored. */
	pendingImport = $state.raw<PendingImport | undefined>(undefined);

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
		// Checked before any work starts: the workers' own connections would only fail later, less clearly.
		if (this.registry.stale) throw new BenchtopError('stale-tab', STALE_TAB_MESSAGE);
		return this.registry;
	}

	/** Imports a shipped sample as a data set version; returns it, or undefined when it failed. */
	openSample(sample: SampleDataset): Promise<DatasetRecord | undefined> {
		const input: ImportInput = {
			kind: 'sample',
			url: sampleUrl(sample),
			sampleId: sample.id,
			name: sample.name
		};
		return this.importData(input, { format: 'csv' });
	}

	/**
	 * Imports a file, pasted text or URL in the data worker and stores it as a new data set version.
	 * Returns the version (an existing one when the same content is already stored), or undefined.
	 */
	async importData(
		input: ImportInput,
		options: WorkerImportOptions = {}
	): Promise<DatasetRecord | undefined> {
		const result = await this.runImport(input, options, false);
		return result && 'record' in result ? result.record : undefined;
	}

	/**
	 * The Data page's import: with IndexedDB, answers as soon as the table exists, as a pending version
	 * shown from the data worker's cache, and stores it in the background (see PendingImport). In
	 * memory-only mode, or when the worker could not hand the table over pending, the stored version.
	 */
	importForView(
		input: ImportInput,
		options: WorkerImportOptions = {}
	): Promise<{ record: DatasetRecord } | { pending: PendingImport } | undefined> {
		return this.runImport(input, options, true);
	}

	private async runImport(
		input: ImportInput,
		options: WorkerImportOptions,
		pending: boolean
	): Promise<{ record: DatasetRecord } | { pending: PendingImport } | undefined> {
		this.error = undefined;
		this.raggedRetry = undefined;
		this.importNotices = [];
		this.importing = input.kind === 'sample' ? input.sampleId : importLabel(input);
		this.importProgress = undefined;
		const controller = new AbortController();
		this.importController = controller;
		try {
			await this.init();
			const registry = this.requireRegistry();
			const onProgress = progressCallback((progress: ImportProgress) => (this.importProgress = progress));
			const source: WorkerImportSource =
				input.kind === 'file'
					? { kind: 'blob', blob: input.file }
					: input.kind === 'paste'
						? { kind: 'text', text: input.text }
						: { kind: 'url', url: input.url };
			const fileOptions = input.kind === 'file' ? { fileName: input.file.name, ...options } : options;
			// With IndexedDB the worker hashes and stores the version itself: 50 MB never blocks the page.
			const job = {
				source,
				options: fileOptions,
				name: datasetName(input),
				datasetSource: datasetSource(input),
				store: dataStoreOf(registry),
				pending
			};
			const outcome = await this.dataClient.run((api) => api.importSource(job, onProgress), {
				signal: controller.signal
			});
			// Where the worker's time went, on the page's timeline for the page-import bench.
			if (outcome.timings) performance.mark('benchtop:import', { detail: outcome.timings });
			if (outcome.pending) {
				this.importNotices = outcome.notices;
				return { pending: this.holdPending(outcome.pending) };
			}
			const { record, existed } = await this.storeOutcome(registry, outcome);
			this.importNotices = existed
				? [{ kind: 'info', message: existedNotice(record) }, ...outcome.notices]
				: outcome.notices;
			await this.refreshDatasets();
			return { record };
		} catch (error) {
			const failure = toBenchtopError(error, `Could not import ${importLabel(input)}.`);
			if (failure.code === 'ragged-rows') this.raggedRetry = { input, options };
			this.error =
				failure.code === 'aborted'
					? new BenchtopError('aborted', 'Import cancelled. Nothing was stored.')
					: failure;
			return undefined;
		} finally {
			this.importing = undefined;
			this.importProgress = undefined;
			this.importController = undefined;
		}
	}

	/** A pending import becomes the one the Data page shows; its commit runs in the background. */
	private holdPending(version: PendingVersion): PendingImport {
		this.leavePending();
		const held = new PendingImport(version, {
			commit: (job) => this.dataClient.run<CommitOutcome>((api) => api.commitPending(job)),
			drop: (id) => this.dataClient.run((api) => api.dropPending(id)),
			landed: async ({ record, existed }) => {
				// De-duplicated by hash: the view switches to the stored version and says so.
				if (existed && this.pendingImport === held) {
					this.importNotices = [{ kind: 'info', message: existedNotice(record) }, ...this.importNotices];
				}
				await this.refreshDatasets();
			}
		});
		this.pendingImport = held;
		// The view starts the commit once the rows are drawn, and leaving it starts it too; this is for a
		// view that never draws them (a hidden tab pauses frames, the rows fail to load...).
		setTimeout(() => void held.commit(), COMMIT_AT_THE_LATEST_MS);
		return held;
	}

	/**
	 * The Data page no longer shows the pending import: a failed one is dropped (nothing of it is stored),
	 * a stored one forgotten; one still saving is kept, so its write lands (or its failure is said here).
	 */
	leavePending(): void {
		const held = this.pendingImport;
		if (!held) return;
		if (held.phase.kind === 'saving') {
			// Said even when another import has replaced it meanwhile: a failure is never silent.
			void held.commit().then(() => {
				if (held.phase.kind !== 'failed') return;
				this.error = new BenchtopError(
					held.phase.error.code,
					`“${held.shownRecord.name}” was not saved: ${held.phase.error.message}`
				);
				held.discard();
				if (this.pendingImport === held) this.pendingImport = undefined;
			});
			return;
		}
		held.discard();
		this.pendingImport = undefined;
	}

	/** Generates a seeded synthetic data set (blobs, moons, ...) and stores it as a version. */
	async generate(
		generatorId: string,
		params: Record<string, number>,
		seed: number
	): Promise<DatasetRecord | undefined> {
		this.error = undefined;
		this.importNotices = [];
		this.importing = `generator ${generatorId}`;
		try {
			await this.init();
			const registry = this.requireRegistry();
			const outcome = await this.dataClient.run((api) =>
				api.generateSynthetic({ generatorId, params, seed, store: dataStoreOf(registry) })
			);
			const { record } = await this.storeOutcome(registry, outcome);
			await this.refreshDatasets();
			return record;
		} catch (error) {
			this.error = toBenchtopError(error, 'Could not generate that data set.');
			return undefined;
		} finally {
			this.importing = undefined;
		}
	}

	/** The version the worker stored or, in memory-only mode, the one it handed back, stored here. */
	private async storeOutcome(registry: Registry, outcome: Pick<ImportOutcome, 'saved' | 'unsaved'>) {
		if (outcome.saved) return outcome.saved;
		if (!outcome.unsaved) throw new BenchtopError('internal', 'The data worker returned no data set.');
		return registry.saveDatasetVersion(outcome.unsaved);
	}

	cancelImport(): void {
		this.importController?.abort();
	}

	/** The stopped import again, padding or skipping ragged rows; answered as `importForView` answers. */
	retryRagged(mode: 'pad' | 'skip') {
		const retry = this.raggedRetry;
		if (!retry) return undefined;
		return this.importForView(retry.input, { ...retry.options, raggedRows: mode });
	}

	/** The data worker, for views and derived versions of the data set being looked at. */
	get data() {
		return this.dataClient;
	}

	async renameDataset(id: string, name: string): Promise<boolean> {
		this.error = undefined;
		try {
			await this.requireRegistry().renameDataset(id, name);
			await this.refreshDatasets();
			return true;
		} catch (error) {
			this.error = toBenchtopError(error);
			return false;
		}
	}

	/** Stores a column type override as a new version whose parent is `record`; returns the new version. */
	async retypeColumn(record: DatasetRecord, data: DataRef, column: string, type: ColumnType) {
		this.error = undefined;
		this.importNotices = [];
		try {
			const registry = this.requireRegistry();
			const result = await this.dataClient.run((api) =>
				api.retype({ data, parent: $state.snapshot(record), column, type })
			);
			const { record: version } = await this.storeOutcome(registry, result);
			if (result.lost > 0) {
				this.importNotices = [
					{
						kind: 'info',
						message: `${result.lost.toLocaleString('en')} values of “${column}” are not ${type} values and are now missing.`
					}
				];
			}
			await this.refreshDatasets();
			return version;
		} catch (error) {
			this.error = toBenchtopError(error, `Could not change the type of ${column}.`);
			return undefined;
		}
	}

	/** Stores the version run through its recipe as a new version; returns it, or undefined on failure. */
	async materializeRecipe(
		record: DatasetRecord,
		data: DataRef,
		draft: PreparationDraft
	): Promise<DatasetRecord | undefined> {
		this.error = undefined;
		try {
			const registry = this.requireRegistry();
			const outcome = await this.dataClient.run((api) =>
				api.materializePreparation({
					data,
					parent: $state.snapshot(record),
					draft: $state.snapshot(draft) as PreparationDraft
				})
			);
			const { record: version } = await this.storeOutcome(registry, outcome);
			await this.refreshDatasets();
			return version;
		} catch (error) {
			this.error = toBenchtopError(error, 'Could not apply the recipe.');
			return undefined;
		}
	}

	/** Appends a step (a quality finding's fix) to the version's experiment draft: added to the recipe
	 * (the default one when none is saved yet), never replacing it. Returns the draft as it is now. */
	async addRecipeStep(
		datasetId: string,
		step: { op: string; params: Record<string, unknown>; reason?: string }
	): Promise<PreparationDraft | undefined> {
		this.error = undefined;
		try {
			await this.init();
			const registry = this.requireRegistry();
			const record = await registry.getDataset(datasetId);
			if (!record) throw new BenchtopError('not-found', 'This data set is no longer stored in this browser.');
			const data = await dataRefOf(registry, datasetId);
			return await appendDraftStep(this, record, data, { ...step, enabled: true });
		} catch (error) {
			this.error = toBenchtopError(error, 'Could not add the step to the recipe.');
			return undefined;
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
		this.raggedRetry = undefined;
	}
}

const STUDIO = Symbol('studio');

export function provideStudio(): Studio {
	return setContext(STUDIO, new Studio());
}

export function useStudio(): Studio {
	return getContext<Studio>(STUDIO);
}
