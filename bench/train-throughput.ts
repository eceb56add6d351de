// Training throughput (samples/s, batch 256) of two MLPs, 32→64→64→1 and 32→256→256→1, on each TF.js
// backend in Chromium, beside PyTorch on the same shapes and thread counts when Debian's python3-torch is there.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createServer, type Plugin } from 'vite';
import type { BackendThroughput, ModelThroughput, ThroughputPlan } from './browser/train-throughput.types.ts';
import { openBenchPage } from './browser-page.ts';
import type { Benchmark, Figure } from './types.ts';

const TORCH_PYTHON = '/usr/bin/python3';
const HIDDEN = [64, 256] as const;
const SHAPE = { features: 32, rows: 8192, batchSize: 256 };

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

// The studio's step in PyTorch: a seeded shuffle per epoch, gather the batch, forward, MSE, Adam, and the
// loss read back (loss.item()) every batch, as the studio reads its sums.
const TORCH_SCRIPT = `import json, sys, time
try:
    import torch
except ImportError:
    print("none"); sys.exit(0)
threads_list, hidden_list, features, rows, batch, warmup_ms, min_ms, round_ms, min_batches, max_ms = json.loads(sys.argv[1])
torch.manual_seed(42)
x = torch.randn(rows, features)
y = torch.sin(x * torch.arange(1, features + 1)).mean(1, keepdim=True) + 0.1 * torch.randn(rows, 1)
per_epoch = rows // batch
out = []
for threads in threads_list:
    torch.set_num_threads(threads)
    for hidden in hidden_list:
        model = torch.nn.Sequential(torch.nn.Linear(features, hidden), torch.nn.ReLU(),
            torch.nn.Linear(hidden, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 1))
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        state = {"perm": None, "i": per_epoch}
        def step():
            if state["i"] == per_epoch:
                state["perm"] = torch.randperm(rows); state["i"] = 0
            idx = state["perm"][state["i"] * batch:(state["i"] + 1) * batch]; state["i"] += 1
            loss = torch.nn.functional.mse_loss(model(x[idx]), y[idx])
            opt.zero_grad(); loss.backward(); opt.step()
            return loss.item()
        start = time.perf_counter(); n = 0
        while n < per_epoch and (n < min_batches / 2 or (time.perf_counter() - start) * 1000 < warmup_ms):
            step(); n += 1
        start = time.perf_counter(); n = 0; elapsed = 0.0
        best = 0.0; rounds = 0; round_start = start; round_n = 0
        while n < 2 or (elapsed < max_ms and (elapsed < min_ms or n < min_batches)):
            step(); n += 1; round_n += 1
            now = time.perf_counter(); elapsed = (now - start) * 1000
            if (now - round_start) * 1000 >= round_ms:
                best = max(best, round_n * batch / (now - round_start)); rounds += 1
                round_start = now; round_n = 0
        mean = n * batch / (elapsed / 1000)
        out.append({"version": torch.__version__, "threads": torch.get_num_threads(), "hidden": hidden,
            "samplesPerSecond": max(best, mean), "meanSamplesPerSecond": mean,
            "rounds": rounds, "batches": n})
print(json.dumps(out))`;

function torchThroughput(threads: number[], timing: Timing): TorchResult[] | undefined {
	if (!existsSync(TORCH_PYTHON)) return undefined;
	const args = [
		threads,
		HIDDEN,
		SHAPE.features,
		SHAPE.rows,
		SHAPE.batchSize,
		timing.warmupMs,
		timing.minMs,
		timing.roundMs,
		timing.minBatches,
		timing.maxMs
	];
	const out = execFileSync(TORCH_PYTHON, ['-c', TORCH_SCRIPT, JSON.stringify(args)], {
		encoding: 'utf8'
	}).trim();
	return out === 'none' ? undefined : (JSON.parse(out) as TorchResult[]);
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
					denseEngine: !isolated
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
		for (const backend of studio) {
			Object.assign(
				figures,
				backendFigures(backend.name === 'dense-engine' ? 'denseEngine' : backend.name, backend, timing)
			);
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
		const threads = [
			...new Set([1, wasmThreads, threadedWasm?.wasm?.threads ?? 1, ...(quick ? [] : [cpus().length])])
		];
		const torch = torchThroughput(threads, timing);
		figures.loadAverageAtEnd = { value: loadavg()[0]!, unit: 'load', note: '1-minute load average' };
		if (!torch) {
			figures.pytorchAvailable = {
				value: 0,
				unit: 'flag',
				note: `no PyTorch for ${TORCH_PYTHON} (Debian: apt-get install python3-torch)`
			};
			return figures;
		}
		for (const t of torch) {
			figures[`pytorch${t.threads}t${t.hidden}`] = rate(
				t.samplesPerSecond,
				`PyTorch ${t.version}, torch.set_num_threads(${t.threads}); ${roundsNote(timing, t)}`
			);
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
		const dense = studio.find((b) => b.name === 'dense-engine');
		Object.assign(
			figures,
			speedupFigures('pytorchOverDenseEngine', torch, 1, dense, 'the fused WASM dense engine (1 thread)')
		);
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
