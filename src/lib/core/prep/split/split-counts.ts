// How many rows each split gets. The rule is sklearn's train_test_split, extended to three splits: the
// held-out splits round up (test = ⌈n·test⌉, validation = ⌈n·validation⌉) and train takes the rest.
import { FRACTION_TOLERANCE } from './split-spec.ts';
import type { SplitCounts } from './types.ts';

export interface SplitFractions {
	train: number;
	validation: number;
	test: number;
}

/** ⌈x⌉, but a product that lands a hair above a whole number (0.07 × 100 = 7.000000000000001) counts as it. */
function ceilCount(x: number): number {
	return Math.max(0, Math.ceil(x - FRACTION_TOLERANCE));
}

/**
 * Counts that always add up to n. Train keeps at least one row whenever n ≥ 1; then, while rows allow, a
 * split asked for a share above 0 gets at least one row, test before validation (sklearn's order of
 * importance: a test set matters more than a validation set).
 */
export function splitCounts(n: number, fractions: SplitFractions): SplitCounts {
	let test = Math.min(n, ceilCount(n * fractions.test));
	let validation = Math.min(n - test, ceilCount(n * fractions.validation));
	// Both held-out splits rounded up can leave train nothing: give back from the larger, validation on ties.
	while (n > 0 && n - test - validation < 1) {
		if (validation >= test && validation > 0) validation--;
		else test--;
	}
	let train = n - test - validation;
	if (fractions.test > 0 && test === 0 && train > 1) {
		test++;
		train--;
	}
	if (fractions.validation > 0 && validation === 0 && train > 1) {
		validation++;
		train--;
	}
	return { train, validation, test };
}
