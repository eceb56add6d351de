// `npm run bench [-- --quick] [-- --only <name>]`: runs the benchmarks, prints a table, and writes
// bench/results/<name>.json (quick runs go to bench/results/quick/, which is not committed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, resolveChromium } from '../tests/browser-launch.ts';
import { firstPageJs } from './first-page-js.ts';
import { idbArrowRoundtrip } from './idb-arrow-roundtrip.ts';
import { describeMachine } from './machine.ts';
import type { Benchmark, Figure } from './types.ts';

const BENCHMARKS: Benchmark[] = [firstPageJs, idbArrowRoundtrip];

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;

function format({ value, unit }: Figure): string {
	const shown = Number.isInteger(value) ? value.toLocaleString('en') : value.toFixed(1);
	return `${shown} ${unit}`;
}

async function main(): Promise<number> {
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
	let failed = 0;
	const rows: string[][] = [];
	try {
		for (const benchmark of selected) {
			const started = performance.now();
			try {
				const figures = await benchmark.run(context);
				const machine = describeMachine(browser?.version());
				const result = {
					name: benchmark.name,
					description: benchmark.description,
					figures,
					machine,
					date: new Date().toISOString(),
					quick
				};
				writeFileSync(join(outDir, `${benchmark.name}.json`), `${JSON.stringify(result, null, '\t')}\n`);
				for (const [key, figure] of Object.entries(figures)) rows.push([benchmark.name, key, format(figure)]);
			} catch (error) {
				failed++;
				console.error(
					`bench: ${benchmark.name} failed: ${error instanceof Error ? error.message : String(error)}`
				);
			}
			rows.push([benchmark.name, '(took)', `${((performance.now() - started) / 1000).toFixed(1)} s`]);
		}
	} finally {
		await browser?.close();
	}
	const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), 10));
	console.log(
		`\nBenchtop bench${quick ? ' (quick)' : ''}, ${describeMachine().cores} cores, Node ${process.version}`
	);
	for (const [name, key, value] of rows) {
		console.log(`${name!.padEnd(widths[0]!)}  ${key!.padEnd(widths[1]!)}  ${value!.padStart(widths[2]!)}`);
	}
	console.log(`Results written to ${outDir}`);
	return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
