// `npm run bench [-- --quick] [-- --only <name>]`: runs the benchmarks, prints a table, and writes
// bench/results/<name>.json (quick runs go to bench/results/quick/, which is not committed).
// Exits 1 when any benchmark fails, after running the others.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, resolveChromium } from '../tests/browser-launch.ts';
import { cliProfile } from './cli-profile.ts';
import { coreTimings } from './core-timings.ts';
import { csvIngest } from './csv-ingest.ts';
import { pageImport } from './page-import.ts';
import { profileColumnsBench } from './profile-columns.ts';
import { edgeBundle } from './edge-bundle.ts';
import { firstModel } from './first-model.ts';
import { firstPageJs } from './first-page-js.ts';
import { idbArrowRoundtrip } from './idb-arrow-roundtrip.ts';
import { recipePrep } from './recipe-prep.ts';
import { trainThroughput } from './train-throughput.ts';
import { tuneQuality } from './tune-quality.ts';
import { tuneSearch } from './tune-search.ts';
import { describeMachine } from './machine.ts';
import type { Benchmark } from './types.ts';

const BENCHMARKS: Benchmark[] = [
	firstPageJs,
	idbArrowRoundtrip,
	csvIngest,
	pageImport,
	profileColumnsBench,
	recipePrep,
	cliProfile,
	coreTimings,
	trainThroughput,
	edgeBundle,
	tuneSearch,
	tuneQuality,
	firstModel
];

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const USAGE = 'usage: npm run bench [-- --quick] [-- --only <name> | -- <name>]';

function parseArgs(args: string[]): { quick: boolean; only?: string } {
	let quick = false;
	let only: string | undefined;
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--quick') quick = true;
		else if (args[i] === '--only' && args[i + 1] && !args[i + 1]!.startsWith('--')) only = args[++i];
		// `npm run bench -- cli-profile`: a bare name is --only that name.
		else if (!args[i]!.startsWith('-') && only === undefined) only = args[i];
		else throw new Error(`bench: cannot read "${args.slice(i).join(' ')}". ${USAGE}`);
	}
	return { quick, only };
}

/** Small figures keep four significant digits: one decimal printed a test accuracy of 0.9722 as "1.0". */
function formatValue(value: number): string {
	if (Number.isInteger(value)) return value.toLocaleString('en');
	return Math.abs(value) < 10 ? String(Number(value.toPrecision(4))) : value.toFixed(1);
}

function printTable(rows: string[][]): void {
	const header = ['benchmark', 'figure', 'value', 'unit', 'notes'];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	for (const row of [header, ...rows]) {
		const cells = row.map((cell, i) => (i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)));
		console.log(cells.join('  ').trimEnd());
	}
}

// A benchmark that hangs must fail, not hold up `npm test` for ever.
const QUICK_LIMIT_S = 90;
const FULL_LIMIT_S = 900;

function withTimeout<T>(work: Promise<T>, seconds: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`did not finish within ${seconds} s`)), seconds * 1000);
	});
	return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Written beside and renamed, so a run stopped half way never leaves a truncated result. */
function writeResult(path: string, result: unknown): void {
	writeFileSync(`${path}.tmp`, `${JSON.stringify(result, null, '\t')}\n`);
	renameSync(`${path}.tmp`, path);
}

async function main(): Promise<number> {
	const { quick, only } = parseArgs(process.argv.slice(2));
	const selected = only ? BENCHMARKS.filter((b) => b.name === only) : BENCHMARKS;
	if (selected.length === 0) {
		console.error(`bench: no benchmark named "${only}" (have: ${BENCHMARKS.map((b) => b.name).join(', ')})`);
		return 1;
	}
	let browser: Browser | undefined;
	const context = {
		quick,
		repoRoot,
		browser: async () =>
			(browser ??= await chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_ARGS }))
	};
	const outDir = join(repoRoot, 'bench', 'results', ...(quick ? ['quick'] : []));
	mkdirSync(outDir, { recursive: true });
	const failed: string[] = [];
	const rows: string[][] = [];
	try {
		for (const benchmark of selected) {
			const started = performance.now();
			try {
				const figures = await withTimeout(benchmark.run(context), quick ? QUICK_LIMIT_S : FULL_LIMIT_S);
				// Every result names its browser, even one measured in Node, so figures compare honestly.
				const machine = describeMachine((await context.browser()).version());
				const result = {
					name: benchmark.name,
					description: benchmark.description,
					figures,
					machine,
					date: new Date().toISOString(),
					quick
				};
				writeResult(join(outDir, `${benchmark.name}.json`), result);
				for (const [key, { value, unit, note }] of Object.entries(figures)) {
					rows.push([benchmark.name, key, formatValue(value), unit, note ?? '']);
				}
			} catch (error) {
				failed.push(benchmark.name);
				const message = error instanceof Error ? error.message : String(error);
				console.error(`bench: ${benchmark.name} FAILED: ${message}`);
				rows.push([benchmark.name, 'FAILED', '', '', message.split('\n')[0]!.slice(0, 80)]);
			}
			const seconds = (performance.now() - started) / 1000;
			rows.push([benchmark.name, '(took)', seconds.toFixed(1), 's', '']);
		}
	} finally {
		await browser?.close();
	}
	const machine = describeMachine(browser?.version());
	console.log(
		`\nBenchtop bench${quick ? ' (quick)' : ''}: ${machine.cores} × ${machine.cpuModel}, ` +
			`Node ${machine.node}, ${machine.browser ?? 'no browser'}`
	);
	printTable(rows);
	console.log(`Results written to ${outDir}`);
	if (failed.length > 0) {
		console.error(`bench: ${failed.length} of ${selected.length} failed: ${failed.join(', ')}`);
		return 1;
	}
	return 0;
}

let exitCode = 1;
try {
	exitCode = await main();
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
}
// Exit outright: work left running by a benchmark that failed or timed out must not keep the process up.
process.exit(exitCode);
