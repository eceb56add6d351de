// `benchtop train --threads N`: the plan (default min(cores, 4), 1 keeps one thread, refused outside 1–8),
// what --json says about threads, and a wide table (700 features: a default-MLP batch of about 9 MFLOP,
// over the 8 MFLOP threshold) trained on 2 threads and on 1 with the same metrics and weights within float
// rounding; iris (0.46 MFLOP a batch) stays on one thread and says why.
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrainOptions } from '../../../src/cli/train-options.ts';
import { cliThreadPlan, parseThreads, threadsJson } from '../../../src/cli/train-threads.ts';
import { denseThreading } from '../../../src/lib/core/train/fused/dense-threading.ts';
import { createRandom } from '../../../src/lib/core/random/seeded-random.ts';
import { cli, sample, workFolder } from './model-fixtures.ts';

const work = workFolder('train-threads');

describe('the CLI’s thread plan', () => {
	it('defaults to min(cores, 4), keeps one thread for --threads 1 or one core, and says why', () => {
		expect(cliThreadPlan(undefined, 2)).toEqual({
			threads: 2,
			reason: "the CLI's default, min(cores, 4), on this machine's 2 cores (--threads to change)"
		});
		expect(cliThreadPlan(undefined, 16).threads).toBe(4);
		expect(cliThreadPlan(undefined, 1)).toEqual({
			threads: 1,
			reason: 'this machine reports one core (--threads to set more)'
		});
		expect(cliThreadPlan(1, 8)).toEqual({ threads: 1, reason: '--threads 1 asked for one thread' });
		expect(cliThreadPlan(6, 2)).toEqual({ threads: 6, reason: '--threads 6 (this machine reports 2 cores)' });
		expect(cliThreadPlan(4, 8, 'no SIMD')).toEqual({
			threads: 1,
			reason: "this Node cannot run the engine's threads: no SIMD"
		});
	});

	it('refuses --threads outside 1 to 8, in words', () => {
		expect(parseThreads('3')).toBe(3);
		for (const bad of ['0', '9', '-1', '2.5', 'two', ''])
			expect(() => parseThreads(bad)).toThrow(/--threads must be a whole number from 1 to 8/);
		expect(parseTrainOptions(['f.csv', '--out', 'o', '--threads', '2']).threads).toBe(2);
		expect(parseTrainOptions(['f.csv', '--out', 'o']).threads).toBeUndefined();
	});

	it('says for every kind of run how many threads stepped the batches', () => {
		const spec = { family: 'mlp' } as never;
		const engine = (e: object) => ({ spec, backend: { name: 'wasm', reason: 'r', engine: e as never } });
		expect(
			threadsJson(engine({ name: 'dense-wasm', reason: 'r', threads: 2, threadsReason: 'why' }))
		).toEqual({
			count: 2,
			reason: 'why'
		});
		expect(threadsJson(engine({ name: 'tfjs', reason: 'TF.js was asked for' }))).toEqual({
			count: 1,
			reason: "TF.js stepped the batches (TF.js was asked for): the engine's threads do not apply"
		});
		expect(
			threadsJson({ spec: { family: 'kmeans' } as never, backend: { name: 'cpu', reason: 'r' } }).reason
		).toBe('k-means runs in plain TypeScript on one thread');
	});
});

interface TrainJson {
	metrics: Record<string, number>;
	threads: { count: number; reason: string };
}

async function trainJson(args: string[]): Promise<TrainJson> {
	const { code, out, err } = await cli(['train', ...args, '--json']);
	expect(err).toEqual([]);
	expect(code).toBe(0);
	return JSON.parse(out[0]!) as TrainJson;
}

/** 300 rows of 700 seeded normal features; the class is the sign of the first five's sum. */
function wideTable(): string {
	const random = createRandom(9);
	const header = [...Array.from({ length: 700 }, (_, j) => `f${j}`), 'label'].join(',');
	const rows = Array.from({ length: 300 }, () => {
		const x = Array.from({ length: 700 }, () => random.normal());
		const sum = x.slice(0, 5).reduce((a, b) => a + b, 0);
		return [...x.map((v) => v.toFixed(4)), sum > 0 ? 'yes' : 'no'].join(',');
	});
	const path = join(work, 'wide.csv');
	writeFileSync(path, `${header}\n${rows.join('\n')}\n`);
	return path;
}

const floats = (dir: string) => {
	const bytes = readFileSync(join(dir, 'weights.bin'));
	return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
};

describe('benchtop train with threads', () => {
	it('trains a wide table on 2 threads with the metrics and weights of 1 thread', async () => {
		const wide = wideTable();
		const args = [wide, '--target', 'label', '--model', 'mlp', '--epochs', '4', '--seed', '3'];
		const two = await trainJson([...args, '--threads', '2', '--out', join(work, 'two')]);
		const one = await trainJson([...args, '--threads', '1', '--out', join(work, 'one')]);
		expect(two.threads).toEqual({
			count: 2,
			reason: '--threads 2 (this machine reports ' + availableParallelism() + ' cores)'
		});
		expect(one.threads).toEqual({ count: 1, reason: '--threads 1 asked for one thread' });
		const a = floats(join(work, 'two'));
		const b = floats(join(work, 'one'));
		expect(a).toHaveLength(b.length);
		let gap = 0;
		a.forEach((v, i) => (gap = Math.max(gap, Math.abs(v - b[i]!))));
		expect(gap).toBeLessThan(1e-4);
		expect(Object.keys(two.metrics)).toEqual(Object.keys(one.metrics));
		for (const [name, value] of Object.entries(one.metrics)) expect(two.metrics[name]).toBeCloseTo(value, 4);
		// The command puts the process's setting back when it ends.
		expect(denseThreading().threads).toBe(1);
	}, 240_000);

	it('keeps iris on one thread by default and says why (a batch is under the threshold)', async () => {
		const iris = await trainJson([
			sample('iris.csv'),
			'--target',
			'species',
			'--model',
			'mlp',
			'--epochs',
			'2',
			'--out',
			join(work, 'iris')
		]);
		expect(iris.threads.count).toBe(1);
		if (availableParallelism() > 1)
			expect(iris.threads.reason).toMatch(
				/could run \d threads, but a batch is about 0.46 MFLOP, under the 8 MFLOP/
			);
	}, 120_000);
});
