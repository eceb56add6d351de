// K-fold cross-validation like sklearn's KFold: the rows (shuffled with the seed, unless asked not to) cut
// into k consecutive folds, the first n mod k of them one row larger. Each row is in exactly one test fold.
import { BenchtopError } from '../../errors.ts';
import { createRandom } from '../../random/seeded-random.ts';
import { rowRange } from './assignment.ts';
import type { Fold } from './types.ts';

export interface KFoldOptions {
	shuffle?: boolean;
}

export function checkFoldCount(n: number, k: number): void {
	if (!Number.isInteger(k) || k < 2) {
		throw new BenchtopError(
			'bad-input',
			`Cross-validation needs a whole number of folds, at least 2 (got ${k}).`
		);
	}
	if (k > n) {
		throw new BenchtopError(
			'bad-input',
			`${k} folds need at least ${k} rows, one per fold; there ${n === 1 ? 'is' : 'are'} only ${n}.`
		);
	}
}

export function kFold(n: number, k: number, seed: number, { shuffle = true }: KFoldOptions = {}): Fold[] {
	if (!Number.isInteger(n) || n < 0)
		throw new BenchtopError('bad-input', `Row count must be a whole number (got ${n}).`);
	checkFoldCount(n, k);
	const order = rowRange(n);
	if (shuffle) createRandom(seed).shuffle(order);
	const foldOf = new Uint32Array(n);
	const base = Math.floor(n / k);
	for (let fold = 0, at = 0; fold < k; fold++) {
		const size = base + (fold < n % k ? 1 : 0);
		for (let end = at + size; at < end; at++) foldOf[order[at]!] = fold;
	}
	return foldsFromAssignment(foldOf, k);
}

/** Each fold's test rows are those assigned to it, its train rows all others; both ascending. */
export function foldsFromAssignment(foldOf: ArrayLike<number>, k: number): Fold[] {
	const sizes = new Array<number>(k).fill(0);
	for (let i = 0; i < foldOf.length; i++) sizes[foldOf[i]!]!++;
	return sizes.map((size, fold) => {
		const test = new Uint32Array(size);
		const train = new Uint32Array(foldOf.length - size);
		for (let i = 0, t = 0, r = 0; i < foldOf.length; i++) {
			if (foldOf[i] === fold) test[t++] = i;
			else train[r++] = i;
		}
		return { train, test };
	});
}
