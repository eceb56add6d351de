// Reads a model as `benchtop train --out` writes it (model.json + weights.bin + benchtop.json), from its
// folder or from a .zip of those files (at the top of the archive or in one folder inside it), into the
// bundle the predictor loads; and the data file `benchtop evaluate` and `benchtop predict` take.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadPredictor, type Predictor } from '../lib/core/predict/predictor.ts';
import { useNodeBackend } from './node-backend.ts';
import { unzipSync } from 'fflate';
import { isColumnType, type ColumnType } from '../lib/core/data/column-types.ts';
import { BenchtopError } from '../lib/core/errors.ts';
import { parseModelSpec } from '../lib/core/models/spec-schema.ts';
import { TASKS, type Task } from '../lib/core/models/types.ts';
import type { ModelBundle } from '../lib/core/predict/model-bundle.ts';
import { parseFittedRecipe } from '../lib/core/prep/recipe/validate-recipe.ts';
import { BENCHTOP_FILE, MODEL_FILE } from './model-files.ts';

export interface ReadModel {
	bundle: ModelBundle;
	/** benchtop.json's run record (without the parts in the bundle), as written. */
	run: Record<string, unknown>;
}

/** File names inside the model, relative to its folder, to their bytes. */
type ModelFiles = (name: string) => Uint8Array | undefined;

function folderFiles(folder: string): ModelFiles {
	return (name) => {
		const path = join(folder, name);
		return existsSync(path) && statSync(path).isFile() ? readFileSync(path) : undefined;
	};
}

function zipFiles(path: string): ModelFiles {
	let entries: Record<string, Uint8Array>;
	try {
		entries = unzipSync(readFileSync(path));
	} catch (error) {
		throw new BenchtopError('bad-input', `${path} is not a readable .zip file`, (error as Error).message);
	}
	const names = Object.keys(entries);
	const manifest = names
		.filter((name) => name === BENCHTOP_FILE || name.endsWith(`/${BENCHTOP_FILE}`))
		.sort((a, b) => a.length - b.length)[0];
	if (manifest === undefined)
		throw new BenchtopError(
			'bad-input',
			`${path} holds no ${BENCHTOP_FILE}: zip the folder benchtop train --out wrote (its files: ${names.slice(0, 5).join(', ') || 'none'})`
		);
	const prefix = manifest.slice(0, manifest.length - BENCHTOP_FILE.length);
	return (name) => entries[prefix + name];
}

function parseJson(bytes: Uint8Array, name: string): unknown {
	try {
		return JSON.parse(new TextDecoder().decode(bytes));
	} catch (error) {
		throw new BenchtopError('bad-input', `${name} is not valid JSON`, (error as Error).message);
	}
}

function fail(why: string): never {
	throw new BenchtopError('bad-input', `${BENCHTOP_FILE} ${why}: it is not a model benchtop train wrote`);
}

function stringList(value: unknown, what: string): string[] {
	if (!Array.isArray(value) || value.some((x) => typeof x !== 'string')) fail(`has no list of ${what}`);
	return value as string[];
}

export function readModel(path: string): ReadModel {
	if (!existsSync(path)) throw new BenchtopError('bad-input', `no such model folder or .zip: ${path}`);
	const files = statSync(path).isDirectory() ? folderFiles(path) : zipFiles(path);
	const manifestBytes = files(BENCHTOP_FILE);
	if (!manifestBytes)
		throw new BenchtopError(
			'bad-input',
			`${path} has no ${BENCHTOP_FILE}: give the folder benchtop train --out wrote, or a .zip of it`
		);
	const manifest = parseJson(manifestBytes, BENCHTOP_FILE) as Record<string, unknown>;
	if (manifest.format !== 'benchtop-model') fail('has no “format”: “benchtop-model”');
	if (typeof manifest.version !== 'number' || manifest.version > 1)
		throw new BenchtopError(
			'newer-version',
			`${BENCHTOP_FILE} is format version ${String(manifest.version)}; this benchtop reads version 1: update it`
		);
	const task = manifest.task as Task;
	if (!TASKS.includes(task)) fail('names no known task');
	const inputSchema = manifest.inputSchema as { name: string; type: ColumnType }[];
	if (
		!Array.isArray(inputSchema) ||
		inputSchema.some((c) => typeof c?.name !== 'string' || !isColumnType(c.type))
	)
		fail('has no input columns');
	const spec = parseModelSpec(manifest.spec);
	const fitted = parseFittedRecipe(manifest.recipe);
	const classes = manifest.classes == null ? undefined : stringList(manifest.classes, 'classes');
	const bundleBase = {
		task,
		targets: stringList(manifest.targets, 'targets'),
		...(classes ? { classes } : {}),
		features: stringList(manifest.features, 'features'),
		inputSchema: inputSchema.map(({ name, type }) => ({ name, type })),
		spec,
		fitted
	};
	const run = (manifest.run ?? {}) as Record<string, unknown>;
	if (spec.family === 'kmeans') {
		const centroids = manifest.centroids;
		if (!Array.isArray(centroids) || centroids.some((c) => !Array.isArray(c)))
			fail('has no k-means centroids');
		return {
			bundle: { ...bundleBase, artifact: { kind: 'kmeans', centroids: centroids as number[][] } },
			run
		};
	}
	const modelBytes = files(MODEL_FILE);
	if (!modelBytes)
		throw new BenchtopError('bad-input', `${path} has no ${MODEL_FILE} beside ${BENCHTOP_FILE}`);
	const modelJson = parseJson(modelBytes, MODEL_FILE) as {
		modelTopology?: unknown;
		weightsManifest?: { paths: string[]; weights: unknown[] }[];
	};
	if (!modelJson.modelTopology || !Array.isArray(modelJson.weightsManifest))
		throw new BenchtopError(
			'bad-input',
			`${MODEL_FILE} is not a TF.js Layers model (no topology or weights manifest)`
		);
	// TF.js concatenates every group's files in manifest order; the weight specs follow the same order.
	const weightSpecs: unknown[] = [];
	const buffers: Uint8Array[] = [];
	for (const group of modelJson.weightsManifest) {
		weightSpecs.push(...group.weights);
		for (const name of group.paths) {
			const bytes = files(name);
			if (!bytes)
				throw new BenchtopError('bad-input', `${path} lacks ${name}, the weights ${MODEL_FILE} lists`);
			buffers.push(bytes);
		}
	}
	return {
		bundle: {
			...bundleBase,
			artifact: {
				kind: 'layers',
				modelTopology: modelJson.modelTopology,
				weightSpecs,
				weightData: new Blob(buffers.map((b) => b.slice()))
			}
		},
		run
	};
}

export function readDataFile(file: string): Uint8Array {
	if (!existsSync(file) || !statSync(file).isFile())
		throw new BenchtopError('bad-input', `no such file: ${file}`);
	return readFileSync(file);
}

/** The model and its predictor; networks on WebAssembly where it starts (k-means needs no TF.js). */
export async function openModel(path: string): Promise<ReadModel & { predictor: Predictor }> {
	const model = readModel(path);
	if (model.bundle.artifact.kind === 'layers') await useNodeBackend(false);
	return { ...model, predictor: await loadPredictor(model.bundle) };
}
