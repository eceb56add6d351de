// What the configurations `benchtop tune` chose are worth on rows that did not choose them: each winner
// (a `benchtop tune --json` output) is run again as a one-point space on the ten fresh outer splits of
// fresh-splits.ts (`benchtop tune --space … --trials 1 --seed S`: its folds, its refit on the split's search
// rows, its test rows) and its test figures are kept, beside scikit-learn's (sklearn-fresh-splits.py).
// Run: npx tsx bench/reference/benchtop-fresh-splits.ts <table> <label>=<tune.json> [...]
// Results go into benchtop-fresh-splits.json under the table and label.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FRESH_SEEDS } from './fresh-seeds.ts';
import { REFERENCE_TABLES } from './reference-tables.ts';

const HERE = import.meta.dirname;
const CLI = join(HERE, '..', '..', 'src', 'cli', 'benchtop.js');
const OUT = join(HERE, 'benchtop-fresh-splits.json');

interface TuneJson {
	best: { params: Record<string, unknown>; test: Record<string, number> } | null;
}

const [table, ...inputs] = process.argv.slice(2);
const reference = REFERENCE_TABLES.find(([name]) => name === table);
if (!reference || inputs.length === 0)
	throw new Error(
		'usage: benchtop-fresh-splits.ts <wine|penguins|diabetes|friedman> <label>=<tune.json> ...'
	);
const [, file, target] = reference;
const metric = table === 'wine' || table === 'penguins' ? 'accuracy' : 'r2';
const scratch = mkdtempSync(join(tmpdir(), 'fresh-'));

for (const input of inputs) {
	const [label, path] = input.split('=') as [string, string];
	const { best } = JSON.parse(readFileSync(path, 'utf8')) as TuneJson;
	if (!best) throw new Error(`${path}: the search kept no winner`);
	const space = join(scratch, 'space.json');
	const params = Object.fromEntries(
		Object.entries(best.params).map(([k, v]) => [k, { type: 'choice', options: [v] }])
	);
	writeFileSync(space, JSON.stringify({ params }));
	const scores = FRESH_SEEDS.map((seed) => {
		const args = [CLI, 'tune', file, '--target', target, '--space', space, '--trials', '1'];
		const stdout = execFileSync(process.execPath, [...args, '--seed', String(seed), '--json'], {
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024
		});
		return Number((JSON.parse(stdout) as TuneJson).best!.test[metric]!.toFixed(4));
	});
	const mean = Number((scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(4));
	// Read again before each write, so runs for other tables may go on beside this one.
	const results = existsSync(OUT) ? JSON.parse(readFileSync(OUT, 'utf8')) : {};
	results[table!] = { ...results[table!], metric, seeds: FRESH_SEEDS };
	results[table!][label] = { params: best.params, search_test: best.test[metric], mean, scores };
	writeFileSync(OUT, `${JSON.stringify(results, null, '\t')}\n`);
	console.log(`${table} ${label}: ${mean} over ${scores.length} fresh splits (${scores.join(' ')})`);
}
