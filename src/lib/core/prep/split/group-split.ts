// Group split: rows that share a value of the group column (a patient, a user, a site) stay together, so
// no group is seen in training and again in evaluation. Groups are shuffled with the seed and laid end to
// end; each goes to the split its middle row falls in, so each split gets about its share of rows.
import { createRandom } from '../../random/seeded-random.ts';
import { encodeLabels } from './label-codes.ts';
import { rowsWord, type MethodResult } from './method-result.ts';
import { splitCounts, type SplitFractions } from './split-counts.ts';
import { SPLIT_NAMES } from './types.ts';

/** A split whose share of rows is this far (in fraction points) from what was asked gets a warning. */
const SHARE_WARNING = 0.05;

export function groupAssignment(
	labels: readonly (string | null)[],
	fractions: SplitFractions,
	seed: number,
	column: string
): MethodResult {
	const { codes, names, counts, missing } = encodeLabels(labels);
	// Rows with no group value form one more group of their own.
	const sizes = missing > 0 ? [...counts, missing] : counts;
	const groupOf = (row: number) => (codes[row]! < 0 ? names.length : codes[row]!);
	const n = codes.length;
	const warnings: string[] = [];
	if (missing > 0)
		warnings.push(`Kept together as one group: ${rowsWord(missing)} with no value in “${column}”.`);

	const order = createRandom(seed).shuffle(Int32Array.from(sizes, (_, g) => g));
	const targets = splitCounts(n, fractions);
	const trainEnd = targets.train;
	const validationEnd = targets.train + targets.validation;
	const splitOf = new Uint8Array(sizes.length);
	let position = 0;
	for (const g of order) {
		const middle = position + sizes[g]! / 2;
		splitOf[g] = middle < trainEnd ? 0 : middle < validationEnd ? 1 : 2;
		position += sizes[g]!;
	}
	fillEmptySplits(splitOf, sizes, fractions);

	const assignment = new Uint8Array(n);
	for (let row = 0; row < n; row++) assignment[row] = splitOf[groupOf(row)]!;

	const rows = [0, 0, 0];
	for (let g = 0; g < sizes.length; g++) rows[splitOf[g]!]! += sizes[g]!;
	SPLIT_NAMES.forEach((name, s) => {
		const asked = fractions[name];
		// An empty split is reported by splitRows, for every method alike.
		if (rows[s]! > 0 && Math.abs(rows[s]! / n - asked) > SHARE_WARNING) {
			const got = Math.round((rows[s]! / n) * 100);
			warnings.push(
				`The ${name} split has ${got}% of rows rather than ${Math.round(asked * 100)}%: groups in “${column}” are large, and a group cannot be divided.`
			);
		}
	});
	return { assignment, excludedRows: 0, warnings };
}

/** Train matters most, then test, then validation (the order splitCounts fills small tables in). */
const IMPORTANCE = [0, 2, 1];

/**
 * A split asked for rows but given no group takes the smallest group of another split: one with groups to
 * spare, or else a less important one's only group. Train first, then test, then validation.
 */
function fillEmptySplits(splitOf: Uint8Array, sizes: readonly number[], fractions: SplitFractions): void {
	const groupsIn = (s: number) => splitOf.reduce((count, split) => count + (split === s ? 1 : 0), 0);
	const rank = (s: number) => IMPORTANCE.indexOf(s);
	for (const s of IMPORTANCE) {
		if (fractions[SPLIT_NAMES[s]!] === 0 || groupsIn(s) > 0) continue;
		const donors = [0, 1, 2].filter(
			(d) => d !== s && (groupsIn(d) > 1 || (groupsIn(d) === 1 && rank(d) > rank(s)))
		);
		if (donors.length === 0) continue;
		const donor = donors.sort((a, b) => groupsIn(b) - groupsIn(a) || rank(b) - rank(a))[0]!;
		let smallest = -1;
		for (let g = 0; g < sizes.length; g++) {
			if (splitOf[g] === donor && (smallest < 0 || sizes[g]! < sizes[smallest]!)) smallest = g;
		}
		splitOf[smallest] = s;
	}
}
