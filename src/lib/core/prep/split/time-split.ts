// Time split: rows ordered by a date or number column, the earliest to train, then validation, then test,
// so a model is never trained on rows later than those it is judged on. Rows that share a time at a
// boundary all go to the later split, which keeps the order strict: train's latest < validation's earliest.
import { BenchtopError } from '../../errors.ts';
import { rowRange } from './assignment.ts';
import { rowsWord, type MethodResult } from './method-result.ts';
import { splitCounts, type SplitFractions } from './split-counts.ts';
import { EXCLUDED } from './types.ts';

/** `times`: per row, NaN where missing (as readNumbers gives them). */
export function timeAssignment(times: Float64Array, fractions: SplitFractions, column: string): MethodResult {
	const order = rowRange(times.length, (row) => times[row] === times[row]);
	const excludedRows = times.length - order.length;
	if (order.length === 0) {
		throw new BenchtopError(
			'bad-input',
			`Column “${column}” has no values to order rows by: every row is missing.`
		);
	}
	// Ties keep row order, so the split does not depend on how the sort engine breaks them.
	order.sort((a, b) => times[a]! - times[b]! || a - b);
	const same = (i: number) => times[order[i - 1]!] === times[order[i]!];

	const counts = splitCounts(order.length, fractions);
	const warnings: string[] = [];
	if (excludedRows > 0)
		warnings.push(`Left out of every split: ${rowsWord(excludedRows)} with no value in “${column}”.`);

	let trainEnd = counts.train;
	while (trainEnd > 0 && trainEnd < order.length && same(trainEnd)) trainEnd--;
	if (trainEnd === 0) {
		// The earliest time fills train and more: give train that whole first run rather than nothing.
		trainEnd = counts.train;
		while (trainEnd < order.length && same(trainEnd)) trainEnd++;
		warnings.push(
			`The earliest time in “${column}” is shared by ${rowsWord(trainEnd)}; all of them went to train, so train is larger than asked.`
		);
	}
	let validationEnd = Math.max(trainEnd, counts.train + counts.validation);
	while (validationEnd > trainEnd && validationEnd < order.length && same(validationEnd)) validationEnd--;

	const assignment = new Uint8Array(times.length).fill(EXCLUDED);
	for (let i = 0; i < order.length; i++) assignment[order[i]!] = i < trainEnd ? 0 : i < validationEnd ? 1 : 2;
	return { assignment, excludedRows, warnings };
}
