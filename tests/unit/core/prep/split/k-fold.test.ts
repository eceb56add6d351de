// Fold sizes and per-fold class counts are checked against scikit-learn (fixtures/make-sklearn-fixture.py).
// Which rows land in which fold differs from sklearn's when shuffling: that comes from numpy's RNG there
// and our seeded RNG here, so only sizes and counts are compared, plus exact folds when not shuffling.
import { describe, expect, it } from 'vitest';
import { kFold, stratifiedKFold, type Fold } from '../../../../../src/lib/core/prep/split/index.ts';
import { BenchtopError } from '../../../../../src/lib/core/errors.ts';
import fixture from './fixtures/sklearn-splits.json' with { type: 'json' };
import { expectPartition } from './make-table.ts';

function expectFoldsCover(folds: Fold[], n: number) {
	expectPartition(
		folds.map((f) => f.test),
		n
	);
	for (const fold of folds) expectPartition([fold.train, fold.test], n);
}

function messageOf(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(BenchtopError);
		return (error as BenchtopError).message;
	}
	throw new Error('expected a BenchtopError');
}

describe('kFold', () => {
	it('has sklearn KFold fold sizes, and every row in exactly one test fold', () => {
		for (const { n, k, sizes } of fixture.kFoldSizes) {
			const folds = kFold(n, k, 0);
			expect(folds.map((f) => f.test.length)).toEqual(sizes);
			expectFoldsCover(folds, n);
		}
	});

	it('without shuffling, is sklearn KFold exactly: consecutive blocks', () => {
		const folds = kFold(7, 3, 0, { shuffle: false });
		expect(folds.map((f) => Array.from(f.test))).toEqual([
			[0, 1, 2],
			[3, 4],
			[5, 6]
		]);
		expect(Array.from(folds[1]!.train)).toEqual([0, 1, 2, 5, 6]);
	});

	it('is the same for the same seed and different for another', () => {
		const tests = (seed: number) => kFold(100, 5, seed).map((f) => Array.from(f.test));
		expect(tests(3)).toEqual(tests(3));
		expect(tests(4)).not.toEqual(tests(3));
	});

	it('refuses fewer than 2 folds or more folds than rows', () => {
		expect(messageOf(() => kFold(10, 1, 0))).toBe(
			'Cross-validation needs a whole number of folds, at least 2 (got 1).'
		);
		expect(messageOf(() => kFold(4, 5, 0))).toBe(
			'5 folds need at least 5 rows, one per fold; there are only 4.'
		);
		expect(messageOf(() => kFold(10, 2.5, 0))).toBe(
			'Cross-validation needs a whole number of folds, at least 2 (got 2.5).'
		);
	});
});

describe('stratifiedKFold', () => {
	it('has sklearn StratifiedKFold per-fold class counts', () => {
		expect(fixture.stratifiedKFold.length).toBeGreaterThan(8);
		for (const { name, labels, k, classes, foldClassCounts } of fixture.stratifiedKFold) {
			const { folds } = stratifiedKFold(labels, k, 0);
			const counts = folds.map((fold) =>
				classes.map((c) => Array.from(fold.test).filter((row) => labels[row] === c).length)
			);
			expect(counts, `${name}, k=${k}`).toEqual(foldClassCounts);
			expectFoldsCover(folds, labels.length);
		}
	});

	it('without shuffling, gives exactly sklearn’s folds', () => {
		for (const { name, labels, k, unshuffledTestFolds } of fixture.stratifiedKFold) {
			const { folds } = stratifiedKFold(labels, k, 0, { shuffle: false });
			expect(
				folds.map((f) => Array.from(f.test)),
				`${name}, k=${k}`
			).toEqual(unshuffledTestFolds);
		}
	});

	it('keeps each fold’s class counts within one of the ideal, for any seed', () => {
		const labels = Array.from({ length: 1013 }, (_, i) => ['a', 'b', 'c', 'd'][((i * i) % 7) % 4]!);
		for (let seed = 0; seed < 5; seed++) {
			const { folds, warnings } = stratifiedKFold(labels, 7, seed);
			expect(warnings).toEqual([]);
			expectFoldsCover(folds, labels.length);
			for (const label of ['a', 'b', 'c', 'd']) {
				const total = labels.filter((l) => l === label).length;
				for (const fold of folds) {
					const count = Array.from(fold.test).filter((row) => labels[row] === label).length;
					expect(Math.abs(count - total / 7)).toBeLessThan(1);
				}
			}
		}
	});

	it('warns, like sklearn, when the smallest class has fewer rows than folds', () => {
		const labels = [...new Array<string>(20).fill('a'), 'b', 'b'];
		const { folds, warnings } = stratifiedKFold(labels, 5, 1);
		expect(warnings).toEqual([
			'The smallest class has 2 rows, fewer than the 5 folds, so some folds have none of it (“b”).'
		]);
		expectFoldsCover(folds, labels.length);
	});

	it('stratifies missing labels as a class of their own, keeping every row in one test fold', () => {
		const labels = ['a', null, 'b', 'a', null, 'b', 'a', null, 'b', 'a'];
		const { folds, warnings } = stratifiedKFold(labels, 3, 2);
		expect(warnings).toEqual(['3 rows with no label were stratified as a class of their own.']);
		expectFoldsCover(folds, labels.length);
		for (const fold of folds) expect(Array.from(fold.test).filter((r) => labels[r] === null)).toHaveLength(1);
	});

	it('refuses more folds than rows, fewer than 2, or more than any class holds', () => {
		expect(messageOf(() => stratifiedKFold(['a', 'b', 'a'], 4, 0))).toBe(
			'4 folds need at least 4 rows, one per fold; there are only 3.'
		);
		expect(messageOf(() => stratifiedKFold(['a', 'b'], 1, 0))).toBe(
			'Cross-validation needs a whole number of folds, at least 2 (got 1).'
		);
		expect(messageOf(() => stratifiedKFold(['a', 'b', 'c', 'a', 'b', 'c'], 3, 0))).toBe(
			'3 stratified folds need a class with at least 3 rows; the largest class has 2.'
		);
	});
});
