// The rows of a tuning search, drawn again from a trial run's record (train/run-record.ts, SearchRows). A
// trial never sees the whole table: the search first cuts the test rows off with its outer split, and the
// trial's own split (training and validation rows, or one fold of k) indexes the rows left. Both draws are
// pure functions of the table and a seed, so storing the outer split's spec and hash and the fold's number
// is enough to find a trial's rows again, each draw checked by its hash as every run's split is.
import { BenchtopError } from '../errors.ts';
import {
	hashIndices,
	kFold,
	splitRows,
	stratifiedKFold,
	type SplitRecord,
	type TableSplit
} from '../prep/split/index.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { readLabels } from '../table/read-column.ts';
import { takeRows } from '../table/take-rows.ts';
import type { SearchRows } from '../train/run-record.ts';

/** One fold of the search rows: the rows a trial trains on and those it is scored on, each ascending. */
export interface SearchFold {
	train: Uint32Array;
	validation: Uint32Array;
}

/**
 * The search rows cut into `k` folds from `seed` (stratified on the `stratify` column when given). A class
 * with a single search row cannot be both learnt and scored: in the fold that held it out, the model would
 * not know it and the trial would fail (birdstrikes' one "B" row failed every re-check). So it stays in
 * every fold's training rows, as the trials' own split keeps it among its training rows.
 */
export function searchRowFolds(search: PrepTable, k: number, seed: number, stratify?: string): SearchFold[] {
	if (stratify === undefined)
		return kFold(search.table.numRows(), k, seed).map((fold) => ({
			train: fold.train,
			validation: fold.test
		}));
	const labels = readLabels(search.table, stratify);
	const folds = stratifiedKFold(labels, k, seed).folds;
	const counts = new Map<string | null, number>();
	for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
	const single = (row: number) => counts.get(labels[row]!) === 1;
	return folds.map((fold) => {
		const moved = fold.test.filter(single);
		if (moved.length === 0) return { train: fold.train, validation: fold.test };
		return {
			train: Uint32Array.from([...fold.train, ...moved]).sort(),
			validation: fold.test.filter((row) => !single(row))
		};
	});
}

/** A fold as the split a training run takes: its held-out rows as validation, no test, hashed as any split. */
export function foldTableSplit(
	fold: SearchFold,
	base: { method: SplitRecord['method']; column?: string; seed: number }
): TableSplit {
	const { train, validation } = fold;
	const test = new Uint32Array(0);
	const n = train.length + validation.length;
	return {
		train,
		validation,
		test,
		record: {
			method: base.method,
			train: n ? train.length / n : 0,
			validation: n ? validation.length / n : 0,
			test: 0,
			seed: base.seed,
			...(base.column === undefined ? {} : { column: base.column }),
			counts: { train: train.length, validation: validation.length, test: 0 },
			excludedRows: 0,
			indicesHash: hashIndices([train, validation, test]),
			warnings: []
		}
	};
}

function specOf(record: Pick<SplitRecord, 'method' | 'train' | 'validation' | 'test' | 'seed' | 'column'>) {
	const { method, train, validation, test, seed, column } = record;
	return { method, train, validation, test, seed, ...(column === undefined ? {} : { column }) };
}

function mismatch(what: string, drawn: string, stored: string): never {
	throw new BenchtopError(
		'bad-input',
		`The ${what} drawn again from this trial run’s record differs from the one it trained on: the data are not the rows the search saw.`,
		`Split hash ${drawn}, run's ${stored}`
	);
}

/**
 * A trial run's split drawn again on the whole table: the search rows (the outer split's training rows),
 * then the trial's split of them (its own split record, or fold `fold.index`), each checked by its hash;
 * the lists come back as rows of `input`, ascending, with the trial's own record.
 */
export function recreateTrialSplit(input: PrepTable, record: SplitRecord, rows: SearchRows): TableSplit {
	const outer = splitRows(input, specOf(rows.outer));
	if (outer.record.indicesHash !== rows.outer.indicesHash)
		mismatch('search’s split', outer.record.indicesHash, rows.outer.indicesHash);
	const search = takeRows(input, outer.train);
	const fold = rows.fold;
	let inner: TableSplit;
	if (fold) {
		const folds = searchRowFolds(search, fold.k, record.seed, fold.stratify);
		const chosen = folds[fold.index];
		if (!chosen) mismatch('fold', `fold ${fold.index + 1} of ${folds.length}`, record.indicesHash);
		inner = foldTableSplit(chosen, record);
	} else inner = splitRows(search, specOf(record));
	if (inner.record.indicesHash !== record.indicesHash)
		mismatch('trial’s split', inner.record.indicesHash, record.indicesHash);
	const lift = (list: Uint32Array) => list.map((i) => outer.train[i]!);
	return {
		train: lift(inner.train),
		validation: lift(inner.validation),
		test: lift(inner.test),
		record: inner.record
	};
}
