// The export worker: writes the edge bundle (each quantised variant planned, run through the bundle's own
// runtime on the run's test rows and scored) and its zip, and reads a model someone imports (a zip or
// loose files, checked before any tensor is made), off the page's thread, so the Export page never
// freezes on a large model or file. Thin: the work is core (core/export). The page hands over the run,
// its weights and the data set's Arrow bytes, so this worker needs no storage of its own.
import { expose, transfer } from 'comlink';
import { zipSync } from 'fflate';
import { tableFromArrowIPC } from '$lib/core/data/arrow-ipc.ts';
import { splitTestRows } from '$lib/core/evaluate/split-test-rows.ts';
import {
	filesFromMap,
	readImportedModel,
	readModelZip,
	type ImportedModel
} from '$lib/core/export/tfjs-zip-import.ts';
import {
	writeInferenceBundle,
	type BundleOptions,
	type InferenceBundle
} from '$lib/core/export/write-bundle.ts';
import { bundleFromRun } from '$lib/core/predict/model-bundle.ts';
import type { ColumnSchema } from '$lib/core/table/column-types.ts';
import type { ModelArtifact, RunRecord } from '$lib/core/train/run-record.ts';
import { installErrorTransfer } from '$lib/worker-protocol/error-transfer.ts';

installErrorTransfer();

export interface BundleJob {
	run: RunRecord;
	artifact: ModelArtifact;
	options: Omit<BundleOptions, 'testRows'>;
	/** The run's data set (Arrow IPC bytes and schema): each variant is scored on its test rows. */
	data?: { arrow: Uint8Array; schema: ColumnSchema[] };
}

export interface MeasuredBundle extends InferenceBundle {
	/** Test rows each variant was scored on (0 without the data set). */
	testRows: number;
}

export interface PickedFile {
	name: string;
	bytes: Uint8Array;
}

const api = {
	/** The bundle's files and, with the data set, every variant's measured metrics. */
	async writeBundle(job: BundleJob): Promise<MeasuredBundle> {
		const rows = job.data
			? splitTestRows({ table: tableFromArrowIPC(job.data.arrow), schema: job.data.schema }, job.run.split)
			: undefined;
		const bundle = await writeInferenceBundle(bundleFromRun(job.run, job.artifact), {
			...job.options,
			...(rows ? { testRows: rows } : {})
		});
		return { ...bundle, testRows: rows?.length ?? 0 };
	},

	/** The bundle's files zipped under `folder/`, ready to download. */
	async bundleZip(job: BundleJob, folder: string): Promise<Uint8Array> {
		const { files } = await writeInferenceBundle(bundleFromRun(job.run, job.artifact), job.options);
		const zip = zipSync(Object.fromEntries(files.map((f) => [`${folder}/${f.name}`, f.bytes])));
		return transfer(zip, [zip.buffer]);
	},

	/** A picked .zip, checked: a Benchtop TF.js zip or a plain TF.js Layers model. */
	readModelZip(file: PickedFile): Promise<ImportedModel> {
		return readModelZip(file.bytes, file.name);
	},

	/** Loose files picked together (model.json and its weight shards), checked. */
	readModelFiles(files: PickedFile[]): Promise<ImportedModel> {
		return readImportedModel(filesFromMap(new Map(files.map((f) => [f.name, f.bytes])), 'the files picked'));
	}
};

export type ExportWorkerApi = typeof api;

expose(api);
