// `npm run test:real-tables [-- --only id,id]`: trains Benchtop's defaults on every table of the
// real-table suite through `benchtop train` (the command itself, in this process: no --task, no --model,
// only --seed and --test-size 0.2), on the very splits reference.py scored scikit-learn on, and holds the
// mean test metric within TOLERANCE of the reference and above the baseline. Prints a table, writes
// bench/results/real-tables.json and .md (with --only, merged into the last ones), and exits 1 when any table misses.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainCommand } from '../../src/cli/train-command.ts';
import {
	importSuiteTable,
	readManifest,
	REPO_ROOT,
	seedsOf,
	suiteSplit,
	SPLITS_FILE,
	SUITE_DIR,
	type SplitFixture,
	type SuiteTable
} from './manifest.ts';

/** How far below scikit-learn's reference a table's mean test metric may land. */
export const TOLERANCE = 0.05;

interface ReferenceTable {
	rows: number;
	task: string;
	metric: 'accuracy' | 'r2';
	seeds: number[];
	reference: number;
	best: string;
	baseline: number;
}

interface SeedResult {
	seed: number;
	task: string;
	model: string;
	metric: number | null;
	testRows: number;
	/** False when Benchtop drew other rows than the reference scored (another task, a changed import). */
	sameSplit: boolean;
	warnings: string[];
	seconds: number;
}

interface TableResult {
	id: string;
	/** When this table was measured (ISO). */
	date: string;
	seconds: number;
	file: string;
	rows: number;
	task: string;
	metric: string;
	seeds: number[];
	sklearn: number;
	sklearnModel: string;
	benchtop: number | null;
	baseline: number;
	pass: boolean;
	problems: string[];
	runs: SeedResult[];
}

function parseArgs(args: string[]): { only: Set<string> | null } {
	if (args.length === 0) return { only: null };
	if (args[0] === '--only' && args[1]) return { only: new Set(args[1].split(',')) };
	throw new Error('usage: npm run test:real-tables [-- --only <id>[,<id>...]]');
}

async function trainOnce(table: SuiteTable, seed: number, testSize: number): Promise<SeedResult> {
	const out = mkdtempSync(join(tmpdir(), `real-tables-${table.id}-`));
	const stdout: string[] = [];
	const stderr: string[] = [];
	const started = performance.now();
	try {
		const args = [
			join(REPO_ROOT, table.file),
			'--target',
			table.target.join(','),
			'--out',
			out,
			'--seed',
			String(seed),
			'--test-size',
			String(testSize),
			'--json'
		];
		const code = await trainCommand.run(args, { out: (t) => stdout.push(t), err: (t) => stderr.push(t) });
		if (code !== 0) throw new Error(`benchtop train exited ${code}: ${stderr.join('\n')}`);
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
	const result = JSON.parse(stdout.join('\n')) as {
		task: string;
		model: string;
		rows: { test: number };
		metrics: Record<string, unknown>;
		warnings?: unknown[];
	};
	const key = result.task === 'classification' ? 'accuracy' : 'r2';
	const metric = result.metrics[key];
	return {
		seed,
		task: result.task,
		model: result.model,
		metric: typeof metric === 'number' && Number.isFinite(metric) ? metric : null,
		testRows: result.rows.test,
		sameSplit: false,
		warnings: [...(result.warnings ?? []).map(warningText), ...stderr],
		seconds: (performance.now() - started) / 1000
	};
}

/** `train --json` warnings are objects ({ kind, severity, message, ... }); the kind and message say enough. */
function warningText(warning: unknown): string {
	if (typeof warning !== 'object' || warning === null) return String(warning);
	const { kind, message } = warning as { kind?: unknown; message?: unknown };
	return `${String(kind)}: ${String(message)}`;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

async function runTable(
	table: SuiteTable,
	reference: ReferenceTable,
	fixture: SplitFixture[string],
	seeds: number[],
	testSize: number
): Promise<TableResult> {
	const input = await importSuiteTable(table);
	const runs: SeedResult[] = [];
	const problems: string[] = [];
	for (const seed of seeds) {
		let run: SeedResult;
		try {
			run = await trainOnce(table, seed, testSize);
		} catch (error) {
			problems.push(`seed ${seed}: ${error instanceof Error ? error.message : String(error)}`);
			continue;
		}
		// The split the CLI drew follows the task it inferred; the reference scored the manifest's.
		const drawn = suiteSplit(input, { ...table, task: run.task as SuiteTable['task'] }, testSize, seed);
		run.sameSplit = drawn.record.indicesHash === fixture.seeds[String(seed)]?.hash;
		runs.push(run);
	}
	const tasks = [...new Set(runs.map((r) => r.task))];
	if (tasks.some((t) => t !== table.task))
		problems.push(
			`task inferred as ${tasks.join('/')}, the suite expects ${table.task} for ${table.target.join(', ')}`
		);
	if (runs.some((r) => !r.sameSplit))
		problems.push(
			'Benchtop drew other rows than the reference scored (see the task, or rerun export-splits.ts)'
		);
	const scored = runs.map((r) => r.metric).filter((m): m is number => m !== null);
	if (scored.length < runs.length) problems.push('a run gave no test metric (NaN or missing)');
	const benchtop = scored.length === seeds.length ? mean(scored) : null;
	if (benchtop !== null && benchtop < reference.reference - TOLERANCE)
		problems.push(
			`${reference.metric} ${benchtop.toFixed(3)} is more than ${TOLERANCE} below scikit-learn's ${reference.reference.toFixed(3)}`
		);
	if (benchtop !== null && benchtop <= reference.baseline)
		problems.push(
			`${reference.metric} ${benchtop.toFixed(3)} does not beat the baseline ${reference.baseline.toFixed(3)}`
		);
	return {
		id: table.id,
		date: new Date().toISOString(),
		seconds: Math.round(runs.reduce((sum, r) => sum + r.seconds, 0)),
		file: table.file,
		rows: fixture.rows,
		task: table.task,
		metric: reference.metric,
		seeds,
		sklearn: reference.reference,
		sklearnModel: reference.best,
		benchtop,
		baseline: reference.baseline,
		pass: problems.length === 0,
		problems,
		runs
	};
}

const fmt = (value: number | null) => (value === null ? '—' : value.toFixed(3));

function tableRows(results: TableResult[]): string[][] {
	return results.map((r) => [
		r.id,
		r.rows.toLocaleString('en'),
		`${r.task} (${r.metric === 'r2' ? 'R²' : 'accuracy'})`,
		`${fmt(r.sklearn)} (${r.sklearnModel})`,
		fmt(r.benchtop),
		fmt(r.baseline),
		r.pass ? 'pass' : 'MISS'
	]);
}

const HEADER = ['data set', 'rows', 'task (metric)', 'scikit-learn', 'Benchtop', 'baseline', 'result'];

function printTable(rows: string[][]): void {
	const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	for (const row of [HEADER, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
}

function markdown(results: TableResult[], when: string): string {
	const lines = [
		`Real-table suite, ${when}: mean test metric over the seeded 80/20 splits (the same rows for both),`,
		`Benchtop's defaults through \`benchtop train\` against the better of scikit-learn's linear model and MLP.`,
		'',
		`| ${HEADER.join(' | ')} |`,
		`|${HEADER.map(() => '---').join('|')}|`,
		...tableRows(results).map((row) => `| ${row.join(' | ')} |`)
	];
	return `${lines.join('\n')}\n`;
}

const RESULTS_JSON = join(REPO_ROOT, 'bench/results/real-tables.json');

/** With --only, the tables run now replace theirs in the last results and the others are kept (each
 * entry carries the date it was measured), so the suite can be refreshed a few tables at a time. */
function writeResults(tables: SuiteTable[], fresh: TableResult[], sklearn: string, partial: boolean): void {
	const kept: TableResult[] =
		partial && existsSync(RESULTS_JSON)
			? (JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as { tables: TableResult[] }).tables
			: [];
	const byId = new Map([...kept, ...fresh].map((r) => [r.id, r]));
	const merged = tables.map((t) => byId.get(t.id)).filter((r): r is TableResult => r !== undefined);
	const document = {
		generator: 'tests/real-tables/run.ts',
		tolerance: TOLERANCE,
		sklearn,
		passed: merged.filter((r) => r.pass).length,
		tables: merged
	};
	writeFileSync(RESULTS_JSON, `${JSON.stringify(document, null, '\t')}\n`);
	const dates = merged.map((r) => r.date.slice(0, 16).replace('T', ' ')).sort();
	const when = dates[0] === dates.at(-1) ? `${dates[0]} UTC` : `${dates[0]} to ${dates.at(-1)} UTC`;
	writeFileSync(join(REPO_ROOT, 'bench/results/real-tables.md'), markdown(merged, when));
}

async function main(): Promise<number> {
	const { only } = parseArgs(process.argv.slice(2));
	const manifest = readManifest();
	const splits = JSON.parse(readFileSync(SPLITS_FILE, 'utf8')) as SplitFixture;
	const reference = JSON.parse(readFileSync(join(SUITE_DIR, 'reference.json'), 'utf8')) as {
		sklearn: string;
		tables: Record<string, ReferenceTable>;
	};
	const started = performance.now();
	const results: TableResult[] = [];
	for (const table of manifest.tables) {
		if (only && !only.has(table.id)) continue;
		const ref = reference.tables[table.id];
		const fixture = splits[table.id];
		if (!ref || !fixture)
			throw new Error(
				`${table.id}: no reference figures; run export-splits.ts, then reference.py ${table.id}`
			);
		const seeds = seedsOf(manifest, table);
		const result = await runTable(table, ref, fixture, seeds, manifest.testSize);
		console.log(
			`${result.pass ? 'pass' : 'MISS'} ${table.id}: Benchtop ${fmt(result.benchtop)}, scikit-learn ${fmt(result.sklearn)}, baseline ${fmt(result.baseline)} (${result.seconds} s)${result.problems.length ? `\n  ${result.problems.join('\n  ')}` : ''}`
		);
		results.push(result);
	}
	const totalSeconds = (performance.now() - started) / 1000;
	console.log('');
	printTable(tableRows(results));
	const misses = results.filter((r) => !r.pass);
	console.log(
		`\n${results.length - misses.length} of ${results.length} tables pass (within ${TOLERANCE} of scikit-learn and above the baseline) in ${totalSeconds.toFixed(0)} s`
	);
	writeResults(manifest.tables, results, reference.sklearn, only !== null);
	return misses.length ? 1 : 0;
}

process.exitCode = await main();
