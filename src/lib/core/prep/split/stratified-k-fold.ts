// Stratified k-fold like sklearn's StratifiedKFold: the same per-fold class counts (classes numbered by
// first appearance, sorted labels dealt round-robin to the folds), so each fold's count of a class is within
// one of the ideal. Which rows of a class land in which fold comes from our seeded RNG, not numpy's.
import { BenchtopError } from '../../errors.ts';
import { createRandom } from '../../random/seeded-random.ts';
import { checkFoldCount, foldsFromAssignment, type KFoldOptions } from './k-fold.ts';
import { encodeLabels } from './label-codes.ts';
import { listSome, rowsWord } from './method-result.ts';
import type { Fold } from './types.ts';

export interface StratifiedFolds {
	folds: Fold[];
	warnings: string[];
}

/** Rows with no label form one more class of their own, so every row is still in exactly one test fold. */
export function stratifiedKFold(
	labels: readonly (string | null)[],
	k: number,
	seed: number,
	{ shuffle = true }: KFoldOptions = {}
): StratifiedFolds {
	checkFoldCount(labels.length, k);
	const encoded = encodeLabels(labels);
	const names = encoded.missing > 0 ? [...encoded.names, '(missing)'] : encoded.names;
	const counts = encoded.missing > 0 ? [...encoded.counts, encoded.missing] : encoded.counts;
	const codes =
		encoded.missing > 0 ? encoded.codes.map((c) => (c < 0 ? encoded.names.length : c)) : encoded.codes;

	if (counts.every((count) => count < k)) {
		throw new BenchtopError(
			'bad-input',
			`${k} stratified folds need a class with at least ${k} rows; the largest class has ${Math.max(...counts)}.`
		);
	}
	const warnings: string[] = [];
	if (encoded.missing > 0)
		warnings.push(`${rowsWord(encoded.missing)} with no label were stratified as a class of their own.`);
	const small = names.filter((_, c) => counts[c]! < k);
	if (small.length > 0) {
		const least = Math.min(...counts);
		warnings.push(
			`The smallest class has ${rowsWord(least)}, fewer than the ${k} folds, so some folds have none of it (${listSome(small)}).`
		);
	}

	// allocation[fold][class]: labels sorted by class number, then dealt to folds 0, 1, …, k-1, 0, 1, …
	const allocation = Array.from({ length: k }, () => new Array<number>(counts.length).fill(0));
	for (let c = 0, start = 0; c < counts.length; start += counts[c]!, c++) {
		for (let fold = 0; fold < k; fold++) {
			// Positions p in [start, start + count) with p mod k = fold.
			const first = start + ((fold - (start % k) + k) % k);
			const end = start + counts[c]!;
			allocation[fold]![c] = first < end ? Math.floor((end - 1 - first) / k) + 1 : 0;
		}
	}

	const random = createRandom(seed);
	const foldOf = new Uint32Array(labels.length);
	const rowsOf = counts.map((count) => new Uint32Array(count));
	const filled = new Array<number>(counts.length).fill(0);
	for (let row = 0; row < codes.length; row++) rowsOf[codes[row]!]![filled[codes[row]!]!++] = row;
	rowsOf.forEach((rows, c) => {
		// sklearn's order: fold numbers repeated by allocation, shuffled, then given to the class's rows in order.
		const folds = new Uint32Array(rows.length);
		for (let fold = 0, at = 0; fold < k; fold++) folds.fill(fold, at, (at += allocation[fold]![c]!));
		if (shuffle) random.shuffle(folds);
		rows.forEach((row, i) => (foldOf[row] = folds[i]!));
	});
	return { folds: foldsFromAssignment(foldOf, k), warnings };
}
