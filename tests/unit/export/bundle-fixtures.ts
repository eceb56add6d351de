// Test helper for the edge bundle: trains a seeded model per family with `benchtop train` (the core the CLI
// uses), draws its test split again from the run record, predicts the split with the studio's path (TF.js
// predictor, fitted recipe, predictRows), and writes the model's bundle into a temp folder outside the
// repository, so code run there can find no node_modules.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { readModel } from '../../../src/cli/read-model.ts';
import { importTable } from '../../../src/lib/core/data/import/index.ts';
import { writeInferenceBundle, type BundleOptions } from '../../../src/lib/core/export/write-bundle.ts';
import { recreateSplit } from '../../../src/lib/core/evaluate/evaluate-split.ts';
import type { SplitRecord } from '../../../src/lib/core/prep/split/index.ts';
import type { ModelBundle } from '../../../src/lib/core/predict/model-bundle.ts';
import { predictRows, type PredictedRows } from '../../../src/lib/core/predict/predict-rows.ts';
import { loadPredictor } from '../../../src/lib/core/predict/predictor.ts';
import { takeRows } from '../../../src/lib/core/table/take-rows.ts';
import { sample, trainModel, workFolder } from '../cli/model-fixtures.ts';

export interface FamilyCase {
	name: string;
	file: string;
	args: string[];
}

/** One model per family and the table with dates and categories; few epochs: parity, not accuracy. */
export const CASES: FamilyCase[] = [
	{ name: 'iris-mlp', file: 'iris.csv', args: ['--target', 'species', '--model', 'mlp', '--epochs', '3'] },
	{ name: 'penguins', file: 'penguins.csv', args: ['--target', 'Species', '--epochs', '3'] },
	{
		name: 'diabetes',
		file: 'diabetes.csv',
		args: ['--target', 'progression', '--model', 'mlp', '--epochs', '3']
	},
	{ name: 'linnerud', file: 'linnerud.csv', args: ['--target', 'Weight,Waist,Pulse', '--epochs', '3'] },
	{ name: 'digits-cnn', file: 'digits.csv', args: ['--target', 'digit', '--model', 'cnn', '--epochs', '1'] },
	{ name: 'iris-kmeans', file: 'iris.csv', args: ['--model', 'kmeans', '--k', '3'] },
	{ name: 'seattle-weather', file: 'seattle-weather.csv', args: ['--target', 'weather', '--epochs', '2'] }
];

/** The sample's rows as the file holds them: every value a string (the samples have no quoted fields). */
export function csvRows(file: string): Record<string, string>[] {
	const [header, ...lines] = readFileSync(sample(file), 'utf8').trimEnd().split('\n');
	const names = header!.split(',');
	return lines.map((line) => {
		const cells = line.split(',');
		return Object.fromEntries(names.map((name, j) => [name, cells[j] ?? '']));
	});
}

export interface TrainedCase {
	dir: string;
	bundle: ModelBundle;
	/** The test split's raw rows. */
	rows: Record<string, string>[];
	/** The studio's predictions for them. */
	studio: PredictedRows;
}

export async function trainCase(c: FamilyCase): Promise<TrainedCase> {
	const dir = await trainModel(workFolder(c.name), c.name, [sample(c.file), ...c.args]);
	const { bundle, run } = await readModel(dir);
	const input = await importTable(new Blob([readFileSync(sample(c.file))]), { fileName: c.file });
	const split = recreateSplit(input, run.split as SplitRecord);
	const all = csvRows(c.file);
	const rows = Array.from(split.test, (i) => all[i]!);
	const studio = await predictRows(await loadPredictor(bundle), takeRows(input, split.test));
	return { dir, bundle, rows, studio };
}

/** The bundle's files in a fresh folder under the system temp folder, with no node_modules above it. */
export async function bundleFolder(
	bundle: ModelBundle,
	options: Partial<BundleOptions> = {}
): Promise<string> {
	const folder = mkdtempSync(join(tmpdir(), 'benchtop-bundle-'));
	const written = await writeInferenceBundle(bundle, { quantize: 'none', singleFile: false, ...options });
	for (const file of written.files) writeFileSync(join(folder, file.name), file.bytes);
	for (let up = folder; up !== dirname(up); up = dirname(up))
		expect(existsSync(join(up, 'node_modules'))).toBe(false);
	return folder;
}

/** Runs an ES module script with plain Node in `folder` (no NODE_PATH, no loaders); its stdout as JSON. */
export function nodeJson(folder: string, script: string): unknown {
	const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
		cwd: folder,
		env: { PATH: process.env.PATH ?? '' },
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (result.status !== 0) throw new Error(`node exited ${result.status}: ${result.stderr}`);
	return JSON.parse(result.stdout);
}

/** `node serve.js --port 0` in the folder; resolves with its base URL and a stop function. */
export async function startServer(
	folder: string,
	args: string[] = []
): Promise<{ url: string; stop(): void }> {
	const child = spawn(process.execPath, ['serve.js', '--port', '0', ...args], {
		cwd: folder,
		env: { PATH: process.env.PATH ?? '' }
	});
	let output = '';
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`serve.js did not start: ${output}`)), 10_000);
		const read = (chunk: Buffer) => {
			output += chunk.toString();
			const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]!);
			}
		};
		child.stdout.on('data', read);
		child.stderr.on('data', read);
		child.on('exit', (code) => reject(new Error(`serve.js exited ${code}: ${output}`)));
	});
	return { url, stop: () => child.kill() };
}

/** Row i of the studio's predictions in the bundle's shape (or its error). */
export function studioAnswer(t: TrainedCase, i: number): Record<string, unknown> {
	const { studio, bundle } = t;
	if (studio.errors[i] !== null) return { error: studio.errors[i] };
	if (studio.clusters) return { cluster: studio.clusters[i] };
	if (studio.proba) {
		const k = bundle.classes!.length;
		return {
			label: studio.labels![i],
			probabilities: Object.fromEntries(bundle.classes!.map((c, j) => [c, studio.proba![i * k + j]]))
		};
	}
	return Object.fromEntries(bundle.targets.map((target, j) => [target, studio.values![j]![i]]));
}

/** Within 1e-5 (relative to the value's size past 1: float32 holds about 7 digits) of the studio's answer. */
export function expectSameAnswer(
	actual: Record<string, unknown>,
	expected: Record<string, unknown>,
	where: string
): void {
	const close = (a: unknown, b: unknown) =>
		typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b));
	if ('error' in expected) {
		expect(actual.error, where).toBeTypeOf('string');
		return;
	}
	expect(actual.error, `${where}: ${String(actual.error)}`).toBeUndefined();
	for (const [key, value] of Object.entries(expected)) {
		if (key === 'probabilities') {
			for (const [c, p] of Object.entries(value as Record<string, number>))
				expect(
					close((actual.probabilities as Record<string, number>)[c], p),
					`${where} p(${c}) ${(actual.probabilities as Record<string, number>)[c]} vs ${p}`
				).toBe(true);
		} else if (typeof value === 'number' && key !== 'cluster')
			expect(close(actual[key], value), `${where} ${key}: ${String(actual[key])} vs ${value}`).toBe(true);
		else expect(actual[key], `${where} ${key}`).toEqual(value);
	}
}
