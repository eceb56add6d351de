// Reads a model as `benchtop train --out` writes it (model.json + weights.bin + benchtop.json), from its
// folder or from a .zip of those files (at the top of the archive or in one folder inside it), into the
// bundle the predictor loads; and the data file `benchtop evaluate` and `benchtop predict` take.
// Nothing is trusted: benchtop.json goes through its schema, model.json's topology and weights manifest
// are checked against what Benchtop builds, weight paths must be plain file names inside the model,
// every file's size is capped before it is read (a .zip is inflated entry by entry, streamed, with caps),
// and the weight bytes are checked (size, finite, recorded hash) before any tensor is made.
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BenchtopError } from '../lib/core/errors.ts';
import { BENCHTOP_MODEL_FILE } from '../lib/core/models/benchtop-model-schema.ts';
import { engineFor } from '../lib/core/models/families.ts';
import {
	modelPrefix,
	readBenchtopModel,
	type ModelFiles as CoreModelFiles,
	type ReadBenchtopModel
} from '../lib/core/export/model-files.ts';
import { METADATA_FILE, readImageGraphModel } from '../lib/core/export/image-graph-model.ts';
import { imageModelRun } from '../lib/core/export/tfjs-zip-import.ts';
import { MODEL_FILE } from '../lib/core/models/network/files.ts';
import type { ModelSpec } from '../lib/core/models/types.ts';
import { bundleFromRun } from '../lib/core/predict/model-bundle.ts';
import { loadPredictor, type Predictor } from '../lib/core/predict/predictor.ts';
import { ModelZip } from './model-zip.ts';
import { useNodeBackend } from './node-backend.ts';

export type ReadModel = ReadBenchtopModel;

export { MAX_JSON_BYTES } from '../lib/core/models/network/files.ts';

/** A model's files (core/export/model-files.ts), and how to let go of them. */
interface ModelFiles extends CoreModelFiles {
	close(): void;
}

function folderFiles(folder: string): ModelFiles {
	const pathOf = (name: string) => join(folder, name);
	return {
		where: folder,
		has: (name) => existsSync(pathOf(name)) && statSync(pathOf(name)).isFile(),
		read(name, maxBytes, needs) {
			// A link could lead anywhere on the machine: a model's files are the folder's own files.
			if (lstatSync(pathOf(name)).isSymbolicLink())
				throw new BenchtopError(
					'bad-input',
					`${name} in ${folder} is a symbolic link; a model's files must be plain files inside its folder`
				);
			const size = statSync(pathOf(name)).size;
			if (size > maxBytes)
				throw new BenchtopError(
					'bad-input',
					`${name} is ${size.toLocaleString('en')} bytes; ${needs} at most ${maxBytes.toLocaleString('en')} bytes: it is not read`
				);
			return readFileSync(pathOf(name));
		},
		close() {}
	};
}

function zipFiles(path: string): ModelFiles {
	const zip = ModelZip.open(path);
	try {
		const names = zip.entries.map((entry) => entry.name);
		// benchtop.json at the top of the archive or in one folder inside it (as zipping a folder makes it).
		// Or a Teachable Machine export: model.json beside its metadata.json.
		const tm = modelPrefix(names, METADATA_FILE);
		const prefix =
			modelPrefix(names, BENCHTOP_MODEL_FILE) ??
			(tm !== undefined && zip.find(tm + MODEL_FILE) ? tm : undefined);
		if (prefix === undefined)
			throw new BenchtopError(
				'bad-input',
				`${path} holds no ${BENCHTOP_MODEL_FILE} (nor a Teachable Machine model.json with its ${METADATA_FILE}): zip the folder benchtop train --out wrote (its files: ${names.slice(0, 5).join(', ') || 'none'})`
			);
		return {
			where: path,
			has: (name) => zip.find(prefix + name) !== undefined,
			read: (name, maxBytes, needs) => zip.read(zip.find(prefix + name)!, maxBytes, needs),
			close: () => zip.close()
		};
	} catch (error) {
		zip.close();
		throw error;
	}
}

export async function readModel(path: string): Promise<ReadModel> {
	if (!existsSync(path)) throw new BenchtopError('bad-input', `no such model folder or .zip: ${path}`);
	const files = statSync(path).isDirectory() ? folderFiles(path) : zipFiles(path);
	try {
		if (!files.has(BENCHTOP_MODEL_FILE) && files.has(METADATA_FILE)) return teachableModel(files);
		return await readBenchtopModel(files);
	} finally {
		files.close();
	}
}

/** A Teachable Machine image model (model.json, weights.bin, metadata.json), checked as the studio does. */
function teachableModel(files: ModelFiles): ReadModel {
	const model = readImageGraphModel(files);
	const run = imageModelRun(model, model.name ?? basename(files.where));
	return { bundle: bundleFromRun(run, model.artifact), run: { name: run.name } };
}

export function readDataFile(file: string): Uint8Array {
	if (!existsSync(file) || !statSync(file).isFile())
		throw new BenchtopError('bad-input', `no such file: ${file}`);
	return readFileSync(file);
}

/** The model and its predictor; networks on WebAssembly where it starts (k-means needs no TF.js). */
export async function openModel(path: string): Promise<ReadModel & { predictor: Predictor }> {
	const model = await readModel(path);
	refuseImageInput(imageShape(model.bundle.spec), path);
	if (engineFor(model.bundle.spec).runtime.library === 'tfjs-layers') await useNodeBackend(false);
	return { ...model, predictor: await loadPredictor(model.bundle) };
}

/** The image a row is, for a model whose rows carry image files (spec.imageInput); else undefined. */
export function imageShape(spec: ModelSpec): readonly number[] | undefined {
	return 'imageInput' in spec && spec.imageInput ? spec.inputShape : undefined;
}

/**
 * `benchtop predict`, `evaluate` and `drift` read tables; a model whose rows are image files (a Teachable
 * Machine model, or its bundle) is refused in one line that says where it does predict.
 */
export function refuseImageInput(shape: readonly number[] | undefined, path: string) {
	if (shape)
		throw new BenchtopError(
			'bad-input',
			`${path} is an image model (one ${shape.join('×')} image per row), and benchtop reads tables: predict images in the studio (the model version's Try it) or with its bundle's model.js (predict([{ image }]) with decoded RGBA pixels)`
		);
}
