// Reads a model as `benchtop train --out` writes it (model.json + weights.bin + benchtop.json), from its
// folder or from a .zip of those files (at the top of the archive or in one folder inside it), into the
// bundle the predictor loads; and the data file `benchtop evaluate` and `benchtop predict` take.
// Nothing is trusted: benchtop.json goes through its schema, model.json's topology and weights manifest
// are checked against what Benchtop builds, weight paths must be plain file names inside the model,
// every file's size is capped before it is read (a .zip is inflated entry by entry, streamed, with caps),
// and the weight bytes are checked (size, finite, recorded hash) before any tensor is made.
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BenchtopError } from '../lib/core/errors.ts';
import {
	BENCHTOP_MODEL_FILE,
	parseBenchtopModel,
	type BenchtopModelRecord
} from '../lib/core/models/benchtop-model-schema.ts';
import { engineFor } from '../lib/core/models/families.ts';
import { MAX_JSON_BYTES, parseJson } from '../lib/core/models/network/files.ts';
import type { ModelBundle } from '../lib/core/predict/model-bundle.ts';
import { loadPredictor, type Predictor } from '../lib/core/predict/predictor.ts';
import { ModelZip } from './model-zip.ts';
import { useNodeBackend } from './node-backend.ts';

export interface ReadModel {
	bundle: ModelBundle;
	/** benchtop.json's run record (without the parts in the bundle), as written. */
	run: Record<string, unknown>;
}

export { MAX_JSON_BYTES } from '../lib/core/models/network/files.ts';

/** A model's files by name, each read only up to `maxBytes` (what `needs` says it should be). */
interface ModelFiles {
	/** Where the files are, for messages. */
	where: string;
	has(name: string): boolean;
	read(name: string, maxBytes: number, needs: string): Uint8Array;
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
		const manifest = names
			.filter((name) => /^([^/]+\/)?benchtop\.json$/.test(name))
			.sort((a, b) => a.length - b.length)[0];
		if (manifest === undefined)
			throw new BenchtopError(
				'bad-input',
				`${path} holds no ${BENCHTOP_MODEL_FILE}: zip the folder benchtop train --out wrote (its files: ${names.slice(0, 5).join(', ') || 'none'})`
			);
		const prefix = manifest.slice(0, manifest.length - BENCHTOP_MODEL_FILE.length);
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

function readRecord(files: ModelFiles, path: string): BenchtopModelRecord {
	if (!files.has(BENCHTOP_MODEL_FILE))
		throw new BenchtopError(
			'bad-input',
			`${path} has no ${BENCHTOP_MODEL_FILE}: give the folder benchtop train --out wrote, or a .zip of it`
		);
	const bytes = files.read(BENCHTOP_MODEL_FILE, MAX_JSON_BYTES, `a ${BENCHTOP_MODEL_FILE} may hold`);
	return parseBenchtopModel(parseJson(bytes, BENCHTOP_MODEL_FILE));
}

export async function readModel(path: string): Promise<ReadModel> {
	if (!existsSync(path)) throw new BenchtopError('bad-input', `no such model folder or .zip: ${path}`);
	const files = statSync(path).isDirectory() ? folderFiles(path) : zipFiles(path);
	try {
		const record = readRecord(files, path);
		const { centroids, weightsSha256, run, ...bundleBase } = record;
		// The family's engine reads its own artifact: k-means' centroids from benchtop.json, a network's
		// model.json and weights.bin (network/files.ts, which checks everything before a tensor is made).
		const artifact = await engineFor(record.spec).deserialize(
			{
				where: path,
				record: { ...(centroids ? { centroids } : {}), ...(weightsSha256 ? { weightsSha256 } : {}) },
				has: (name) => files.has(name),
				read: (name, maxBytes, needs) => files.read(name, maxBytes, needs)
			},
			bundleBase
		);
		return { bundle: { ...bundleBase, artifact }, run };
	} finally {
		files.close();
	}
}

export function readDataFile(file: string): Uint8Array {
	if (!existsSync(file) || !statSync(file).isFile())
		throw new BenchtopError('bad-input', `no such file: ${file}`);
	return readFileSync(file);
}

/** The model and its predictor; networks on WebAssembly where it starts (k-means needs no TF.js). */
export async function openModel(path: string): Promise<ReadModel & { predictor: Predictor }> {
	const model = await readModel(path);
	if (engineFor(model.bundle.spec).runtime.library === 'tfjs-layers') await useNodeBackend(false);
	return { ...model, predictor: await loadPredictor(model.bundle) };
}
