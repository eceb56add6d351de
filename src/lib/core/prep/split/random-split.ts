// Random split: one seeded Fisher–Yates shuffle of the rows, then the first rows of the shuffled order
// go to test, the next to validation and the rest to train.
import { createRandom } from '../../random/seeded-random.ts';
import { rowRange } from './assignment.ts';
import { splitCounts, type SplitFractions } from './split-counts.ts';
import type { SplitAssignment } from './types.ts';

export function randomAssignment(n: number, fractions: SplitFractions, seed: number): SplitAssignment {
	const order = createRandom(seed).shuffle(rowRange(n));
	const counts = splitCounts(n, fractions);
	const assignment = new Uint8Array(n); // 0 = train
	for (let i = 0; i < counts.test; i++) assignment[order[i]!] = 2;
	for (let i = counts.test; i < counts.test + counts.validation; i++) assignment[order[i]!] = 1;
	return assignment;
}
