// CSV ingest throughput on a generated 1,000,000 × 10 file (100,000 with --quick): Benchtop's importer
// side by side with uDSV, papaparse and arquero's fromCSV in the same run, and pandas' read_csv when
// Debian's python3-pandas is installed. Every parser gets typed values, as the studio needs them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, openAsBlob, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as aq from 'arquero';
import Papa from 'papaparse';
import { inferSchema, initParser } from 'udsv';
import { importTable } from '../src/lib/core/data/import/index.ts';
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
			const rate = (ms: number): Figure => ({ value: Math.round(rows / (ms / 1000)), unit: 'rows/s' });

			const blob = await openAsBlob(file);
			const benchtopStart = performance.now();
			const imported = await importTable(blob, { fileName: 'ingest.csv' });
			const benchtopMs = performance.now() - benchtopStart;
			if (imported.rows !== rows) throw new Error(`Benchtop read ${imported.rows} rows, expected ${rows}`);

			const udsvMs = time(() => initParser(inferSchema(text)).typedCols(text));
			const papaMs = time(() =>
				Papa.parse(text, { header: true, dynamicTyping: true, skipEmptyLines: true })
			);
			const arqueroMs = time(() => aq.fromCSV(text));
			const pandas = pandasSeconds(file);

			const figures: Record<string, Figure> = {
				fileBytes: { value: statSync(file).size, unit: 'B' },
				rows: { value: rows, unit: 'rows' },
				benchtop: rate(benchtopMs),
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
