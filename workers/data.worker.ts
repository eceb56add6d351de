// The data worker: importing, typing, encoding, hashing and storing tables off the main thread, and
// sorting or filtering what the page shows. Thin: it only wires core to comlink. Cancelling
// terminates the worker, so a cancelled import really stops (and its transaction never commits).
import { expose, transfer } from 'comlink';
import type { ColumnTable } from 'arquero';
import { BenchtopError, toBenchtopError, type BenchtopErrorData } from '$lib/core/errors.ts';
import { arrowTableToIPC, tableToArrowIPC } from '$lib/core/data/arrow-ipc.ts';
import {
	importTable,
	type ImportOptions,
	type ImportProgress,
	type ImportResult
} from '$lib/core/data/import/index.ts';
import { checkImportUrl } from '$lib/core/data/import/import-url.ts';
import { PARALLEL_MIN_BYTES } from '$lib/core/data/import/read-delimited.ts';
import { parseParallelism, runParts, warmParsePool } from './parse-pool.ts';
import { retypeColumn } from '$lib/core/data/retype-column.ts';
import { tableToCsv } from '$lib/core/data/export/table-to-csv.ts';
import type { CsvCells } from '$lib/core/data/export/csv-cell.ts';
import { tableToParquet } from '$lib/core/data/export/table-to-parquet.ts';
import { viewOrder, type ColumnValues, type ViewSpec } from '$lib/core/data/view/view-order.ts';
import type { ColumnSchema, ColumnType } from '$lib/core/table/column-types.ts';
import { profileTableInParallel, type TableProfile } from '$lib/core/data/profile/index.ts';
import { profileParallelism, runColumnParts } from './profile-pool.ts';
import { generateSyntheticTable } from '$lib/core/prep/synthetic/index.ts';
import {
	materializePreparation,
	previewPreparation,
	type PreparationDraft,
	type PreparationPreview
} from '$lib/core/prep/preparation.ts';
import { defaultPreparation, retargetPreparation } from '$lib/core/prep/default-preparation.ts';
import type { DatasetRecord, DatasetSource, NewDatasetVersion } from '$lib/core/registry/index.ts';
import { newRecordId } from '$lib/core/registry/record-id.ts';
import { installErrorTransfer } from '$lib/worker-protocol/error-transfer.ts';
import { throttledProgress } from '$lib/worker-protocol/progress.ts';
import type { DataRef, DataStore } from '$lib/worker-protocol/data-ref.ts';
import { aliasKeptTable, keepTable, loadArrowBytes, loadTable } from './load-table.ts';
import { workerStorage } from './worker-storage.ts';
import { modelInputs, type ModelInputs } from '$lib/core/train/model-inputs.ts';
import type { TrainingRequest } from '$lib/core/train/training-request.ts';
import { scanClusters, type ClusterScan, type ScanProgress } from '$lib/core/train/scan-clusters.ts';
import { imageSamples, type ImageSamples } from '$lib/core/data/view/image-samples.ts';

installErrorTransfer();
// The first number formatted in a tab loads the locale's data (60–170 ms, measured). Done here first, the
// browser caches it, and the page's first progress line no longer pays for it on the main thread.
new Intl.NumberFormat('en').format(0);

export type WorkerImportOptions = Omit<ImportOptions, 'signal' | 'onProgress'>;
export type WorkerImportSource =
	{ kind: 'blob'; blob: Blob } | { kind: 'text'; text: string } | { kind: 'url'; url: string };

export interface ImportJob {
	source: WorkerImportSource;
	options: WorkerImportOptions;
	/** The new version's name and where it came from. */
	name: string;
	datasetSource: DatasetSource;
	/** Stored here, in IndexedDB, or handed to the page (memory-only mode). */
	store: DataStore;
	/**
	 * With `store: 'stored'`: answer as soon as the table exists, as a pending version (kept here), and
	 * leave the hash and the write to `commitPending`, which the page calls once the rows are drawn.
	 */
	pending?: boolean;
}

export interface SyntheticJob {
	generatorId: string;
	params: Record<string, number>;
	seed: number;
	store: DataStore;
}

/** Every job about an existing version names it by a DataRef. */
interface VersionJob {
	data: DataRef;
}

export interface TableJob extends VersionJob {
	schema: ColumnSchema[];
}

export interface ImportOutcome {
	rows: number;
	schema: ColumnSchema[];
	format: ImportResult['format'];
	notices: ImportResult['notices'];
	/** Set when the worker stored the version. */
	saved?: { record: DatasetRecord; existed: boolean };
	/** Set when the page must store it: the whole version, bytes included. */
	unsaved?: NewDatasetVersion;
	/** Set for a pending import: the table, not yet hashed or stored (see `PendingVersion`). */
	pending?: PendingVersion;
	/** Where an import's time went, for the page-import bench (milliseconds of wall time in this worker). */
	timings?: ImportTimings;
}

/**
 * A version shown before it is stored. `id` names it to this worker, which keeps its table decoded and its
 * Arrow bytes until the commit. No copy goes to the page on the way to the first rows (handing 50 MB to
 * the browser's blob store then slowed them down): a failed commit hands the bytes over as a Blob instead,
 * so the table stays readable, downloadable and storable whatever happens to this worker afterwards.
 */
export interface PendingVersion {
	id: string;
	/** Everything `saveDatasetVersion` needs but the bytes. */
	version: Omit<NewDatasetVersion, 'arrow'>;
	bytes: number;
}

/** A pending version's commit: stored (or found stored already), or why not with the bytes as a Blob. */
export type CommitOutcome =
	| { saved: { record: DatasetRecord; existed: boolean }; timings: CommitTimings }
	| { failed: BenchtopErrorData; blob: Blob };
export interface CommitTimings {
	/** SHA-256 of the Arrow bytes, the de-duplication check and the IndexedDB write. */
	hashAndStoreMs: number;
	startedAt: number;
	finishedAt: number;
}

export interface ImportTimings {
	/** Reading the file and parsing it into columns (numbers typed as they are read). */
	readAndParseMs: number;
	/** Typing the remaining columns and building the table. */
	inferMs: number;
	arrowMs: number;
	/** Hashing the Arrow bytes and storing the version (or handing it to the page); for a pending import,
	 * only keeping it (its bytes copied into the Blob the page holds): the hash and store come later. */
	hashAndStoreMs: number;
	/** How many parts the file was read in at once. */
	parts: number;
	/** When this worker began and finished the import (epoch milliseconds), to place it on the bench's clock. */
	startedAt: number;
	finishedAt: number;
}

const WORKER = 'data worker';

/** This worker's own connection: hashing and writing 50 MB here keeps the page responsive. */
const storage = () => workerStorage(WORKER);

async function fetchBlob(address: string): Promise<Blob> {
	// Checked again here, whoever called: only http(s) is ever fetched (issue 14).
	const url = checkImportUrl(address);
	let response: Response;
	try {
		response = await fetch(url);
	} catch (error) {
		throw new BenchtopError(
			'bad-input',
			`Could not load ${url}: the network request failed. If the file is on another site, that site must allow ` +
				'cross-origin requests (CORS); otherwise download it and open the file instead.',
			String(error)
		);
	}
	if (!response.ok) {
		throw new BenchtopError(
			'bad-input',
			`Could not load ${url}: the server answered ${response.status} ${response.statusText}.`
		);
	}
	return response.blob();
}

async function readSource(source: WorkerImportSource): Promise<{ data: Blob | string; fileName?: string }> {
	if (source.kind === 'blob') return { data: source.blob };
	if (source.kind === 'text') return { data: source.text };
	return { data: await fetchBlob(source.url), fileName: new URL(source.url).pathname.split('/').pop() };
}

/** The version a job names, decoded once here (and kept) so sorting a million rows never blocks the page. */
const tableOf = (job: VersionJob): Promise<ColumnTable> => loadTable(job.data, WORKER);

/**
 * Stores a new version from here, or hands it to the page whole (its bytes transferred, not copied), with
 * `extra` in the same answer: comlink's transfer mark belongs to the object it is given, so the answer is
 * built whole here rather than spread into another object (which would copy the bytes after all).
 */
async function deliver<Extra extends object>(
	version: NewDatasetVersion,
	store: DataStore,
	extra: Extra
): Promise<Pick<ImportOutcome, 'saved' | 'unsaved'> & Extra> {
	if (store === 'memory') return transfer({ ...extra, unsaved: version }, [version.arrow.buffer]);
	return { ...extra, saved: await (await storage()).saveDatasetVersion(version) };
}

/** A pending import's Arrow bytes, until its commit has used them once (a retry reads the page's Blob). */
const pendingBytes = new Map<string, Uint8Array>();
const ARROW_FILE_TYPE = 'application/vnd.apache.arrow.file';

/** Keeps a just-imported table as a pending version: decoded here, its bytes here until the commit. */
function keepPending(version: NewDatasetVersion, table: ColumnTable): PendingVersion {
	const id = `pending-${newRecordId()}`;
	const { arrow, ...rest } = version;
	pendingBytes.set(id, arrow);
	keepTable(id, table);
	return { id, version: rest, bytes: arrow.byteLength };
}

const api = {
	async importSource(job: ImportJob, onProgress?: (p: ImportProgress) => void): Promise<ImportOutcome> {
		const started = performance.now();
		const report = throttledProgress(onProgress);
		let typingAt: number | undefined;
		const progress = (p: ImportProgress) => {
			if (p.phase === 'typing') typingAt ??= performance.now();
			report(p);
		};
		// Big CSV/TSV files are read in parts by parse workers, started now so they load while the file is read.
		const big = job.source.kind === 'blob' && job.source.blob.size >= PARALLEL_MIN_BYTES;
		if (big) warmParsePool();
		const { data, fileName } = await readSource(job.source);
		const parallel = big ? { parallelParts: parseParallelism(), parseParts: runParts } : {};
		const result = await importTable(data, { fileName, ...job.options, ...parallel, onProgress: progress });
		const typed = performance.now();
		await report.settle();
		const arrow = result.arrow ? arrowTableToIPC(result.arrow) : tableToArrowIPC(result.table, result.schema);
		const encoded = performance.now();
		const version = {
			name: job.name,
			source: job.datasetSource,
			rows: result.rows,
			schema: result.schema,
			arrow
		};
		const shown = {
			rows: result.rows,
			schema: result.schema,
			format: result.format,
			notices: result.notices
		};
		// A pending version needs the table to read as its bytes will decode: built on those Arrow columns.
		const pending = job.pending === true && job.store === 'stored' && result.arrow !== undefined;
		const outcome: ImportOutcome = pending
			? { ...shown, pending: keepPending(version, result.table) }
			: await deliver(version, job.store, shown);
		// The page shows this version next: its table is already here, built on the columns just stored.
		if (outcome.saved && result.arrow) keepTable(outcome.saved.record.id, result.table);
		const typingFrom = typingAt ?? typed;
		outcome.timings = {
			readAndParseMs: typingFrom - started,
			inferMs: typed - typingFrom,
			arrowMs: encoded - typed,
			hashAndStoreMs: performance.now() - encoded,
			parts: big ? parseParallelism() : 1,
			startedAt: performance.timeOrigin + started,
			finishedAt: performance.timeOrigin + performance.now()
		};
		return outcome;
	},
	/**
	 * Hashes and stores a pending version (an existing version with the same bytes is returned instead,
	 * `existed`); its decoded table stays kept here under the stored id too. Hashing happens before the
	 * write transaction opens, which awaits only IndexedDB requests: a failure writes nothing.
	 */
	async commitPending(job: Pick<PendingVersion, 'id' | 'version'> & { blob?: Blob }): Promise<CommitOutcome> {
		const started = performance.now();
		const kept = pendingBytes.get(job.id);
		if (!kept && !job.blob) {
			throw new BenchtopError(
				'not-found',
				'This table is no longer held (the data worker restarted before it was saved): import the file again.'
			);
		}
		const arrow = kept ?? new Uint8Array(await job.blob!.arrayBuffer());
		// Used once: a failure hands them to the page as a Blob, so a full quota does not pin 50 MB here too.
		pendingBytes.delete(job.id);
		let saved: { record: DatasetRecord; existed: boolean };
		try {
			saved = await (await storage()).saveDatasetVersion({ ...job.version, arrow });
		} catch (error) {
			// Nothing was written (one transaction). The page keeps the bytes: to retry, download, read.
			const blob = job.blob ?? new Blob([arrow as Uint8Array<ArrayBuffer>], { type: ARROW_FILE_TYPE });
			return { failed: toBenchtopError(error, 'Could not save this table.').toJSON(), blob };
		}
		aliasKeptTable(job.id, saved.record.id);
		return {
			saved,
			timings: {
				hashAndStoreMs: performance.now() - started,
				startedAt: performance.timeOrigin + started,
				finishedAt: performance.timeOrigin + performance.now()
			}
		};
	},
	/** Lets go of a pending version this worker still holds (its bytes; its table once another replaces it). */
	dropPending(id: string): void {
		pendingBytes.delete(id);
	},
	/** A seeded synthetic table (make_moons and friends), stored like any import. */
	async generateSynthetic(job: SyntheticJob): Promise<ImportOutcome> {
		const { generatorId, params, seed } = job;
		const generated = generateSyntheticTable(generatorId, params, seed);
		const arrow = tableToArrowIPC(generated.table, generated.schema);
		const rows = generated.table.numRows();
		return deliver(
			{
				name: generated.name,
				source: generated.source,
				rows,
				schema: generated.schema,
				arrow,
				note: `Generated with ${generatorId}, seed ${seed}.`
			},
			job.store,
			{ rows, schema: generated.schema, format: 'arrow' as const, notices: [] }
		);
	},
	/** Rows to show for a sort and filter. */
	async viewOrder(job: VersionJob & { spec: ViewSpec }): Promise<Uint32Array> {
		const table = await tableOf(job);
		const { spec } = job;
		// Column names are data ("__proto__" is a valid one): keys go on an object without a prototype.
		const columns: Record<string, ColumnValues> = Object.create(null);
		for (const name of [spec.sort?.column, spec.filter?.column]) {
			if (name && !(name in columns)) columns[name] = table.array(name) as ColumnValues;
		}
		const order = viewOrder(table.numRows(), columns, spec);
		return transfer(order, [order.buffer]);
	},
	/** The profile of a version, computed where the table lives; a wide table's columns also on profile workers. */
	async profile(job: TableJob & { target?: string }): Promise<TableProfile> {
		return profileTableInParallel(await tableOf(job), job.schema, profileParallelism(), runColumnParts, {
			target: job.target
		});
	},
	/** A version as a file to download, written here so the page never serialises 50 MB. */
	async exportVersion(
		job: TableJob & { format: 'csv' | 'parquet' | 'arrow'; cells?: CsvCells }
	): Promise<Blob> {
		if (job.format === 'arrow') {
			// A memory version already is that file.
			if (job.data.kind === 'memory') return job.data.blob;
			const bytes = await loadArrowBytes(job.data, WORKER);
			// Stored bytes always sit on a plain ArrayBuffer (never shared memory).
			return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.apache.arrow.file' });
		}
		const table = await tableOf(job);
		if (job.format === 'csv') {
			return new Blob([tableToCsv(table, job.schema, job.cells ?? 'spreadsheet')], { type: 'text/csv' });
		}
		return new Blob([await tableToParquet(table, job.schema)], { type: 'application/vnd.apache.parquet' });
	},
	/** The rows at `indices`, each as values in `columns` order: what a table view shows, and no more. */
	async rows(job: VersionJob & { indices: Uint32Array; columns: string[] }): Promise<unknown[][]> {
		const table = await tableOf(job);
		return Array.from(job.indices, (row) => job.columns.map((name) => table.get(name, row)));
	},
	/** The split and what each recipe step does to the training rows, for the Prepare page. */
	async previewPreparation(job: TableJob & { draft: PreparationDraft }): Promise<PreparationPreview> {
		return previewPreparation({ table: await tableOf(job), schema: job.schema }, job.draft);
	},
	/** A fresh experiment draft: the default split and recipe (each step with its reason) for `target`. */
	async defaultPreparation(job: TableJob & { target: string | null }): Promise<PreparationDraft> {
		return defaultPreparation({ table: await tableOf(job), schema: job.schema }, job.target);
	},
	/** The draft after a change of target: the split follows; an untouched default recipe is rebuilt. */
	async retargetPreparation(
		job: TableJob & { draft: PreparationDraft; target: string | null }
	): Promise<PreparationDraft> {
		return retargetPreparation({ table: await tableOf(job), schema: job.schema }, job.draft, job.target);
	},
	/**
	 * The version through its recipe (fitted on its training split) as a new version, parent recorded;
	 * stored where its parent is.
	 */
	async materializePreparation(
		job: VersionJob & { parent: DatasetRecord; draft: PreparationDraft }
	): Promise<Pick<ImportOutcome, 'saved' | 'unsaved'>> {
		const { parent, draft } = job;
		const input = { table: await tableOf(job), schema: parent.schema };
		const { output, split } = materializePreparation(input, draft);
		const enabled = draft.recipe.steps.filter((step) => step.enabled).length;
		return deliver(
			{
				name: parent.name,
				source: { kind: 'derived' },
				parentId: parent.id,
				note: `Prepared with a ${enabled}-step recipe fitted on the ${split.counts.train.toLocaleString('en')} training rows (${split.method} split, seed ${split.seed}).`,
				rows: output.table.numRows(),
				schema: output.schema,
				derivation: { recipe: draft.recipe, split, target: draft.target },
				arrow: tableToArrowIPC(output.table, output.schema)
			},
			job.data.kind,
			{}
		);
	},
	/** The features and outputs a model of this request would have (for the architecture editor). */
	async modelInputs(job: TableJob & { request: TrainingRequest }): Promise<ModelInputs> {
		return modelInputs({ table: await tableOf(job), schema: job.schema }, job.request);
	},
	/** Inertia and silhouette for each k from kFrom to kTo, on the data as a k-means run would see it. */
	async scanClusters(
		job: TableJob & { request: TrainingRequest; kFrom: number; kTo: number },
		onProgress?: (progress: ScanProgress) => void
	): Promise<ClusterScan> {
		const report = throttledProgress(onProgress);
		const input = { table: await tableOf(job), schema: job.schema };
		const scan = scanClusters(input, job.request, job.kFrom, job.kTo, report);
		await report.settle();
		return scan;
	},
	/** The first `count` rows' pixels and labels, and the table's pixel range, for the image preview. */
	async imageSamples(
		job: VersionJob & { columns: string[]; target: string | null; count: number }
	): Promise<ImageSamples> {
		return imageSamples(await tableOf(job), job.columns, job.target, job.count);
	},
	/**
	 * The version with one column read as another type, as a new version whose parent it is (stored where its
	 * parent is); `lost` counts the values that are not of that type and are now missing.
	 */
	async retype(
		job: VersionJob & { parent: DatasetRecord; column: string; type: ColumnType }
	): Promise<Pick<ImportOutcome, 'saved' | 'unsaved'> & { lost: number }> {
		const { parent, column, type } = job;
		const result = retypeColumn(await tableOf(job), parent.schema, column, type);
		return deliver(
			{
				name: parent.name,
				source: { kind: 'derived' },
				parentId: parent.id,
				note: `Column “${column}” read as ${type}.`,
				rows: parent.rows,
				schema: result.schema,
				arrow: tableToArrowIPC(result.table, result.schema)
			},
			job.data.kind,
			{ lost: result.lost }
		);
	}
};

export type DataWorkerApi = typeof api;

expose(api);
