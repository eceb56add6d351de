// The export worker: writes the edge bundle (each quantised variant planned, run through the bundle's own
// runtime on the run's test rows and scored) and its zip, and reads a model someone imports (a zip or
// loose files, checked before any tensor is made), off the page's thread, so the Export page never
// freezes on a large model or file; it also answers "Try it" for an image model: the version's weights read
// from IndexedDB with their SHA-256 check (0.2–0.3 s here at load 13), the picture's decoding and the
// 224 × 224 forward pass (about half a second idle) would otherwise take the page's thread. Thin: the work is core (core/export) and the edge runtime. For bundles the page hands over the run,
// its weights and the data set's Arrow bytes; Try it names a version by id and this worker reads it itself
// (in memory-only mode, where it cannot, the page hands the version over).
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
import { runtimePlan } from '$lib/core/export/runtime-plan.ts';
import { BenchtopError } from '$lib/core/errors.ts';
import { bundleFromRun } from '$lib/core/predict/model-bundle.ts';
import { createModel, type RuntimeModel } from '$lib/runtime/image-index.ts';
import type { ColumnSchema } from '$lib/core/table/column-types.ts';
import type { ModelArtifact, RunRecord } from '$lib/core/train/run-record.ts';
import { installErrorTransfer } from '$lib/worker-protocol/error-transfer.ts';
import { workerStorage } from './worker-storage.ts';

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

/**
 * An image model's version, as Try it names it: by id, read from IndexedDB here (the weights checked
 * against their SHA-256 here too); in memory-only mode, where this worker cannot reach the tab's store,
 * the page hands over the run and its checked weights.
 */
export interface ImageModelJob {
	versionId: string;
	run?: RunRecord;
	artifact?: ModelArtifact;
}

/** Try it's answer: the most likely class and every class's probability, in the model's class order. */
export interface ImageAnswer {
	label: string;
	probabilities: { label: string; p: number }[];
	/** The forward pass's milliseconds in the worker (the picture's preparation included). */
	ms: number;
	/** Milliseconds this worker spent reading the version and its weights from storage, SHA-256 check
	 * included (0 when it had them from an earlier picture or the page handed them over). */
	readMs: number;
}

/** The last image model planned, kept while the worker lives: the next picture skips the read and planning. */
let imageModel: { versionId: string; runtime: RuntimeModel } | undefined;

/** The version's run and weights: handed over in memory-only mode, else read and checked here. */
async function storedVersion(
	job: ImageModelJob
): Promise<{ run: RunRecord; artifact: ModelArtifact; readMs: number }> {
	if (job.run && job.artifact) return { run: job.run, artifact: job.artifact, readMs: 0 };
	const started = performance.now();
	const registry = await workerStorage('export worker');
	const version = await registry.getModelVersion(job.versionId);
	if (!version)
		throw new BenchtopError('not-found', 'This model version is no longer stored: it may have been deleted.');
	const { artifact } = await registry.loadModelVersionArtifact(version);
	return { run: version.run, artifact, readMs: performance.now() - started };
}

async function imageRuntime(job: ImageModelJob): Promise<{ runtime: RuntimeModel; readMs: number }> {
	if (imageModel?.versionId === job.versionId) return { runtime: imageModel.runtime, readMs: 0 };
	const { run, artifact, readMs } = await storedVersion(job);
	const { plan, weights } = await runtimePlan(bundleFromRun(run, artifact), 'none');
	imageModel = { versionId: job.versionId, runtime: createModel(plan, weights) };
	return { runtime: imageModel.runtime, readMs };
}

/** The picture's RGBA pixels as the browser decodes it (as a page's canvas would: no colour-space change). */
async function decodePicture(picture: Blob, name: string): Promise<ImageData> {
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(picture);
	} catch {
		throw new BenchtopError(
			'bad-input',
			`“${name}” could not be read as a picture: the file is damaged or not an image.`
		);
	}
	const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
	const context = canvas.getContext('2d')!;
	context.drawImage(bitmap, 0, 0);
	bitmap.close();
	return context.getImageData(0, 0, canvas.width, canvas.height);
}

const api = {
	/** Try it: one picture (a File or Blob) decoded and predicted by the edge runtime, the bundle's own code. */
	async predictImage(job: ImageModelJob, picture: Blob, name: string): Promise<ImageAnswer> {
		const [{ runtime, readMs }, image] = await Promise.all([imageRuntime(job), decodePicture(picture, name)]);
		const started = performance.now();
		const [result] = runtime.predict([{ image }]);
		const ms = performance.now() - started;
		if (!result || 'error' in result)
			throw new BenchtopError(
				'bad-input',
				`“${name}”: ${String(result?.error ?? 'the model gave no answer')}`
			);
		const { label, probabilities } = result as { label: string; probabilities: Record<string, number> };
		return {
			label,
			probabilities: Object.entries(probabilities).map(([l, p]) => ({ label: l, p })),
			ms,
			readMs
		};
	},

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
