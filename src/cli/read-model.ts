// Reads a model as `benchtop train --out` writes it (model.json + weights.bin + benchtop.json), from its
// folder or from a .zip of those files (at the top of the archive or in one folder inside it), into the
// bundle the predictor loads; and the data file `benchtop evaluate` and `benchtop predict` take.
// Nothing is trusted: benchtop.json goes through its schema, model.json's topology and weights manifest
// are checked against what Benchtop builds, weight paths must be plain file names inside the model,
// every file's size is capped before it is read (a .zip is inflated entry by entry, streamed, with caps),
// and the weight bytes are checked (size, finite, recorded hash) before any tensor is made.
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { requireJsonDepth } from '../lib/core/data/import/json-depth.ts';
import { BenchtopError } from '../lib/core/errors.ts';
import {
	BENCHTOP_MODEL_FILE,
	parseBenchtopModel,
	type BenchtopModelRecord
} from '../lib/core/models/benchtop-model-schema.ts';
import {
	checkLayersArtifact,
	checkWeightSpecs,
	expectedWeights,
	networkInterface,
	weightByteLength
} from '../lib/core/models/model-artifact-check.ts';
import type { ModelBundle } from '../lib/core/predict/model-bundle.ts';
import { loadPredictor, type Predictor } from '../lib/core/predict/predictor.ts';
import { MODEL_FILE } from './model-files.ts';
import { ModelZip } from './model-zip.ts';
import { useNodeBackend } from './node-backend.ts';

export interface ReadModel {
	bundle: ModelBundle;
	/** benchtop.json's run record (without the parts in the bundle), as written. */
	run: Record<string, unknown>;
}

/** The most a JSON file of a model may hold (benchtop.json with a long history, model.json). */
export const MAX_JSON_BYTES = 32 * 1024 * 1024;

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

function parseJson(bytes: Uint8Array, name: string): unknown {
	const text = new TextDecoder().decode(bytes);
	requireJsonDepth(text, name);
	try {
		return JSON.parse(text);
	} catch (error) {
		throw new BenchtopError('bad-input', `${name} is not valid JSON`, (error as Error).message);
	}
}

/** A weights path is a plain file name beside model.json: no folders, no `..`, no absolute path. */
function isPlainFileName(name: unknown): name is string {
	return typeof name === 'string' && name !== '' && name !== '.' && name !== '..' && !/[/\\\0:]/.test(name);
}

interface WeightsGroup {
	paths: string[];
	weights: unknown[];
}

function weightsGroups(modelJson: Record<string, unknown>): WeightsGroup[] {
	const groups = modelJson.weightsManifest;
	if (!Array.isArray(groups) || groups.length === 0)
		throw new BenchtopError(
			'bad-input',
			`${MODEL_FILE} has no weightsManifest; it is not a TF.js Layers model`
		);
	return groups.map((group: unknown, i) => {
		const { paths, weights } = (group ?? {}) as { paths?: unknown; weights?: unknown };
		if (!Array.isArray(paths) || paths.length === 0 || !Array.isArray(weights))
			throw new BenchtopError(
				'bad-input',
				`${MODEL_FILE} weightsManifest group ${i + 1} needs “paths” (file names) and “weights” lists`
			);
		for (const path of paths)
			if (!isPlainFileName(path))
				throw new BenchtopError(
					'bad-input',
					`${MODEL_FILE} weightsManifest paths lists ${JSON.stringify(path)}; only plain file names inside the model folder or .zip are allowed (no folders, “..” or absolute paths)`
				);
		return { paths, weights };
	});
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

async function readNetwork(
	files: ModelFiles,
	path: string,
	bundle: Omit<ModelBundle, 'artifact'>,
	sha?: string
) {
	if (!files.has(MODEL_FILE))
		throw new BenchtopError('bad-input', `${path} has no ${MODEL_FILE} beside ${BENCHTOP_MODEL_FILE}`);
	const modelJson = parseJson(files.read(MODEL_FILE, MAX_JSON_BYTES, `a ${MODEL_FILE} may hold`), MODEL_FILE);
	if (typeof modelJson !== 'object' || modelJson === null || Array.isArray(modelJson))
		throw new BenchtopError('bad-input', `${MODEL_FILE} is not an object; it is not a TF.js Layers model`);
	const { modelTopology } = modelJson as Record<string, unknown>;
	const groups = weightsGroups(modelJson as Record<string, unknown>);
	// TF.js concatenates every group's files in manifest order; the weight specs follow the same order.
	const specs = checkWeightSpecs(
		groups.flatMap((group) => group.weights),
		expectedWeights(modelTopology, networkInterface(bundle))
	);
	const need = weightByteLength(specs);
	const names = groups.flatMap((group) => group.paths);
	const parts: Uint8Array[] = [];
	let read = 0;
	for (const name of names) {
		if (!files.has(name))
			throw new BenchtopError('bad-input', `${path} lacks ${name}, the weights ${MODEL_FILE} lists`);
		const bytes = files.read(
			name,
			need - read,
			`${MODEL_FILE}'s weights manifest needs ${need.toLocaleString('en')} bytes of weights in all, so ${name} may hold`
		);
		parts.push(bytes);
		read += bytes.byteLength;
	}
	const weights = parts.length === 1 ? parts[0]! : concat(parts, read);
	await checkLayersArtifact(
		{ modelTopology, weightSpecs: specs, weights, ...(sha ? { weightsSha256: sha } : {}) },
		networkInterface(bundle),
		names.join(' + ')
	);
	return {
		kind: 'layers' as const,
		modelTopology,
		weightSpecs: specs,
		weightData: new Blob([weights.slice()])
	};
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
	const out = new Uint8Array(total);
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.byteLength;
	}
	return out;
}

export async function readModel(path: string): Promise<ReadModel> {
	if (!existsSync(path)) throw new BenchtopError('bad-input', `no such model folder or .zip: ${path}`);
	const files = statSync(path).isDirectory() ? folderFiles(path) : zipFiles(path);
	try {
		const record = readRecord(files, path);
		const { centroids, weightsSha256, run, ...bundleBase } = record;
		if (record.spec.family === 'kmeans')
			return { bundle: { ...bundleBase, artifact: { kind: 'kmeans', centroids: centroids! } }, run };
		const artifact = await readNetwork(files, path, bundleBase, weightsSha256);
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
	if (model.bundle.artifact.kind === 'layers') await useNodeBackend(false);
	return { ...model, predictor: await loadPredictor(model.bundle) };
}
