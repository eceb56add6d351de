// Turning "which split is each row in" into the three ascending index lists, in one pass over the rows.
import { EXCLUDED, type SplitAssignment } from './types.ts';

export interface SplitIndices {
	train: Uint32Array;
	validation: Uint32Array;
	test: Uint32Array;
}

export function indicesFromAssignment(assignment: SplitAssignment): SplitIndices {
	const sizes = [0, 0, 0];
	for (let i = 0; i < assignment.length; i++) if (assignment[i] !== EXCLUDED) sizes[assignment[i]!]!++;
	const lists = sizes.map((size) => new Uint32Array(size));
	const filled = [0, 0, 0];
	for (let i = 0; i < assignment.length; i++) {
		const s = assignment[i]!;
		if (s !== EXCLUDED) lists[s]![filled[s]!++] = i;
	}
	return { train: lists[0]!, validation: lists[1]!, test: lists[2]! };
}

/** Row indices 0..n-1, or only those `keep` allows. */
export function rowRange(n: number, keep?: (row: number) => boolean): Uint32Array {
	if (!keep) {
		const rows = new Uint32Array(n);
		for (let i = 0; i < n; i++) rows[i] = i;
		return rows;
	}
	let count = 0;
	for (let i = 0; i < n; i++) if (keep(i)) count++;
	const rows = new Uint32Array(count);
	for (let i = 0, at = 0; i < n; i++) if (keep(i)) rows[at++] = i;
	return rows;
}
