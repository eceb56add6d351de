// Test helper for the model commands: trains small seeded models with `benchtop train` into a temp folder,
// zips a model folder, writes edited copies of sample files, runs any command through main(), and computes a
// model's outputs on a file without the commands' code (TF.js loading the files, the fitted recipe applied).
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { zipSync } from 'fflate';
import { expect } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { importTable } from '../../../src/lib/core/data/import/index.ts';
import { applyRecipe, type FittedRecipe } from '../../../src/lib/core/prep/recipe/index.ts';
import { readNumbers } from '../../../src/lib/core/table/read-column.ts';
import { type PrepTable } from '../../../src/lib/core/table/prep-table.ts';

export const sample = (name: string) =>
	fileURLToPath(new URL(`../../../sample-datasets/${name}`, import.meta.url));

export function workFolder(name: string): string {
	return mkdtempSync(join(tmpdir(), `benchtop-${name}-`));
}

export async function cli(args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
	return { code, out, err };
}

/** `benchtop train … --out <folder>/<name>`; returns the model folder. */
export async function trainModel(folder: string, name: string, args: string[]): Promise<string> {
	const dir = join(folder, name);
	const { code, err } = await cli(['train', ...args, '--out', dir, '--seed', '3', '--json']);
	expect(err).toEqual([]);
	expect(code).toBe(0);
	return dir;
}

/** The model folder's files in a .zip, inside a folder of their own (as zipping a folder makes them). */
export function zipModel(dir: string, zipPath: string): string {
	const files: Record<string, Uint8Array> = {};
	for (const name of readdirSync(dir)) files[`my-model/${name}`] = readFileSync(join(dir, name));
	writeFileSync(zipPath, zipSync(files));
	return zipPath;
}

/** A copy of a sample CSV, as `copy`, with `edit` applied to its lines (header is line 0). */
export function editedSample(
	folder: string,
	name: string,
	copy: string,
	edit: (lines: string[]) => string[]
): string {
	const lines = readFileSync(sample(name), 'utf8').trimEnd().split('\n');
	const path = join(folder, copy);
	writeFileSync(path, `${edit(lines).join('\n')}\n`);
	return path;
}

/** The model's outputs (n × k rows) for every row of `file`, and the raw table they came from. */
export async function independentOutputs(
	dir: string,
	file: string
): Promise<{ rows: number[][]; input: PrepTable; bundle: { classes: string[] | null; features: string[] } }> {
	const modelJson = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
	const weights = readFileSync(join(dir, 'weights.bin'));
	const bundle = JSON.parse(readFileSync(join(dir, 'benchtop.json'), 'utf8'));
	const model = await tf.loadLayersModel(
		tf.io.fromMemory({
			modelTopology: modelJson.modelTopology,
			weightSpecs: modelJson.weightsManifest[0].weights,
			weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength)
		})
	);
	const input = await importTable(new Blob([readFileSync(file)]), { fileName: 'file.csv' });
	const prepared = applyRecipe(bundle.recipe as FittedRecipe, input, 'predict');
	const features = bundle.features as string[];
	const n = prepared.table.numRows();
	const columns = features.map((name) => readNumbers(prepared.table, name));
	const x = tf.tensor2d(
		Float32Array.from(
			{ length: n * features.length },
			(_, i) => columns[i % features.length]![Math.floor(i / features.length)]!
		),
		[n, features.length]
	);
	const output = model.predict(x) as tf.Tensor;
	const rows = (await output.array()) as number[][];
	tf.dispose([x, output]);
	model.dispose();
	return { rows, input, bundle };
}
