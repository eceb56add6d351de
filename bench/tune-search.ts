// Hyperparameter search (core/tune) in Node on the WebAssembly backend: trials per minute on a generated
// 5,000-row table with the default space, one worker against a pool of worker threads (as many as the
// cores allow, at most 4); then the best validation score random search, TPE and successive halving (ASHA)
// reach in the same fixed time on that table and on the wine sample (trials capped at 20 epochs here, so a
// minute holds enough of them to count). The quality bar against scikit-learn is tune-quality.ts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { startTrialThreads } from '../src/cli/tune-workers.ts';
import { useNodeBackend } from '../src/cli/node-backend.ts';
import { importTable } from '../src/lib/core/data/import/index.ts';
import { createRandom } from '../src/lib/core/random/seeded-random.ts';
import { bestTrial, type Strategy } from '../src/lib/core/tune/search.ts';
import { tune, type TuneRequest } from '../src/lib/core/tune/tune.ts';
import type { PrepTable } from '../src/lib/core/table/prep-table.ts';
import type { Benchmark, Figure } from './types.ts';

const ROWS = 5000;

/** Three classes from eight numeric features: two informative directions, noise, one skewed column. */
function generatedCsv(rows: number): string {
	const random = createRandom(7);
	const lines = ['f0,f1,f2,f3,f4,f5,f6,f7,label'];
	for (let i = 0; i < rows; i++) {
		const f = Array.from({ length: 8 }, () => random.normal());
		f[7] = Math.exp(f[7]!);
		const score = f[0]! + 0.8 * f[1]! * f[2]! + 0.5 * Math.sin(3 * f[3]!) + 0.3 * random.normal();
		const label = score < -0.5 ? 'a' : score < 0.6 ? 'b' : 'c';
		lines.push(`${f.map((x) => x.toFixed(4)).join(',')},${label}`);
	}
	return lines.join('\n') + '\n';
}

const CONTEXT = (name: string, backend: { name: string; reason: string }) => ({
	dataset: { id: name, hash: name, name },
	backend,
	versions: { tfjs: tf.version.tfjs }
});

function request(target: string, strategy: Strategy, timeMs: number, epochs: number): TuneRequest {
	return {
		targets: [target],
		task: 'classification',
		strategy,
		seed: 42,
		budget: { timeMs },
		settings: { epochs },
		// Trials per minute and the strategies' best validation score count the trials proper, each on one
		// validation split (recheck: false turns wine's automatic 5-fold selection off too, selection.ts).
		recheck: false
	};
}

export const tuneSearch: Benchmark = {
	name: 'tune-search',
	description:
		'hyperparameter search: trials/minute on a 5,000-row table (1 worker vs a worker-thread pool) and the best validation accuracy of random, TPE and ASHA in a fixed time',
	async run({ quick, repoRoot }) {
		const figures: Record<string, Figure> = {};
		// --quick only checks that the bench runs: a small table, short trials, a few seconds each.
		const seconds = quick ? 2 : 60;
		const epochs = quick ? 3 : 20;
		const dir = mkdtempSync(join(tmpdir(), 'benchtop-tune-bench-'));
		const file = join(dir, 'generated.csv');
		const rows = quick ? 300 : ROWS;
		writeFileSync(file, generatedCsv(rows));
		const backend = await useNodeBackend(false);
		const load = async (path: string): Promise<PrepTable> =>
			importTable(new Blob([readFileSync(path)]), { fileName: path });
		const generated = await load(file);
		const pool = Math.max(1, Math.min(4, cpus().length - 1 || 1, cpus().length));
		const poolSize = Math.max(2, pool);

		// Trials per minute: random search (no waiting on earlier batches' scores beyond the batch itself).
		// --quick leaves the pool out: starting its threads (TF.js and the sources compiled in each) takes longer
		// than the quick run's whole budget.
		for (const workers of quick ? [1] : [1, poolSize]) {
			const req = request('label', 'random', seconds * 1000, epochs);
			const threads =
				workers > 1
					? await startTrialThreads(workers, { file, hash: 'bench', request: req, convolution: false })
					: null;
			const started = performance.now();
			try {
				const result = await tune(generated, req, CONTEXT('generated', backend), {
					workers,
					...(threads ? { runTrial: (job) => threads.run(job) } : {})
				});
				result.final?.model?.dispose();
				const minutes = (performance.now() - started) / 60_000;
				figures[`trials-per-minute-${workers}-worker${workers === 1 ? '' : 's'}`] = {
					value: result.state.trials.length / minutes,
					unit: 'trials/min',
					note: `${result.state.trials.length} trials of the default space (≤ ${epochs} epochs) on ${rows} generated rows in ${seconds} s of search, the winner's final run and ${workers > 1 ? 'thread start-up' : 'nothing else'} included; ${cpus().length} cores, where the pool rule min(cores − 1, 4) gives ${pool} worker${pool === 1 ? '' : 's'}${poolSize > pool ? ` (${poolSize} measured, as --workers ${poolSize})` : ''}; load ${loadavg()[0]!.toFixed(1)}`
				};
			} finally {
				await threads?.close();
			}
		}

		// The best validation accuracy each strategy reaches in the same time, one worker each.
		const tables: [string, PrepTable, string][] = [
			['generated', generated, 'label'],
			...(quick
				? []
				: [
						['wine', await load(join(repoRoot, 'sample-datasets', 'wine.csv')), 'cultivar'] as [
							string,
							PrepTable,
							string
						]
					])
		];
		for (const [name, input, target] of tables)
			for (const strategy of ['random', 'tpe', 'asha'] as const) {
				const result = await tune(
					input,
					request(target, strategy, seconds * 1000, epochs),
					CONTEXT(name, backend)
				);
				result.final?.model?.dispose();
				const best = bestTrial(result.state.trials);
				figures[`best-${name}-${strategy}`] = {
					value: best?.value ?? NaN,
					unit: 'accuracy',
					note: `validation accuracy of the best of ${result.state.trials.length} trials (${result.state.trials.filter((t) => t.status === 'pruned').length} pruned) in ${seconds} s, seed 42; test accuracy of the winner ${String(result.final?.run.metrics.test?.accuracy ?? 'n/a')}`
				};
			}
		return figures;
	}
};
