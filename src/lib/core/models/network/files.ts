// A network's artifact as files, the layout tf.io's own file and HTTP handlers read: model.json (topology
// and one weights manifest group) and weights.bin, with the weights' SHA-256 recorded in benchtop.json.
// Reading back trusts nothing: the manifest's paths must be plain file names beside model.json, every
// file is read only up to the size the manifest implies, and topology, manifest, bytes and hash are
// checked (model-artifact-check.ts) before any tensor is made.
import { requireJsonDepth } from '../../data/import/json-depth.ts';
import { BenchtopError } from '../../errors.ts';
import type { LayersArtifact } from '../artifact.ts';
import type { ArtifactSource, ModelInterfaceRecord, SavedArtifact } from '../engine.ts';
import {
	checkLayersArtifact,
	checkWeightSpecs,
	expectedWeights,
	networkInterface,
	sha256Hex,
	weightByteLength
} from '../model-artifact-check.ts';
import { optimizerFiles, readOptimizerFiles } from './optimizer-files.ts';

export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';
/** The most a JSON file of a model may hold (benchtop.json with a long history, model.json). */
export const MAX_JSON_BYTES = 32 * 1024 * 1024;

export async function saveLayers(
	artifact: LayersArtifact,
	options: { generatedBy: string }
): Promise<SavedArtifact> {
	const modelJson = {
		modelTopology: artifact.modelTopology,
		format: 'layers-model',
		generatedBy: options.generatedBy,
		convertedBy: null,
		weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifact.weightSpecs }]
	};
	const weights = new Uint8Array(await artifact.weightData.arrayBuffer());
	return {
		record: { weightsSha256: await sha256Hex(weights) },
		files: [
			{ name: MODEL_FILE, bytes: new TextEncoder().encode(JSON.stringify(modelJson)) },
			{ name: WEIGHTS_FILE, bytes: weights },
			...(artifact.optimizer ? await optimizerFiles(artifact.optimizer) : [])
		]
	};
}

export function parseJson(bytes: Uint8Array, name: string): unknown {
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

function concat(parts: Uint8Array[], total: number): Uint8Array {
	const out = new Uint8Array(total);
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.byteLength;
	}
	return out;
}

export async function loadLayers(
	source: ArtifactSource,
	model: ModelInterfaceRecord
): Promise<LayersArtifact> {
	const { where } = source;
	if (!source.has(MODEL_FILE))
		throw new BenchtopError('bad-input', `${where} has no ${MODEL_FILE} beside benchtop.json`);
	const modelJson = parseJson(
		source.read(MODEL_FILE, MAX_JSON_BYTES, `a ${MODEL_FILE} may hold`),
		MODEL_FILE
	);
	if (typeof modelJson !== 'object' || modelJson === null || Array.isArray(modelJson))
		throw new BenchtopError('bad-input', `${MODEL_FILE} is not an object; it is not a TF.js Layers model`);
	const { modelTopology } = modelJson as Record<string, unknown>;
	const groups = weightsGroups(modelJson as Record<string, unknown>);
	// TF.js concatenates every group's files in manifest order; the weight specs follow the same order.
	const specs = checkWeightSpecs(
		groups.flatMap((group) => group.weights),
		expectedWeights(modelTopology, networkInterface(model))
	);
	const need = weightByteLength(specs);
	const names = groups.flatMap((group) => group.paths);
	const parts: Uint8Array[] = [];
	let read = 0;
	for (const name of names) {
		if (!source.has(name))
			throw new BenchtopError('bad-input', `${where} lacks ${name}, the weights ${MODEL_FILE} lists`);
		const bytes = source.read(
			name,
			need - read,
			`${MODEL_FILE}'s weights manifest needs ${need.toLocaleString('en')} bytes of weights in all, so ${name} may hold`
		);
		parts.push(bytes);
		read += bytes.byteLength;
	}
	const weights = parts.length === 1 ? parts[0]! : concat(parts, read);
	const sha = source.record.weightsSha256;
	await checkLayersArtifact(
		{ modelTopology, weightSpecs: specs, weights, ...(sha ? { weightsSha256: sha } : {}) },
		networkInterface(model),
		names.join(' + ')
	);
	const optimizer = await readOptimizerFiles(source, specs, parseJson);
	return {
		kind: 'layers',
		modelTopology,
		weightSpecs: specs,
		weightData: new Blob([weights.slice()]),
		...(optimizer ? { optimizer } : {})
	};
}
