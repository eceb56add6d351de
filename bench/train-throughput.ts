// Training throughput (samples/s, batch 256) of two MLPs, 32→64→64→1 and 32→256→256→1, on each TF.js
// backend in Chromium, beside PyTorch on the same shapes and thread counts when Debian's python3-torch is there.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createServer, type Plugin } from 'vite';
import type { BackendThroughput, ModelThroughput, ThroughputPlan } from './browser/train-throughput.types.ts';
import { openBenchPage } from './browser-page.ts';
import type { Benchmark, Figure } from './types.ts';
import { MAX_DENSE_THREADS } from '../src/lib/core/train/fused/thread-plan.ts';

const TORCH_PYTHON = '/usr/bin/python3';
const HIDDEN = [64, 256] as const;
const SHAPE = { features: 32, rows: 8192, batchSize: 256 };
/** The one-epoch wall time's table: 1,000,000 rows × 32 (100,000 with --quick). */
const EPOCH_ROWS = 1_000_000;
const EPOCH_ROWS_QUICK = 100_000;

interface Timing {
	warmupMs: number;
	minMs: number;
	roundMs: number;
	minBatches: number;
	maxMs: number;
	softwareMaxMs: number;
}

const FULL: Timing = {
	warmupMs: 3000,
	minMs: 3000,
	roundMs: 500,
	minBatches: 20,
	maxMs: 10_000,
	softwareMaxMs: 3000
};
const QUICK: Timing = {
	warmupMs: 300,
	minMs: 500,
	roundMs: 250,
	minBatches: 4,
	maxMs: 2000,
	softwareMaxMs: 1000
};

/**
 * Cross-origin isolation (COOP + COEP) is what lets TF.js WASM start its threads (SharedArrayBuffer).
 * The studio is served without it, so the first pass runs without; a second pass turns it on for WASM.
 */
function isolationSwitch(): { plugin: Plugin; set(on: boolean): void } {
	let isolated = false;
	return {
		set: (on) => (isolated = on),
		plugin: {
			name: 'bench-cross-origin-isolation',
			configureServer(server) {
				server.middlewares.use((_request, response, next) => {
					if (isolated) {
						response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
						response.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
					}
					next();
				});
			}
		}
	};
}

interface TorchResult {
	version: string;
	threads: number;
	hidden: number;
	samplesPerSecond: number;
	meanSamplesPerSecond: number;
	rounds: number;
	batches: number;
}

interface TorchEpoch {
	threads: number;
	hidden: number;
	rows: number;
	seconds: number;
}

/** What bench/reference/torch-train-throughput.py prints (and the checked-in JSON holds). */
interface TorchReference {
	torch: string;
	date: string;
	loadAverage: number[];
	throughput: Omit<TorchResult, 'version'>[];
	epoch: TorchEpoch[];
}

const TORCH_REFERENCE = join('bench', 'reference', 'torch-train-throughput.py');
const TORCH_CHECKED_IN = join('bench', 'reference', 'torch-train-throughput.json');

function torchInstalled(): boolean {
	if (!existsSync(TORCH_PYTHON)) return false;
	try {
		execFileSync(TORCH_PYTHON, ['-c', 'import torch'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/**
 * PyTorch's side: the reference script run now, on the same machine and in the same run, where Debian's
 * python3-torch is installed; otherwise the checked-in figures (say so: another time, maybe another load).
 */
function torchThroughput(
	repoRoot: string,
	threads: number[],
	quick: boolean
): { live: boolean; reference: TorchReference; results: TorchResult[] } | undefined {
	let reference: TorchReference;
	let live = false;
	if (torchInstalled()) {
		const args = [
			join(repoRoot, TORCH_REFERENCE),
			'--threads',
			threads.join(','),
			...(quick ? ['--quick'] : [])
		];
		reference = JSON.parse(execFileSync(TORCH_PYTHON, args, { encoding: 'utf8' })) as TorchReference;
		live = true;
	} else if (existsSync(join(repoRoot, TORCH_CHECKED_IN))) {
		reference = JSON.parse(readFileSync(join(repoRoot, TORCH_CHECKED_IN), 'utf8')) as TorchReference;
	} else {
		return undefined;
	}
	return { live, reference, results: reference.throughput.map((t) => ({ version: reference.torch, ...t })) };
}

function rate(value: number, note: string): Figure {
	return { value: Math.round(value), unit: 'samples/s', note };
}

function roundsNote(
	timing: Timing,
	run: { rounds: number; batches: number; meanSamplesPerSecond: number }
): string {
	return (
		`best of ${run.rounds} rounds of ≥ ${timing.roundMs} ms and their mean; mean ${Math.round(run.meanSamplesPerSecond)} ` +
		`over ${run.batches} batches`
	);
}

function backendNote(backend: BackendThroughput, model: ModelThroughput, timing: Timing): string {
	const parts = [roundsNote(timing, model)];
	if (backend.adapter) parts.push(backend.adapter);
	if (backend.software) parts.push('SOFTWARE adapter: shows it works, not what a GPU does');
	if (backend.wasm) {
		const { simd, multithread, threads, threadsRequested, crossOriginIsolated } = backend.wasm;
		const asked = threadsRequested ? ` (setThreadsCount(${threadsRequested}))` : '';
		parts.push(
			`${simd ? 'SIMD' : 'no SIMD'}, ${multithread ? 'threaded-simd binary' : 'no threads support'}, ` +
				`${threads} thread(s)${asked}, crossOriginIsolated ${crossOriginIsolated}`
		);
	}
	return parts.join('; ');
}

function backendFigures(prefix: string, backend: BackendThroughput, timing: Timing): Record<string, Figure> {
	const figures: Record<string, Figure> = {};
	for (const model of backend.models) {
		figures[`${prefix}${model.hidden}`] = rate(model.samplesPerSecond, backendNote(backend, model, timing));
	}
	return figures;
}

function speedupFigures(
	prefix: string,
	torch: TorchResult[],
	threads: number,
	wasm: BackendThroughput | undefined,
	label: string
): Record<string, Figure> {
	const figures: Record<string, Figure> = {};
	for (const model of wasm?.models ?? []) {
		const match = torch.find((t) => t.threads === threads && t.hidden === model.hidden);
		if (!match) continue;
		figures[`${prefix}${model.hidden}`] = {
			value: match.samplesPerSecond / model.samplesPerSecond,
			unit: '×',
			note: `PyTorch ${threads} thread(s) / ${label}, 32→${model.hidden}→${model.hidden}→1`
		};
	}
	return figures;
}

export const trainThroughput: Benchmark = {
	name: 'train-throughput',
	description: 'MLP training samples/s, batch 256, on each TF.js backend in Chromium and in PyTorch',
	async run({ quick, repoRoot, browser }) {
		const timing = quick ? QUICK : FULL;
		const isolation = isolationSwitch();
		const loadBefore = loadavg()[0]!;
		const server = await createServer({
			configFile: false,
			root: repoRoot,
			cacheDir: join(repoRoot, 'node_modules', '.vite-bench'),
			tsconfig: join(repoRoot, 'bench', 'browser', 'tsconfig.vite.json'),
			logLevel: 'silent',
			plugins: [isolation.plugin],
			server: { host: '127.0.0.1', port: 0, hmr: false },
			optimizeDeps: { entries: ['bench/browser/*.html'] },
			worker: { format: 'es' }
		});
		const inPage = async (isolated: boolean, backends: ThroughputPlan['backends']) => {
			isolation.set(isolated);
			const address = server.httpServer?.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			const bench = await openBenchPage(
				await browser(),
				`http://127.0.0.1:${port}/bench/browser/train-throughput.html`
			);
			try {
				const plan: ThroughputPlan = {
					backends,
					hidden: [...HIDDEN],
					...SHAPE,
					...timing,
					skipSoftware: quick,
					wasmThreads: isolated ? cpus().length : undefined,
					// The isolated pass times the engine threaded, one thread per core (the studio's plan).
					denseEngine: true,
					denseThreads: isolated ? Math.min(cpus().length, MAX_DENSE_THREADS) : undefined,
					epochRows: quick ? EPOCH_ROWS_QUICK : EPOCH_ROWS
				};
				const results = await bench.page.evaluate(
					(p) =>
						(
							globalThis as unknown as {
								benchTrainThroughput(plan: ThroughputPlan): Promise<BackendThroughput[]>;
							}
						).benchTrainThroughput(p),
					plan
				);
				bench.assertClean();
				return results;
			} finally {
				await bench.close();
			}
		};
		let studio: BackendThroughput[];
		let isolated: BackendThroughput[];
		try {
			await server.listen();
			studio = await inPage(false, ['webgpu', 'webgl', 'wasm', 'cpu']);
			isolated = quick ? [] : await inPage(true, ['wasm']);
		} finally {
			await server.close();
		}

		const wasm = studio.find((b) => b.name === 'wasm');
		if (!wasm?.available || wasm.models.length !== HIDDEN.length) {
			throw new Error(`the WASM backend did not train: ${wasm?.reason ?? 'no result'}`);
		}
		const figures: Record<string, Figure> = {
			loadAverageAtStart: {
				value: loadBefore,
				unit: 'load',
				note: `1-minute load average on ${cpus().length} cores: above the core count, other work shares the CPUs`
			}
		};
		for (const backend of [...studio, ...isolated.filter((b) => b.name === 'dense-engine')]) {
			const threadsTag = (backend.threads ?? 1) > 1 ? `Threads${backend.threads}` : '';
			const prefix =
				backend.name !== 'dense-engine'
					? backend.name
					: backend.build === 'relaxed-simd'
						? `denseEngine${threadsTag}Relaxed`
						: `denseEngine${threadsTag}`;
			Object.assign(figures, backendFigures(prefix, backend, timing));
			for (const epoch of backend.epochs ?? []) {
				figures[`${prefix}Epoch${epoch.rows}rows${epoch.hidden}`] = {
					value: epoch.seconds,
					unit: 's',
					note:
						`one epoch of ${epoch.rows.toLocaleString('en')} rows × ${SHAPE.features}, 32→${epoch.hidden}→${epoch.hidden}→1, ` +
						`batch ${SHAPE.batchSize}, Adam, a seeded shuffle, on the fused engine (${backend.build}, ${backend.threads ?? 1} thread(s))`
				};
			}
			if (backend.models.length === 0) {
				figures[`${backend.name}Available`] = {
					value: 0,
					unit: 'flag',
					note: backend.skipped ?? backend.reason ?? 'not available'
				};
			}
		}
		const threadedWasm = isolated.find((b) => b.name === 'wasm' && b.models.length === HIDDEN.length);
		if (threadedWasm) Object.assign(figures, backendFigures('wasmIsolated', threadedWasm, timing));

		const wasmThreads = wasm.wasm?.threads ?? 1;
		// Full runs also use every core: what PyTorch makes of the whole machine (no ratio: WASM had fewer).
		const threadedDense = isolated.find((b) => b.name === 'dense-engine');
		const threads = [
			...new Set([
				1,
				wasmThreads,
				threadedWasm?.wasm?.threads ?? 1,
				threadedDense?.threads ?? 1,
				...(quick ? [] : [cpus().length])
			])
		];
		const torchRun = torchThroughput(repoRoot, threads, quick);
		figures.loadAverageAtEnd = { value: loadavg()[0]!, unit: 'load', note: '1-minute load average' };
		if (!torchRun) {
			figures.pytorchAvailable = {
				value: 0,
				unit: 'flag',
				note: `no PyTorch for ${TORCH_PYTHON} (Debian: apt-get install python3-torch) and no ${TORCH_CHECKED_IN}`
			};
			return figures;
		}
		const torch = torchRun.results;
		const source = torchRun.live
			? 'measured now'
			: `checked in (${TORCH_CHECKED_IN}, ${torchRun.reference.date}, load ${torchRun.reference.loadAverage[0]?.toFixed(1)}), not this run`;
		for (const t of torch) {
			figures[`pytorch${t.threads}t${t.hidden}`] = rate(
				t.samplesPerSecond,
				`PyTorch ${t.version}, torch.set_num_threads(${t.threads}), ${source}; ${roundsNote(timing, t)}`
			);
		}
		for (const epoch of torchRun.reference.epoch) {
			figures[`pytorch${epoch.threads}tEpoch${epoch.rows}rows${epoch.hidden}`] = {
				value: epoch.seconds,
				unit: 's',
				note: `PyTorch, ${epoch.threads} thread(s), ${source}: one epoch of ${epoch.rows.toLocaleString('en')} rows, batch ${SHAPE.batchSize}`
			};
		}
		Object.assign(
			figures,
			speedupFigures(
				'pytorchOverWasm',
				torch,
				wasmThreads,
				wasm,
				`WASM as the studio runs it (${wasmThreads} thread(s))`
			)
		);
		// The goal reads engine / PyTorch on the same threads (≥ 0.5): the studio's build first.
		const dense = studio.find((b) => b.name === 'dense-engine');
		for (const model of dense?.models ?? []) {
			const match = torch.find((t) => t.threads === 1 && t.hidden === model.hidden);
			if (!match) continue;
			figures[`denseEngineOverPytorch1t${model.hidden}`] = {
				value: model.samplesPerSecond / match.samplesPerSecond,
				unit: '×',
				note: `the fused engine (${dense!.build}, 1 thread) / PyTorch 1 thread (${source}), 32→${model.hidden}→${model.hidden}→1`
			};
		}
		// And the threaded engine / PyTorch on as many threads.
		for (const model of threadedDense?.models ?? []) {
			const n = threadedDense!.threads ?? 1;
			const match = torch.find((t) => t.threads === n && t.hidden === model.hidden);
			if (!match) continue;
			figures[`denseEngineThreads${n}OverPytorch${n}t${model.hidden}`] = {
				value: model.samplesPerSecond / match.samplesPerSecond,
				unit: '×',
				note: `the fused engine (${threadedDense!.build}, ${n} threads, cross-origin isolated) / PyTorch ${n} threads (${source}), 32→${model.hidden}→${model.hidden}→1`
			};
		}
		if (threadedWasm?.wasm) {
			const n = threadedWasm.wasm.threads;
			Object.assign(
				figures,
				speedupFigures(
					'pytorchOverWasmIsolated',
					torch,
					n,
					threadedWasm,
					`WASM cross-origin isolated (${n} threads)`
				)
			);
		}
		return figures;
	}
};
