// The issue's quality bar: `benchtop tune <file> --target <col> --time 120s` (the CLI itself, TPE, the
// default space, seed 42, one worker; on these tables of at most 1,000 rows every trial is scored by 5-fold
// cross-validation, core/tune/selection.ts) on wine, penguins, diabetes and the generated Friedman table, its
// winner's test figure beside scikit-learn's RandomizedSearchCV (30 iterations × 5 folds over MLPs) from the
// checked-in fixtures of bench/reference: the search on the very rows Benchtop searches, scored on
// Benchtop's test rows (the fair comparison: same rows, same metric); the same search on scikit-learn's own
// split; and its own-split winner refit on Benchtop's rows. Prints a table; each figure's note says which
// bar it meets. About 9 minutes (4 × 2 minutes and start-up); --quick runs wine for 5 s.
// TUNE_QUALITY_TABLES=diabetes (or a comma list) runs only those tables, about 2 minutes each:
//   TUNE_QUALITY_TABLES=diabetes npm run bench -- --only tune-quality
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Benchmark, Figure } from './types.ts';

const run = promisify(execFile);

/** The reference tables (as bench/reference/sklearn-random-search.py lists them). */
export const QUALITY_TABLES = [
	['wine', 'sample-datasets/wine.csv', 'cultivar'],
	['penguins', 'sample-datasets/penguins.csv', 'Species'],
	['diabetes', 'sample-datasets/diabetes.csv', 'progression'],
	['friedman', 'bench/reference/friedman.csv', 'y']
] as const;

interface SearchReference {
	results: Record<string, { metric: 'accuracy' | 'r2'; test: number; cv_best: number; seconds: number }>;
}

interface TuneJson {
	trials: { status: string }[];
	best: { validation: Record<string, number>; test: Record<string, number> } | null;
}

function readReference<T>(repoRoot: string, name: string): T | undefined {
	const path = join(repoRoot, 'bench', 'reference', name);
	return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}

const fixed = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(4));

/** The tables a run measures: TUNE_QUALITY_TABLES's names (comma-separated) when set, else all of them. */
export function chosenTables(names: string | undefined, quick: boolean): (typeof QUALITY_TABLES)[number][] {
	if (quick) return QUALITY_TABLES.slice(0, 1);
	const wanted = (names ?? '')
		.split(',')
		.map((n) => n.trim())
		.filter(Boolean);
	if (wanted.length === 0) return [...QUALITY_TABLES];
	const known = QUALITY_TABLES.map(([name]) => name as string);
	const unknown = wanted.filter((n) => !known.includes(n));
	if (unknown.length > 0)
		throw new Error(
			`TUNE_QUALITY_TABLES: no table ${unknown.map((n) => `“${n}”`).join(', ')} (the tables: ${known.join(', ')})`
		);
	return QUALITY_TABLES.filter(([name]) => wanted.includes(name));
}

export const tuneQuality: Benchmark = {
	name: 'tune-quality',
	description:
		"`benchtop tune --time 120s` (TPE, default space, seed 42, one worker, 5-fold selection) on wine, penguins, diabetes and Friedman: the winner's test figure against scikit-learn's RandomizedSearchCV(n_iter=30, cv=5) over MLPs on the same rows",
	async run({ quick, repoRoot }) {
		const figures: Record<string, Figure> = {};
		const time = quick ? '5s' : '120s';
		const loadStart = loadavg()[0]!;
		const runs: { name: string; result: TuneJson; seconds: number; load: number }[] = [];
		for (const [name, path, target] of chosenTables(process.env.TUNE_QUALITY_TABLES, quick)) {
			const started = performance.now();
			const { stdout } = await run(
				process.execPath,
				[
					join(repoRoot, 'src', 'cli', 'benchtop.js'),
					'tune',
					join(repoRoot, path),
					'--target',
					target,
					'--time',
					time,
					'--seed',
					'42',
					'--json'
				],
				{ maxBuffer: 64 * 1024 * 1024 }
			);
			runs.push({
				name,
				result: JSON.parse(stdout) as TuneJson,
				seconds: (performance.now() - started) / 1000,
				load: loadavg()[0]!
			});
		}
		// Read after the runs: the references may be written (by the Python script) while they go on.
		const own = readReference<SearchReference>(repoRoot, 'sklearn-random-search.json')?.results ?? {};
		const sameRows =
			readReference<SearchReference>(repoRoot, 'sklearn-random-search-benchtop-split.json')?.results ?? {};
		const refit =
			readReference<{ results: Record<string, { test_mean: number }> }>(
				repoRoot,
				'sklearn-on-benchtop-split.json'
			)?.results ?? {};
		const rows: string[][] = [];
		for (const { name, result, seconds, load } of runs) {
			const metric = own[name]?.metric ?? (name === 'wine' || name === 'penguins' ? 'accuracy' : 'r2');
			const test = result.best?.test[metric] ?? NaN;
			const bar = sameRows[name]?.test;
			figures[`quality-${name}-${time}`] = {
				value: test,
				unit: metric === 'accuracy' ? 'test accuracy' : 'test R²',
				note: `${result.trials.length} trials, ${seconds.toFixed(0)} s wall, validation ${fixed(result.best?.validation[metric])}, load ${load.toFixed(1)}; scikit-learn RandomizedSearchCV on the same rows ${fixed(bar)}${bar === undefined ? '' : test >= bar ? ' (met)' : ' (below)'}, on its own split ${fixed(own[name]?.test)}, its own-split winner refit on these rows ${fixed(refit[name]?.test_mean)}`
			};
			rows.push([
				name,
				fixed(test),
				fixed(bar),
				fixed(own[name]?.test),
				fixed(refit[name]?.test_mean),
				String(result.trials.length),
				`${seconds.toFixed(0)} s`,
				load.toFixed(1)
			]);
		}
		const header = [
			'table',
			'benchtop',
			'sk same rows',
			'sk own split',
			'sk winner, our rows',
			'trials',
			'wall',
			'load'
		];
		const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
		console.log(
			`\ntune-quality: benchtop tune --time ${time} against scikit-learn (load ${loadStart.toFixed(1)} at start)`
		);
		for (const row of [header, ...rows]) console.log(row.map((c, i) => c.padEnd(widths[i]!)).join('  '));
		return figures;
	}
};
