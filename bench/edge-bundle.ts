// The edge bundle beside TF.js on the same iris MLP (the studio's default: 4 → 64 relu → 32 relu → 3
// softmax, 2,400 multiply-adds a row, trained for a few epochs by the CLI's core): microseconds per row for
// single rows and batches of 1,000, the bundle from raw row objects to answers (recipe included) and TF.js
// `model.predict` on the CPU backend from a ready tensor (recipe excluded, so TF.js is flattered), plus the
// studio's own path (recipe + TF.js) for batches; the bundle's JS fallback (used where WebAssembly cannot
// be compiled) beside its WebAssembly path; and serve.js requests per second under a bounded local load on
// 127.0.0.1 (8 connections, single-row POSTs). Then a penguins MLP, whose recipe fills gaps and one-hot
// encodes two category columns: single rows and batches through the same bundle code (the category
// recipe compiled into the row path, as the numeric one is).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { readModel } from '../src/cli/read-model.ts';
import { main } from '../src/cli/main.ts';
import { importTable } from '../src/lib/core/data/import/index.ts';
import { runtimePlan } from '../src/lib/core/export/runtime-plan.ts';
import { writeInferenceBundle } from '../src/lib/core/export/write-bundle.ts';
import { RUNTIME_SOURCE } from '../src/lib/runtime/runtime-source.ts';
import { predictRows } from '../src/lib/core/predict/predict-rows.ts';
import { loadPredictor } from '../src/lib/core/predict/predictor.ts';
import type { Benchmark, Figure } from './types.ts';

interface RuntimeModel {
	engine: string;
	predict(rows: unknown[]): unknown[];
}
interface BundleModule {
	load(): Promise<RuntimeModel>;
	predict(rows: unknown[]): Promise<unknown[]>;
}

/** Milliseconds of wall time, or of this process's CPU time (steadier on a shared, loaded machine). */
const wallClock = () => performance.now();
const cpuClock = () => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
};

/** A model.js bundle written from the CLI's model folder `modelDir` into `bundleDir`, loaded. */
async function loadBundle(modelDir: string, bundleDir: string) {
	const { bundle } = await readModel(modelDir);
	const written = await writeInferenceBundle(bundle, { quantize: 'none', singleFile: false });
	rmSync(bundleDir, { recursive: true, force: true });
	mkdirSync(bundleDir);
	for (const file of written.files) writeFileSync(join(bundleDir, file.name), file.bytes);
	const module = (await import(pathToFileURL(join(bundleDir, 'model.js')).href)) as BundleModule;
	return { bundle, written, module, model: await module.load() };
}

/** The penguins MLP's figures: one raw row (strings for its categories, gaps as empty text) and batches of 1,000. */
async function penguinFigures(
	repoRoot: string,
	folder: string,
	quick: boolean
): Promise<Record<string, Figure>> {
	const csv = join(repoRoot, 'sample-datasets', 'penguins.csv');
	const modelDir = join(folder, 'penguins-model');
	const args = ['train', csv, '--target', 'Species', '--model', 'mlp', '--epochs', '5', '--seed', '1'];
	if ((await main([...args, '--out', modelDir], { out: () => {}, err: () => {} })) !== 0)
		throw new Error('training the penguins MLP failed');
	const { model } = await loadBundle(modelDir, join(folder, 'penguins-bundle'));
	const [header, ...lines] = readFileSync(csv, 'utf8').trimEnd().split('\n');
	const names = header!.split(',');
	const numeric = (name: string) => /\((mm|g)\)$/.test(name);
	const penguins = lines.map((line) =>
		Object.fromEntries(
			line.split(',').map((cell, j) => {
				const name = names[j]!;
				return [name, numeric(name) && cell !== '' ? Number(cell) : cell];
			})
		)
	);
	const answered = penguins.filter((row) => !('error' in (model.predict([row])[0] as object))).length;
	if (answered < penguins.length - 2) throw new Error(`only ${answered} penguins rows were answered`);
	const batch = Array.from({ length: 1000 }, (_, i) => penguins[i % penguins.length]!);
	const singles = quick ? 2000 : 20000;
	const rounds = quick ? 5 : 21;
	let i = 0;
	const one = () => {
		for (let r = 0; r < singles; r++) model.predict([penguins[i++ % penguins.length]]);
	};
	return {
		penguins_single_us_per_row: {
			value: await microsPerRow(singles, rounds, one),
			unit: 'µs/row',
			note: 'penguins MLP (median fill, scale, one-hot Island and Sex): model.predict([row]) from a raw row'
		},
		penguins_single_cpu_us_per_row: {
			value: await microsPerRow(singles, rounds, one, cpuClock),
			unit: 'µs/row',
			note: 'the same single penguins rows in CPU time of this process'
		},
		penguins_batch1000_cpu_us_per_row: {
			value: await microsPerRow(1000, rounds * 4, () => model.predict(batch), cpuClock),
			unit: 'µs/row',
			note: 'penguins, batches of 1,000 raw rows, CPU time'
		}
	};
}

/** Median of `rounds` timings of `work`, in microseconds per row, after a few untimed rounds (JIT warm-up). */
async function microsPerRow(
	rows: number,
	rounds: number,
	work: () => unknown,
	clock = wallClock
): Promise<number> {
	for (let r = 0; r < 3; r++) await work();
	const times: number[] = [];
	for (let r = 0; r < rounds; r++) {
		const start = clock();
		await work();
		times.push(((clock() - start) * 1000) / rows);
	}
	return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function serveRequestsPerSecond(folder: string, body: string, total: number): Promise<number> {
	const child = spawn(process.execPath, ['serve.js', '--port', '0'], { cwd: folder });
	try {
		const url = await new Promise<string>((resolve, reject) => {
			let out = '';
			child.stdout.on('data', (chunk: Buffer) => {
				out += chunk.toString();
				const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
				if (match) resolve(match[1]!);
			});
			child.on('exit', (code) => reject(new Error(`serve.js exited ${code}`)));
		});
		let sent = 0;
		const worker = async () => {
			while (sent < total) {
				sent++;
				const response = await fetch(`${url}/predict`, { method: 'POST', body });
				if (!response.ok) throw new Error(`serve.js answered ${response.status}`);
				await response.arrayBuffer();
			}
		};
		const start = performance.now();
		await Promise.all(Array.from({ length: 8 }, worker));
		return total / ((performance.now() - start) / 1000);
	} finally {
		child.kill();
	}
}

export const edgeBundle: Benchmark = {
	name: 'edge-bundle',
	description:
		'iris MLP: the dependency-free bundle vs TF.js (CPU backend), µs per row; serve.js requests per second',
	async run({ quick, repoRoot }) {
		const folder = mkdtempSync(join(tmpdir(), 'benchtop-bench-bundle-'));
		try {
			const csv = join(repoRoot, 'sample-datasets', 'iris.csv');
			const modelDir = join(folder, 'model');
			const io = { out: () => {}, err: () => {} };
			const args = ['train', csv, '--target', 'species', '--model', 'mlp', '--epochs', '5', '--seed', '1'];
			if ((await main([...args, '--out', modelDir], io)) !== 0)
				throw new Error('training the iris MLP failed');
			await tf.setBackend('cpu');
			const { bundle, written, module, model } = await loadBundle(modelDir, join(folder, 'bundle'));
			const bundleDir = join(folder, 'bundle');

			const [header, ...lines] = readFileSync(csv, 'utf8').trimEnd().split('\n');
			const names = header!.split(',');
			const iris = lines.map((line) =>
				Object.fromEntries(line.split(',').map((cell, j) => [names[j]!, j < 4 ? Number(cell) : cell]))
			);
			const batch = Array.from({ length: 1000 }, (_, i) => iris[i % iris.length]!);
			const singles = quick ? 2000 : 20000;
			const rounds = quick ? 5 : 21;

			let i = 0;
			const bundleSingle = await microsPerRow(singles, rounds, () => {
				for (let r = 0; r < singles; r++) model.predict([iris[i++ % iris.length]]);
			});
			const bundleSingleCpu = await microsPerRow(
				singles,
				rounds,
				() => {
					for (let r = 0; r < singles; r++) model.predict([iris[i++ % iris.length]]);
				},
				cpuClock
			);
			const bundleBatchCpu = await microsPerRow(1000, rounds * 4, () => model.predict(batch), cpuClock);
			const bundleSingleAwait = await microsPerRow(singles, rounds, async () => {
				for (let r = 0; r < singles; r++) await module.predict([iris[i++ % iris.length]]);
			});
			const bundleBatch = await microsPerRow(1000, rounds * 4, () => model.predict(batch));
			// The same runtime with WebAssembly turned off, as a strict CSP or some edge runtimes leave it: the
			// very text model.js carries (minified), not the TypeScript sources.
			const { plan, weights } = await runtimePlan(bundle, 'none');
			const runtimeFile = join(bundleDir, 'runtime.mjs');
			writeFileSync(
				runtimeFile,
				`${RUNTIME_SOURCE}\nexport const createModel = BenchtopRuntime.createModel;\n`
			);
			const runtime = (await import(pathToFileURL(runtimeFile).href)) as {
				createModel(plan: unknown, bytes: Uint8Array, options: object): RuntimeModel;
			};
			const jsModel = runtime.createModel(plan, weights, { wasm: false });
			const jsBatch = await microsPerRow(1000, rounds * 4, () => jsModel.predict(batch));
			const jsSingle = await microsPerRow(singles, rounds, () => {
				for (let r = 0; r < singles; r++) jsModel.predict([iris[i++ % iris.length]]);
			});

			const network = await tf.loadLayersModel(
				tf.io.fromMemory({
					modelTopology: (bundle.artifact as { modelTopology: tf.io.ModelArtifacts['modelTopology'] })
						.modelTopology,
					weightSpecs: (bundle.artifact as { weightSpecs: tf.io.WeightsManifestEntry[] }).weightSpecs,
					weightData: await (bundle.artifact as { weightData: Blob }).weightData.arrayBuffer()
				})
			);
			const one = tf.tensor2d([[0.1, -0.3, 0.5, 0.2]]);
			const thousand = tf.randomNormal([1000, 4]);
			const tfSingles = quick ? 200 : 2000;
			const tfSingle = await microsPerRow(tfSingles, rounds, async () => {
				for (let r = 0; r < tfSingles; r++) {
					const out = network.predict(one) as tf.Tensor;
					await out.data();
					out.dispose();
				}
			});
			const tfBatch = await microsPerRow(1000, rounds, async () => {
				const out = network.predict(thousand) as tf.Tensor;
				await out.data();
				out.dispose();
			});
			tf.dispose([one, thousand]);
			network.dispose();

			const predictor = await loadPredictor(bundle);
			const table = await importTable(
				new Blob([[header, ...Array.from({ length: 1000 }, (_, k) => lines[k % lines.length])].join('\n')]),
				{ fileName: 'batch.csv' }
			);
			const studioBatch = await microsPerRow(1000, rounds, () => predictRows(predictor, table));
			predictor.dispose();

			const requests = quick ? 300 : 3000;
			const rps = await serveRequestsPerSecond(bundleDir, JSON.stringify([iris[0]]), requests);
			const penguins = await penguinFigures(repoRoot, folder, quick);
			const figures: Record<string, Figure> = {
				bundle_single_us_per_row: {
					value: bundleSingle,
					unit: 'µs/row',
					note: 'model.predict([row]) from a raw row object to { label, probabilities }, recipe included'
				},
				bundle_single_await_us_per_row: {
					value: bundleSingleAwait,
					unit: 'µs/row',
					note: 'await predict([row]), the module-level async API, model loaded'
				},
				bundle_single_cpu_us_per_row: {
					value: bundleSingleCpu,
					unit: 'µs/row',
					note: 'the same single rows in CPU time of this process (steadier than wall time under load)'
				},
				bundle_batch1000_cpu_us_per_row: {
					value: bundleBatchCpu,
					unit: 'µs/row',
					note: 'the same batches of 1,000 in CPU time of this process'
				},
				bundle_batch1000_us_per_row: {
					value: bundleBatch,
					unit: 'µs/row',
					note: `model.predict(1,000 raw rows); forward pass in ${model.engine === 'wasm' ? 'WebAssembly SIMD' : 'JS'}`
				},
				bundle_js_single_us_per_row: {
					value: jsSingle,
					unit: 'µs/row',
					note: 'the same, WebAssembly off (the JS float64 fallback), one row per call'
				},
				bundle_js_batch1000_us_per_row: {
					value: jsBatch,
					unit: 'µs/row',
					note: 'the same, WebAssembly off, 1,000 rows per call'
				},
				tfjs_single_us_per_row: {
					value: tfSingle,
					unit: 'µs/row',
					note: 'TF.js CPU backend, model.predict on a ready 1×4 tensor + data(); no recipe'
				},
				tfjs_batch1000_us_per_row: {
					value: tfBatch,
					unit: 'µs/row',
					note: 'TF.js CPU, one 1,000×4 tensor; no recipe'
				},
				studio_batch1000_us_per_row: {
					value: studioBatch,
					unit: 'µs/row',
					note: 'the studio path: conform, fitted recipe (arquero), TF.js CPU predict, for 1,000 rows'
				},
				serve_requests_per_s: {
					value: rps,
					unit: 'req/s',
					note: `serve.js on 127.0.0.1, ${requests} single-row POSTs over 8 concurrent fetch loops`
				},
				runtime_gzip_bytes: {
					value: written.sizes.runtimeGzip,
					unit: 'B',
					note: 'the runtime inside model.js, gzipped'
				},
				...penguins
			};
			return figures;
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	}
};
