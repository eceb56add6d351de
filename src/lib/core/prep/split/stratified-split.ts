// Stratified split: every split gets each class in the same share as the whole table, within one row per
// class (like sklearn's StratifiedShuffleSplit, extended to three splits). Rows with no class value are
// left out of every split, since they cannot be placed by class; a class with a single row goes to train.
import { BenchtopError } from '../../errors.ts';
import { createRandom } from '../../random/seeded-random.ts';
import { allocateClasses } from './allocate-classes.ts';
import { rowRange } from './assignment.ts';
import { encodeLabels } from './label-codes.ts';
import { listSome, rowsWord, type MethodResult } from './method-result.ts';
import { splitCounts, type SplitFractions } from './split-counts.ts';
import { EXCLUDED } from './types.ts';

export function stratifiedAssignment(
	labels: readonly (string | null)[],
	fractions: SplitFractions,
	seed: number,
	column: string
): MethodResult {
	const { codes, names, counts, missing } = encodeLabels(labels);
	if (names.length === 0) {
		throw new BenchtopError(
			'bad-input',
			`Column “${column}” has no values to stratify by: every row is missing.`
		);
	}
	const single = names.filter((_, c) => counts[c] === 1);
	if (single.length === names.length) {
		throw new BenchtopError(
			'bad-input',
			`Every value of “${column}” appears only once, so there are no classes to stratify by; choose a class column or a random split.`
		);
	}
	const warnings: string[] = [];
	if (missing > 0)
		warnings.push(`Left out of every split: ${rowsWord(missing)} with no value in “${column}”.`);
	if (single.length > 0) {
		warnings.push(
			`${single.length === 1 ? 'One class' : `${single.length} classes`} of “${column}” ${single.length === 1 ? 'has' : 'have'} a single row (${listSome(single)}), which went to train.`
		);
	}

	// Single-row classes are allocated as empty and their rows added to train below.
	const allocated = counts.map((count) => (count === 1 ? 0 : count));
	const totals = splitCounts(
		allocated.reduce((a, b) => a + b, 0),
		fractions
	);
	const perClass = allocateClasses(allocated, [totals.train, totals.validation, totals.test]);

	// One shuffle of all rows, then a counting sort by class keeps each class's rows in shuffled order.
	const order = createRandom(seed).shuffle(rowRange(codes.length));
	const start = new Int32Array(names.length + 1);
	for (let c = 0; c < names.length; c++) start[c + 1] = start[c]! + counts[c]!;
	const filled = start.slice(0, names.length);
	const byClass = new Uint32Array(codes.length - missing);
	for (let i = 0; i < order.length; i++) {
		const code = codes[order[i]!]!;
		if (code >= 0) byClass[filled[code]!++] = order[i]!;
	}

	const assignment = new Uint8Array(codes.length);
	for (let i = 0; i < codes.length; i++) if (codes[i]! < 0) assignment[i] = EXCLUDED;
	perClass.forEach(([, validation, test], c) => {
		// Test first, then validation, the rest (and every single-row class) train, which is already 0.
		const from = start[c]!;
		for (let i = from; i < from + test!; i++) assignment[byClass[i]!] = 2;
		for (let i = from + test!; i < from + test! + validation!; i++) assignment[byClass[i]!] = 1;
	});
	return { assignment, excludedRows: missing, warnings };
}
