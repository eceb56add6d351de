// The data worker: importing, typing, encoding, hashing and storing tables off the main thread, and
// sorting or filtering what the page shows. Thin: it only wires core to comlink. Cancelling
// terminates the worker, so a cancelled import really stops (and its transaction never commits).
import { expose, transfer } from 'comlink';
import type { ColumnTable } from 'arquero';
import { BenchtopError } from '$lib/core/errors.ts';
import { tableFromArrowIPC, tableToArrowIPC } from '$lib/core/data/arrow-ipc.ts';
import {
	importTable,
	type ImportOptions,
	type ImportProgress,
	type ImportResult
} from '$lib/core/data/import/index.ts';
import { checkImportUrl } from '$lib/core/data/import/import-url.ts';
import { retypeColumn } from '$lib/core/data/retype-column.ts';
import { tableToCsv } from '$lib/core/data/export/table-to-csv.ts';
import type { CsvCells } from '$lib/core/data/export/csv-cell.ts';
import { tableToParquet } from '$lib/core/data/export/table-to-parquet.ts';
import { viewOrder, type ColumnValues, type ViewSpec } from '$lib/core/data/view/view-order.ts';
import type { ColumnSchema, ColumnType } from '$lib/core/table/column-types.ts';
import { profileTable, type TableProfile } from '$lib/core/data/profile/index.ts';
import { generateSyntheticTable } from '$lib/core/prep/synthetic/index.ts';
import {
	materializePreparation,
	previewPreparation,
	type PreparationDraft,
	type PreparationPreview
} from '$lib/core/prep/preparation.ts';
import { defaultPreparation, retargetPreparation } from '$lib/core/prep/default-preparation.ts';
import type { DatasetRecord, DatasetSource, NewDatasetVersion } from '$lib/core/registry/index.ts';
import { installErrorTransfer } from '$lib/worker-protocol/error-transfer.ts';
import { throttledProgress } from '$lib/worker-protocol/progress.ts';
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

/** Where a new version is stored: here, in IndexedDB, or by the page (memory-only mode). */
export interface ImportDestination {
	store: boolean;
	name: string;
	source: DatasetSource;
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
}

/** This worker's own connection: hashing and writing 50 MB here keeps the page responsive. */
const storage = () => workerStorage('data worker');

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

/** The table the page is looking at, decoded once here so sorting a million rows never blocks the page. */
let viewed: { id: string; table: ColumnTable } | undefined;

async function viewedTable(id: string, arrow?: Uint8Array): Promise<ColumnTable> {
	if (viewed?.id === id) return viewed.table;
	const bytes = arrow ?? (await (await storage()).loadDatasetArrow(id));
	viewed = { id, table: tableFromArrowIPC(bytes) };
	return viewed.table;
}

/** Stores a new version from here, or hands it to the page whole (its bytes transferred, not copied). */
async function deliver(
	version: NewDatasetVersion,
	store: boolean
): Promise<Pick<ImportOutcome, 'saved' | 'unsaved'>> {
	if (!store) return transfer({ unsaved: version }, [version.arrow.buffer]);
	return { saved: await (await storage()).saveDatasetVersion(version) };
}

const api = {
	async importSource(
		source: WorkerImportSource,
		options: WorkerImportOptions,
		destination: ImportDestination,
		onProgress?: (p: ImportProgress) => void
	): Promise<ImportOutcome> {
		const report = throttledProgress(onProgress);
		const { data, fileName } = await readSource(source);
		const result = await importTable(data, { fileName, ...options, onProgress: report });
		await report.settle();
		const arrow = tableToArrowIPC(result.table, result.schema);
		const { name, source: datasetSource, store } = destination;
		const delivered = await deliver(
			{ name, source: datasetSource, rows: result.rows, schema: result.schema, arrow },
			store
		);
		return {
			rows: result.rows,
			schema: result.schema,
			format: result.format,
			notices: result.notices,
			...delivered
		};
	},
	/** A seeded synthetic table (make_moons and friends), stored like any import. */
	async generateSynthetic(
		generatorId: string,
		params: Record<string, number>,
		seed: number,
		store: boolean
	): Promise<ImportOutcome> {
		const generated = generateSyntheticTable(generatorId, params, seed);
		const arrow = tableToArrowIPC(generated.table, generated.schema);
		const rows = generated.table.numRows();
		const delivered = await deliver(
			{
				name: generated.name,
				source: generated.source,
				rows,
				schema: generated.schema,
				arrow,
				note: `Generated with ${generatorId}, seed ${seed}.`
			},
			store
		);
		return { rows, schema: generated.schema, format: 'arrow', notices: [], ...delivered };
	},
	/** Rows to show for a sort and filter; the table comes from storage, or from `arrow` in memory mode. */
	async viewOrder(id: string, spec: ViewSpec, arrow?: Uint8Array): Promise<Uint32Array> {
		const table = await viewedTable(id, arrow);
		// Column names are data ("__proto__" is a valid one): keys go on an object without a prototype.
		const columns: Record<string, ColumnValues> = Object.create(null);
		for (const name of [spec.sort?.column, spec.filter?.column]) {
			if (name && !(name in columns)) columns[name] = table.array(name) as ColumnValues;
		}
		const order = viewOrder(table.numRows(), columns, spec);
		return transfer(order, [order.buffer]);
	},
	/** The profile of a stored version (or of `arrow` in memory mode), computed where the table lives. */
	async profile(
		id: string,
		schema: ColumnSchema[],
		target: string | undefined,
		arrow?: Uint8Array
	): Promise<TableProfile> {
		return profileTable(await viewedTable(id, arrow), schema, { target });
	},
	/** A stored version as a file to download, written here so the page never serialises 50 MB. */
	async exportVersion(
		id: string,
		schema: ColumnSchema[],
		format: 'csv' | 'parquet' | 'arrow',
		arrow?: Uint8Array,
		cells: CsvCells = 'spreadsheet'
	): Promise<Blob> {
		if (format === 'arrow') {
			const bytes = arrow ?? (await (await storage()).loadDatasetArrow(id));
			// Stored bytes always sit on a plain ArrayBuffer (never shared memory).
			return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.apache.arrow.file' });
		}
		const table = await viewedTable(id, arrow);
		if (format === 'csv') return new Blob([tableToCsv(table, schema, cells)], { type: 'text/csv' });
		return new Blob([tableToParquet(table, schema)], { type: 'application/vnd.apache.parquet' });
	},
	/** The rows at `indices`, each as values in `columns` order: what a table view shows, and no more. */
	async rows(id: string, indices: Uint32Array, columns: string[], arrow?: Uint8Array): Promise<unknown[][]> {
		const table = await viewedTable(id, arrow);
		return Array.from(indices, (row) => columns.map((name) => table.get(name, row)));
	},
	/** The split and what each recipe step does to the training rows, for the Prepare page. */
	async previewPreparation(
		id: string,
		schema: ColumnSchema[],
		draft: PreparationDraft,
		arrow?: Uint8Array
	): Promise<PreparationPreview> {
		return previewPreparation({ table: await viewedTable(id, arrow), schema }, draft);
	},
	/** A fresh experiment draft: the default split and recipe (each step with its reason) for `target`. */
	async defaultPreparation(
		id: string,
		schema: ColumnSchema[],
		target: string | null,
		arrow?: Uint8Array
	): Promise<PreparationDraft> {
		return defaultPreparation({ table: await viewedTable(id, arrow), schema }, target);
	},
	/** The draft after a change of target: the split follows; an untouched default recipe is rebuilt. */
	async retargetPreparation(
		id: string,
		schema: ColumnSchema[],
		draft: PreparationDraft,
		target: string | null,
		arrow?: Uint8Array
	): Promise<PreparationDraft> {
		return retargetPreparation({ table: await viewedTable(id, arrow), schema }, draft, target);
	},
	/** The version through its recipe (fitted on its training split) as a new version, parent recorded. */
	async materializePreparation(
		parent: DatasetRecord,
		draft: PreparationDraft,
		store: boolean,
		arrow?: Uint8Array
	): Promise<Pick<ImportOutcome, 'saved' | 'unsaved'>> {
		const input = { table: await viewedTable(parent.id, arrow), schema: parent.schema };
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
			store
		);
	},
	/** The features and outputs a model of this request would have (for the architecture editor). */
	async modelInputs(
		id: string,
		schema: ColumnSchema[],
		request: TrainingRequest,
		arrow?: Uint8Array
	): Promise<ModelInputs> {
		return modelInputs({ table: await viewedTable(id, arrow), schema }, request);
	},
	/** Inertia and silhouette for each k from kFrom to kTo, on the data as a k-means run would see it. */
	async scanClusters(
		id: string,
		schema: ColumnSchema[],
		request: TrainingRequest,
		kFrom: number,
		kTo: number,
		arrow?: Uint8Array,
		onProgress?: (progress: ScanProgress) => void
	): Promise<ClusterScan> {
		const report = throttledProgress(onProgress);
		const scan = scanClusters({ table: await viewedTable(id, arrow), schema }, request, kFrom, kTo, report);
		await report.settle();
		return scan;
	},
	/** The first `count` rows' pixels and labels, and the table's pixel range, for the image preview. */
	async imageSamples(
		id: string,
		columns: string[],
		target: string | null,
		count: number,
		arrow?: Uint8Array
	): Promise<ImageSamples> {
		return imageSamples(await viewedTable(id, arrow), columns, target, count);
	},
	async retype(id: string, schema: ColumnSchema[], column: string, type: ColumnType, arrow?: Uint8Array) {
		const result = retypeColumn(await viewedTable(id, arrow), schema, column, type);
		const bytes = tableToArrowIPC(result.table, result.schema);
		return transfer({ arrow: bytes, schema: result.schema, lost: result.lost }, [bytes.buffer]);
	}
};

export type DataWorkerApi = typeof api;

expose(api);
