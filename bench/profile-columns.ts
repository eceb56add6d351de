// The profile on its own, in this process: the 1,000,000 × 10 CSV's table as the page's data worker holds it
// after an import (Arrow columns), wall and CPU time; then a wide table (24 numeric columns, 1,000,000 rows;
// 100,000 with --quick) profiled on one thread and with worker threads standing in for the page's profile
// workers (column summaries, then the correlation matrix's pairs), checked equal; and the correlation
// matrix's share of the one-thread time. Whether threads pay is read off these figures on a quiet machine.
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import * as aq from 'arquero';
import { importTable } from '../src/lib/core/data/import/index.ts';
import {
	profileTable,
	profileTableInParallel,
	type ColumnRunner,
	type CorrelationRunner
} from '../src/lib/core/data/profile/index.ts';
import { readColumn, type ColumnData, type NumericData } from '../src/lib/core/data/profile/column-data.ts';
import { correlationMatrix } from '../src/lib/core/data/profile/correlations.ts';
import type { ColumnSettings, ColumnSummary } from '../src/lib/core/data/profile/column-profile.ts';
import type { ColumnSchema } from '../src/lib/core/table/column-types.ts';
import { generateCsv } from '../tests/generated-csv.ts';
import type { Benchmark, Figure } from './types.ts';

const WIDE_COLUMNS = 24;

async function startThreads(size: number): Promise<{ run: ColumnRunner; close(): Promise<void> }> {
	// Loaded through tsx's tsImport: Node 20 does not pass `--import tsx` on to worker threads.
	const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
	const entry = JSON.stringify(new URL('./profile-thread.ts', import.meta.url).href);
	const boot = `import(${api}).then(({ tsImport }) => tsImport(${entry}, ${JSON.stringify(import.meta.url)}))`;
	const workers = Array.from({ length: size }, () => new Worker(boot, { eval: true }));
	await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
	const post = <T>(worker: Worker, job: unknown) =>
		new Promise<T>((resolve, reject) => {
			worker.once('message', resolve);
			worker.once('error', reject);
			worker.postMessage(job);
		});
	const summarise = (parts: ColumnData[][], settings: ColumnSettings) =>
		Promise.all(parts.map((columns, k) => post<ColumnSummary[]>(workers[k % size]!, { columns, settings })));
	const correlate: CorrelationRunner = (parts) =>
		Promise.all(parts.map((part, k) => post<(number | null)[]>(workers[k % size]!, { correlate: part })));
	const run: ColumnRunner = Object.assign(summarise, { correlate });
	return { run, close: async () => void (await Promise.all(workers.map((w) => w.terminate()))) };
}

function wideTable(rows: number): { table: aq.ColumnTable; schema: ColumnSchema[] } {
	let seed = 11;
	const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
	const columns: Record<string, Float64Array> = {};
	const schema: ColumnSchema[] = [];
	for (let c = 0; c < WIDE_COLUMNS; c++) {
		const integer = c % 2 === 0;
		columns[`x${c}`] = Float64Array.from({ length: rows }, () =>
			integer ? Math.floor(random() * 1000) : random() * 10 ** (c % 4)
		);
		schema.push({ name: `x${c}`, type: integer ? 'integer' : 'number' });
	}
	return { table: aq.table(columns), schema };
}

/** Wall and CPU milliseconds of `work`, the best of `repeats` (the least disturbed by other processes). */
async function timed<T>(
	repeats: number,
	work: () => T | Promise<T>
): Promise<{ wall: number; cpu: number; result: T }> {
	let best = { wall: Infinity, cpu: Infinity, result: undefined as T };
	for (let i = 0; i < repeats; i++) {
		const cpu0 = process.cpuUsage();
		const start = performance.now();
		const result = await work();
		const wall = performance.now() - start;
		const used = process.cpuUsage(cpu0);
		if (wall < best.wall) best = { wall, cpu: (used.user + used.system) / 1000, result };
	}
	return best;
}

export const profileColumnsBench: Benchmark = {
	name: 'profile-columns',
	description:
		'the profile alone: 1M × 10 as the page holds it, and a wide table on one thread vs worker threads',
	async run({ quick }) {
		const rows = quick ? 100_000 : 1_000_000;
		const ms = (value: number, note: string): Figure => ({ value, unit: 'ms', note });
		const imported = await importTable(new Blob([generateCsv(rows)]), { fileName: 'profile.csv' });
		const narrow = await timed(3, () => profileTable(imported.table, imported.schema));
		const { table, schema } = wideTable(rows);
		const single = await timed(3, () => profileTable(table, schema));
		// The matrix alone, on one thread: 276 pairs over the same columns, shifted by their means.
		const numeric = schema.map((c) => readColumn(table, c.name, c.type) as NumericData);
		const means = single.result.columns.map((c) => c.mean);
		const matrix = await timed(3, () =>
			correlationMatrix(
				numeric,
				means,
				numeric.map(() => true)
			)
		);
		const threads = Math.max(1, availableParallelism() - 1);
		const pool = await startThreads(threads);
		try {
			const parallel = await timed(3, () => profileTableInParallel(table, schema, threads, pool.run));
			if (JSON.stringify(parallel.result) !== JSON.stringify(single.result))
				throw new Error('the parallel profile differs from the single-threaded one');
			return {
				loadAverage: {
					value: loadavg()[0]!,
					unit: '',
					note: '1-minute load average at the end: above the core count, figures are relative only'
				},
				csvProfileWall: ms(
					narrow.wall,
					`${rows} × 10 CSV as imported (Arrow columns), one thread, best of 3`
				),
				csvProfileCpu: ms(narrow.cpu, 'CPU time of that run'),
				wideSingleWall: ms(single.wall, `${rows} × ${WIDE_COLUMNS} numeric columns, one thread, best of 3`),
				wideCorrelationWall: ms(
					matrix.wall,
					`of which the correlation matrix (${(WIDE_COLUMNS * (WIDE_COLUMNS - 1)) / 2} pairs), one thread, best of 3`
				),
				wideParallelWall: ms(
					parallel.wall,
					`the same with ${threads} worker thread${threads === 1 ? '' : 's'} beside this one (started before the clock), equal to one thread's`
				),
				wideSpeedup: {
					value: single.wall / parallel.wall,
					unit: '×',
					note: 'one thread ÷ with worker threads: above 1 means the threads pay'
				}
			};
		} finally {
			await pool.close();
		}
	}
};
