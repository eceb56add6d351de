// The real-table suite's manifest (which file, which target, which task) and the split fixture both the
// scikit-learn reference and the Benchtop runner read, so both score the very same rows.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTable } from '../../src/lib/core/data/import/index.ts';
import type { Task } from '../../src/lib/core/models/types.ts';
import type { PrepTable } from '../../src/lib/core/table/prep-table.ts';
import { splitRows, type TableSplit } from '../../src/lib/core/prep/split/index.ts';
import { defaultSplit } from '../../src/lib/core/train/training-request.ts';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SUITE_DIR = join(REPO_ROOT, 'tests/real-tables');

export interface SuiteTable {
	id: string;
	/** Relative to the repository root. */
	file: string;
	target: string[];
	task: Task;
	shape: string;
	/** Fewer seeds for the biggest tables, to keep the suite's time on two cores reasonable. */
	seeds?: number[];
}

export interface SuiteManifest {
	version: number;
	seeds: number[];
	testSize: number;
	tables: SuiteTable[];
}

export function readManifest(): SuiteManifest {
	return JSON.parse(readFileSync(join(SUITE_DIR, 'manifest.json'), 'utf8')) as SuiteManifest;
}

export function seedsOf(manifest: SuiteManifest, table: SuiteTable): number[] {
	return table.seeds ?? manifest.seeds;
}

export async function importSuiteTable(table: SuiteTable): Promise<PrepTable> {
	const bytes = readFileSync(join(REPO_ROOT, table.file));
	return importTable(new Blob([bytes]), { fileName: basename(table.file) });
}

/** The split `benchtop train --seed <seed> --test-size <testSize>` draws when it reads the manifest's task. */
export function suiteSplit(input: PrepTable, table: SuiteTable, testSize: number, seed: number): TableSplit {
	return splitRows(input, defaultSplit(table.task, table.target[0], testSize, seed));
}

/** One character a row: t (train), e (test), - (left out: a missing stratify value). */
export function assignmentString(split: TableSplit, rows: number): string {
	const chars = new Array<string>(rows).fill('-');
	for (const i of split.train) chars[i] = 't';
	for (const i of split.test) chars[i] = 'e';
	return chars.join('');
}

export interface SplitFixture {
	/** Per table id: its row count and, per seed, the split's hash and assignment string. */
	[id: string]: { rows: number; seeds: Record<string, { hash: string; rows: string }> };
}

export const SPLITS_FILE = join(SUITE_DIR, 'splits.json');
