// `benchtop profile --json` as a user runs it, process start included: on the generated 1,000,000 × 10 CSV
// and on a 3,000,000-row ZSTD Parquet file written by Benchtop's own writer (100,000 and 300,000 rows with
// --quick), beside pandas (`read_csv` / `read_parquet` + `describe(include='all')` in a fresh python3) when
// Debian's python3-pandas is installed, with the peak resident memory of each process. Also the CLI's start
// on a small file, through node and through npx.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as aq from 'arquero';
import { compiledIsCurrent } from '../src/cli/compiled-cli.js';
import { tableToParquet } from '../src/lib/core/data/export/table-to-parquet.ts';
import type { ColumnSchema } from '../src/lib/core/table/column-types.ts';
import { generateCsv } from '../tests/generated-csv.ts';
import type { Benchmark, Figure } from './types.ts';

const PYTHON = '/usr/bin/python3';
/** GNU time: the only portable way here to read a child's peak RSS. Without it, only wall time is given. */
const GNU_TIME = '/usr/bin/time';

interface Run {
	seconds: number;
	/** Peak resident set size in bytes, when GNU time is there to read it. */
	peakRss?: number;
	stdout: string;
}

/** Runs a command to completion, timing it from spawn to exit; throws with its stderr when it fails. */
function measure(command: string, args: string[], cwd: string): Run {
	const timed = existsSync(GNU_TIME);
	const [file, argv] = timed ? [GNU_TIME, ['-f', '@@peak-kb %M', command, ...args]] : [command, args];
	const start = performance.now();
	const result = spawnSync(file, argv, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	const seconds = (performance.now() - start) / 1000;
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr.slice(-500)}`);
	}
	const kb = /@@peak-kb (\d+)/.exec(result.stderr)?.[1];
	return { seconds, peakRss: kb === undefined ? undefined : Number(kb) * 1024, stdout: result.stdout };
}

function has(module: string): boolean {
	if (!existsSync(PYTHON)) return false;
	return spawnSync(PYTHON, ['-c', `import ${module}`]).status === 0;
}

const PANDAS_SCRIPT = `import sys, pandas
frame = pandas.read_parquet(sys.argv[1]) if sys.argv[1].endswith(".parquet") else pandas.read_csv(sys.argv[1], parse_dates=["joined"])
frame.describe(include="all").to_json()
print(len(frame))`;

/** The generated CSV's columns as typed arrays, without the CSV text: 3M rows of it would be 200 MB. */
function generatedTable(rows: number): { table: aq.ColumnTable; schema: ColumnSchema[] } {
	const cities = ['Lisbon', 'Oslo', 'Lima', 'Hanoi', 'Accra', 'Quito'];
	let seed = 7;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	const id = new Float64Array(rows);
	const amount = new Float64Array(rows);
	const balance = new Float64Array(rows);
	const score = new Float64Array(rows);
	const age = new Float64Array(rows);
	const visits = new Float64Array(rows);
	const city = new Array<string>(rows);
	const plan = new Array<string>(rows);
	const joined = new Array<Date>(rows);
	const comment = new Array<string>(rows);
	const days = Array.from({ length: 28 }, (_, d) => Date.UTC(2024, 2, d + 1));
	for (let i = 0; i < rows; i++) {
		id[i] = i;
		amount[i] = Number((next() * 1000).toFixed(2));
		balance[i] = Number((next() * 1e5).toFixed(2));
		score[i] = Number(next().toFixed(4));
		age[i] = 18 + (i % 70);
		visits[i] = Math.floor(next() * 500);
		city[i] = cities[i % cities.length]!;
		plan[i] = i % 3 ? 'free' : 'pro';
		joined[i] = new Date(days[i % 28]!);
		comment[i] = `row ${i % 1000}`;
	}
	const table = aq.table({ id, amount, balance, score, age, visits, city, plan, joined, comment });
	const schema: ColumnSchema[] = [
		{ name: 'id', type: 'integer' },
		{ name: 'amount', type: 'number' },
		{ name: 'balance', type: 'number' },
		{ name: 'score', type: 'number' },
		{ name: 'age', type: 'integer' },
		{ name: 'visits', type: 'integer' },
		{ name: 'city', type: 'category' },
		{ name: 'plan', type: 'category' },
		{ name: 'joined', type: 'date' },
		{ name: 'comment', type: 'category' }
	];
	return { table, schema };
}

const seconds = (run: Run, note: string): Figure => ({ value: run.seconds, unit: 's', note });
const peak = (run: Run, note: string): Figure | undefined =>
	run.peakRss === undefined ? undefined : { value: Math.round(run.peakRss / 2 ** 20), unit: 'MiB', note };

export const cliProfile: Benchmark = {
	name: 'cli-profile',
	description: 'benchtop profile --json in a fresh process beside pandas describe(), seconds and peak RSS',
	async run({ quick, repoRoot }) {
		const csvRows = quick ? 100_000 : 1_000_000;
		const parquetRows = quick ? 300_000 : 3_000_000;
		const dir = mkdtempSync(join(tmpdir(), 'benchtop-cli-profile-'));
		const cli = join(repoRoot, 'src', 'cli', 'benchtop.js');
		const figures: Record<string, Figure> = {
			loadAverage: {
				value: loadavg()[0]!,
				unit: '',
				note: '1-minute load average when the run began: above the core count, figures are relative only'
			}
		};
		const put = (name: string, figure: Figure | undefined) => {
			if (figure) figures[name] = figure;
		};
		try {
			const csv = join(dir, 'profile.csv');
			writeFileSync(csv, generateCsv(csvRows));
			const small = join(dir, 'small.csv');
			writeFileSync(small, generateCsv(200));
			const parquet = join(dir, 'profile.parquet');
			const { table, schema } = generatedTable(parquetRows);
			writeFileSync(parquet, await tableToParquet(table, schema));

			// The launcher runs dist/cli/ only while it is current (see compiled-cli.js). A user's copy is
			// compiled by npm ci; here it is compiled first when stale, and the figures say which ran.
			const root = new URL('../', import.meta.url);
			const isCurrent = () => compiledIsCurrent(root, new URL('dist/cli/', root));
			if (!isCurrent()) measure(process.execPath, [join(repoRoot, 'src', 'cli', 'build-cli.js')], repoRoot);
			const compiled = isCurrent();
			const how = compiled ? 'compiled CLI (dist/cli)' : 'sources through tsx (dist/cli missing or stale)';

			const start = measure(process.execPath, [cli, 'profile', small, '--json'], repoRoot);
			put('startSmallCsv', seconds(start, `node src/cli/benchtop.js profile on 200 rows --json, ${how}`));
			const viaNpx = measure('npx', ['--no-install', 'benchtop', 'profile', small, '--json'], repoRoot);
			put('startSmallCsvNpx', seconds(viaNpx, 'the same through npx benchtop (npx itself included)'));

			const csvRun = measure(process.execPath, [cli, 'profile', csv, '--json'], repoRoot);
			const csvRowsOut = (JSON.parse(csvRun.stdout) as { rows: number }).rows;
			if (csvRowsOut !== csvRows) throw new Error(`benchtop profiled ${csvRowsOut} CSV rows of ${csvRows}`);
			put('fileBytesCsv', { value: statSync(csv).size, unit: 'B' });
			put('benchtopCsv', seconds(csvRun, `${csvRows} × 10 CSV, process start included, ${how}`));
			put('benchtopCsvPeakRss', peak(csvRun, 'peak resident memory of the benchtop process'));

			const parquetRun = measure(process.execPath, [cli, 'profile', parquet, '--json'], repoRoot);
			const parquetRowsOut = (JSON.parse(parquetRun.stdout) as { rows: number }).rows;
			if (parquetRowsOut !== parquetRows)
				throw new Error(`benchtop profiled ${parquetRowsOut} Parquet rows of ${parquetRows}`);
			put('fileBytesParquet', {
				value: statSync(parquet).size,
				unit: 'B',
				note: 'ZSTD pages, Benchtop writer'
			});
			put('benchtopParquet', seconds(parquetRun, `${parquetRows} × 10 ZSTD Parquet, process start included`));
			put('benchtopParquetPeakRss', peak(parquetRun, 'peak resident memory of the benchtop process'));

			if (has('pandas')) {
				const pandasCsv = measure(PYTHON, ['-c', PANDAS_SCRIPT, csv], repoRoot);
				put(
					'pandasCsv',
					seconds(pandasCsv, 'fresh python3: import pandas, read_csv, describe(include="all")')
				);
				put('pandasCsvPeakRss', peak(pandasCsv, 'peak resident memory of the python3 process'));
				put('csvVsPandas', {
					value: pandasCsv.seconds / csvRun.seconds,
					unit: '×',
					note: 'pandas seconds ÷ Benchtop seconds: above 1 means Benchtop is faster'
				});
				if (has('pyarrow') || has('fastparquet')) {
					const pandasParquet = measure(PYTHON, ['-c', PANDAS_SCRIPT, parquet], repoRoot);
					put(
						'pandasParquet',
						seconds(pandasParquet, 'fresh python3: read_parquet, describe(include="all")')
					);
					put('pandasParquetPeakRss', peak(pandasParquet, 'peak resident memory of the python3 process'));
					put('parquetVsPandas', {
						value: pandasParquet.seconds / parquetRun.seconds,
						unit: '×',
						note: 'pandas seconds ÷ Benchtop seconds: above 1 means Benchtop is faster'
					});
				} else {
					figures.benchtopParquet!.note +=
						'; no pandas figure: neither pyarrow nor fastparquet is installed, so pandas cannot read Parquet here';
				}
			} else {
				figures.benchtopCsv!.note += '; no pandas figure: python3-pandas is not installed';
			}
			return figures;
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}
};
