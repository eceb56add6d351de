// A run's split drawn again from its record (method, fractions, seed, column), checked against the
// record's index hash so an evaluation never quietly scores rows the model trained on. A tuning trial's run
// (its `searchRows` set) split the search's rows, not the table: search-rows.ts draws those first.
import { BenchtopError } from '../errors.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { splitRows, type SplitRecord, type TableSplit } from '../prep/split/index.ts';
import type { SearchRows } from '../train/run-record.ts';
import { recreateTrialSplit } from './search-rows.ts';

export function recreateSplit(input: PrepTable, record: SplitRecord, searchRows?: SearchRows): TableSplit {
	if (searchRows) return recreateTrialSplit(input, record, searchRows);
	const split = splitRows(input, {
		method: record.method,
		train: record.train,
		validation: record.validation,
		test: record.test,
		seed: record.seed,
		...(record.column !== undefined ? { column: record.column } : {})
	});
	if (split.record.indicesHash !== record.indicesHash) {
		throw new BenchtopError(
			'bad-input',
			'The split drawn again from this run’s record differs from the one it trained on: the data are not the rows the run saw.',
			`Split hash ${split.record.indicesHash}, run's ${record.indicesHash}`
		);
	}
	return split;
}
