// Ten outer splits no search has seen (the splits `benchtop tune --seed S` makes for S = 101…110), to score a
// search's chosen configuration on rows that did not choose it: a winner refit on each split's search rows
// and scored on its test rows shows what the configuration is worth, apart from the luck of one split's 36-89
// test rows. Writes fresh-splits.json; the scikit-learn side is sklearn-fresh-splits.py, Benchtop's
// benchtop-fresh-splits.ts. Run: npx tsx bench/reference/fresh-splits.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { importTable } from '../../src/lib/core/data/import/index.ts';
import { splitRows } from '../../src/lib/core/prep/split/index.ts';
import { describeTask } from '../../src/lib/core/train/training-request.ts';
import { tuneData } from '../../src/lib/core/tune/tune-data.ts';
import { FRESH_SEEDS } from './fresh-seeds.ts';
import { REFERENCE_TABLES } from './reference-tables.ts';

const out: Record<string, Record<string, { train: number[]; test: number[] }>> = {};
for (const [name, file, target] of REFERENCE_TABLES) {
	const input = await importTable(new Blob([readFileSync(file)]), { fileName: basename(file) });
	const { task } = describeTask(input, { targets: [target] });
	out[name] = {};
	for (const seed of FRESH_SEEDS) {
		const split = splitRows(input, tuneData(input, task, target, 0.2, seed).finalSplit);
		out[name][seed] = { train: [...split.train], test: [...split.test] };
	}
}
writeFileSync(join(import.meta.dirname, 'fresh-splits.json'), `${JSON.stringify(out)}\n`);
console.log(
	`fresh-splits.json: seeds ${FRESH_SEEDS[0]}-${FRESH_SEEDS.at(-1)} of ${Object.keys(out).join(', ')}`
);
