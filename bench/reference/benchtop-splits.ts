// The rows `benchtop tune` keeps apart as test rows on each reference table (the split `benchtop train`
// makes: seed 42, test share 0.2, stratified for classes), written to benchtop-splits.json so the
// scikit-learn reference can score on exactly those rows. Run: npx tsx bench/reference/benchtop-splits.ts
// `--seed S` writes the split `benchtop tune --seed S` makes to benchtop-splits-S.json instead (the
// repeated-split comparison, README.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { importTable } from '../../src/lib/core/data/import/index.ts';
import { splitRows } from '../../src/lib/core/prep/split/index.ts';
import { describeTask } from '../../src/lib/core/train/training-request.ts';
import { tuneData } from '../../src/lib/core/tune/tune-data.ts';
import { REFERENCE_TABLES } from './reference-tables.ts';

const HERE = import.meta.dirname;

const seedAt = process.argv.indexOf('--seed');
const seed = seedAt > 0 ? Number(process.argv[seedAt + 1]) : 42;
if (!Number.isInteger(seed)) throw new Error('--seed needs a whole number');

const out: Record<string, { train: number[]; test: number[] }> = {};
for (const [name, file, target] of REFERENCE_TABLES) {
	const input = await importTable(new Blob([readFileSync(file)]), { fileName: basename(file) });
	const { task } = describeTask(input, { targets: [target] });
	const data = tuneData(input, task, target, 0.2, seed);
	const split = splitRows(input, data.finalSplit);
	out[name] = { train: [...split.train], test: [...split.test] };
}
writeFileSync(
	join(HERE, seed === 42 ? 'benchtop-splits.json' : `benchtop-splits-${seed}.json`),
	`${JSON.stringify(out)}\n`
);
console.log(
	Object.entries(out)
		.map(([n, s]) => `${n}: ${s.train.length} train, ${s.test.length} test`)
		.join('\n')
);
