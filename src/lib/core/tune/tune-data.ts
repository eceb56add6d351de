// The rows a search may look at. The test rows are cut off first, with the very split `benchtop train`
// makes (same seed, same test share), and never reach a trial; trials train and are compared on the rest,
// cut again into training and validation rows. The winner is then trained once more on every search row
// with the full split (as scikit-learn's refit does), which holds back exactly those test rows and scores
// them: the test split is scored once, for the winner only.
import type { Task } from '../models/types.ts';
import { splitRows, type SplitRecord } from '../prep/split/index.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { takeRows } from '../table/take-rows.ts';
import { defaultSplit } from '../train/training-request.ts';

/** The share of the search rows each trial is compared on. */
export const VALIDATION_SHARE = 0.2;

export interface TuneData {
	/** The rows trials see (the full split's training rows). */
	search: PrepTable;
	/** The split the winner's final run uses on the whole table: its test rows are the ones cut off here. */
	finalSplit: ReturnType<typeof defaultSplit>;
	/** That split as drawn on the whole table: a trial's run records it (SearchRows) to find its rows again. */
	outer: SplitRecord;
	/** The split each trial makes of the search rows: training and validation, no test. */
	trialSplit: Record<string, unknown>;
	rows: { search: number; test: number };
}

export function tuneData(
	input: PrepTable,
	task: Task,
	target: string | undefined,
	testSize: number,
	seed: number
): TuneData {
	const finalSplit = defaultSplit(task, target, testSize, seed);
	const split = splitRows(input, finalSplit);
	const search = takeRows(input, split.train);
	const { method, column } = finalSplit as { method: string; column?: string };
	return {
		search,
		finalSplit,
		outer: split.record,
		trialSplit: {
			method,
			...(column === undefined ? {} : { column }),
			train: 1 - VALIDATION_SHARE,
			validation: VALIDATION_SHARE,
			test: 0,
			seed
		},
		rows: { search: split.train.length, test: split.test.length }
	};
}
