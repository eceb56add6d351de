// `npx tsx tests/real-tables/export-splits.ts`: writes tests/real-tables/splits.json, the rows of every
// split Benchtop's splitter draws for the suite (seeded as `benchtop train --seed` does), so that
// reference.py scores scikit-learn on exactly the rows the runner scores Benchtop on.
import { writeFileSync } from 'node:fs';
import {
	assignmentString,
	importSuiteTable,
	readManifest,
	seedsOf,
	suiteSplit,
	SPLITS_FILE,
	type SplitFixture
} from './manifest.ts';

const manifest = readManifest();
const fixture: SplitFixture = {};
for (const table of manifest.tables) {
	const input = await importSuiteTable(table);
	const rows = input.table.numRows();
	const seeds: SplitFixture[string]['seeds'] = {};
	for (const seed of seedsOf(manifest, table)) {
		const split = suiteSplit(input, table, manifest.testSize, seed);
		seeds[String(seed)] = { hash: split.record.indicesHash, rows: assignmentString(split, rows) };
	}
	fixture[table.id] = { rows, seeds };
	const types = input.schema.map((c) => `${c.name}:${c.type}`).join(', ');
	console.log(`${table.id}: ${rows} rows; ${types}`);
}
writeFileSync(SPLITS_FILE, `${JSON.stringify(fixture)}\n`);
console.log(`wrote ${SPLITS_FILE}`);
