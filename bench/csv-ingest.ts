// CSV ingest throughput on a generated 1,000,000 × 10 file (100,000 with --quick): Benchtop's importer
// (in one go, and in parts on worker threads as the Data page reads big files) side by side with
// DuckDB-WASM, uDSV, papaparse and arquero's fromCSV in the same run, and pandas' read_csv when
// Debian's python3-pandas is installed. Every parser gets typed values, as the studio needs them.
// Figures are wall time on whatever else the machine is doing: the load average is noted beside them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, openAsBlob, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as aq from 'arquero';
import Papa from 'papaparse';
import { inferSchema, initParser } from 'udsv';
import { importTable } from '../src/lib/core/data/import/index.ts';
import { startPartThreads } from './csv-part-threads.ts';
import { duckDbReadCsv } from './duckdb-csv.ts';
import type { Benchmark, Figure } from './types.ts';
import { generateCsv } from '../tests/generated-csv.ts';

const PANDAS_PYTHON = '/usr/bin/python3';

function time(run: () => unknown): number {
	const start = performance.now();
	run();
	return performance.now() - start;
}

function pandasSeconds(file: string): number | undefined {
	if (!existsSync(PANDAS_PYTHON)) return undefined;
	const script = `import sys, time
try:
    import pandas
except ImportError:
    print("none"); sys.exit(0)
start = time.perf_counter()
frame = pandas.read_csv(sys.argv[1], parse_dates=["joined"])
print(time.perf_counter() - start, len(frame))`;
	const out = execFileSync(PANDAS_PYTHON, ['-c', script, file], { encoding: 'utf8' }).trim();
	return out === 'none' ? undefined : Number(out.split(' ')[0]);
}

export const csvIngest: Benchmark = {
	name: 'csv-ingest',
	description: 'CSV to typed columns, rows per second, same file for every parser',
	async run({ quick }) {
		const rows = quick ? 100_000 : 1_000_000;
		const dir = mkdtempSync(join(tmpdir(), 'benchtop-ingest-'));
		const file = join(dir, 'ingest.csv');
		try {
			writeFileSync(file, generateCsv(rows));
			const text = readFileSync(file, 'utf8');
			const rate = (ms: number, note?: string): Figure => ({
				value: Math.round(rows / (ms / 1000)),
				unit: 'rows/s',
				...(note ? { note } : {})
			});

			const blob = await openAsBlob(file);
			const benchtopStart = performance.now();
			const imported = await importTable(blob, { fileName: 'ingest.csv' });
			const benchtopMs = performance.now() - benchtopStart;
			if (imported.rows !== rows) throw new Error(`Benchtop read ${imported.rows} rows, expected ${rows}`);

			const threads = await startPartThreads();
			let parallelMs: number;
			try {
				const start = performance.now();
				const parallel = await importTable(blob, {
					fileName: 'ingest.csv',
					parallelParts: threads.size,
					parseParts: threads.run
				});
				parallelMs = performance.now() - start;
				if (parallel.rows !== rows) throw new Error(`Benchtop in parts read ${parallel.rows} rows`);
			} finally {
				await threads.close();
			}

			const duck = await duckDbReadCsv(new Uint8Array(readFileSync(file)));
			if (duck.rows !== rows) throw new Error(`DuckDB-WASM read ${duck.rows} rows, expected ${rows}`);

			const udsvMs = time(() => initParser(inferSchema(text)).typedCols(text));
			const papaMs = time(() =>
				Papa.parse(text, { header: true, dynamicTyping: true, skipEmptyLines: true })
			);
			const arqueroMs = time(() => aq.fromCSV(text));
			const pandas = pandasSeconds(file);

			const load = `load average ${loadavg()[0]!.toFixed(1)} at the end`;
			const figures: Record<string, Figure> = {
				fileBytes: { value: statSync(file).size, unit: 'B' },
				rows: { value: rows, unit: 'rows', note: load },
				benchtop: rate(benchtopMs, 'one thread, from a Blob, typed table'),
				benchtopParallel: rate(
					parallelMs,
					`${threads.size} worker threads, as the Data page reads big files`
				),
				duckdbWasm: rate(duck.loadMs, `DuckDB ${duck.version} read_csv_auto into a table, one thread`),
				duckdbWasmToArrow: rate(
					duck.loadMs + duck.toArrowMs,
					'the same, then the table out as Arrow columns in JavaScript'
				),
				udsv: rate(udsvMs),
				papaparse: rate(papaMs),
				arqueroFromCSV: rate(arqueroMs)
			};
			if (pandas !== undefined) figures.pandasReadCsv = rate(pandas * 1000);
			return figures;
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}
};
