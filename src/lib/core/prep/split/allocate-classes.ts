// How many rows of each class go to each split, so that every split's class shares match the whole table's
// within one row per class, and the split totals come out exactly as asked. This is controlled rounding of
// a classes × splits table; a max-flow argument guarantees a solution always exists.
import { BenchtopError } from '../../errors.ts';

/**
 * counts[c][s] is ⌊ideal⌋ or ⌈ideal⌉ of ideal = classCounts[c] · splitTotals[s] / n, each row sums to its
 * class count and each column to its split total. splitTotals must add up to the sum of classCounts.
 */
export function allocateClasses(classCounts: readonly number[], splitTotals: readonly number[]): number[][] {
	const n = classCounts.reduce((a, b) => a + b, 0);
	const splits = splitTotals.length;
	if (splitTotals.reduce((a, b) => a + b, 0) !== n) {
		throw new BenchtopError('internal', 'Split totals do not add up to the rows being allocated.');
	}
	const counts = classCounts.map(() => new Array<number>(splits).fill(0));
	if (n === 0) return counts;
	const rowNeed = classCounts.slice();
	const columnNeed = splitTotals.slice();
	// canRaise[c·splits + s]: the ideal is fractional, so the cell may be rounded up; raised: it was.
	const canRaise = new Uint8Array(classCounts.length * splits);
	const raised = new Uint8Array(classCounts.length * splits);
	classCounts.forEach((size, c) => {
		for (let s = 0; s < splits; s++) {
			// Integer arithmetic (size · total < 2^53), so exact ideals are never mistaken for fractional.
			const product = size * splitTotals[s]!;
			const remainder = product % n;
			const floor = (product - remainder) / n;
			counts[c]![s] = floor;
			rowNeed[c]! -= floor;
			columnNeed[s]! -= floor;
			if (remainder !== 0) canRaise[c * splits + s] = 1;
		}
	});
	const raise = (c: number, s: number) => {
		raised[c * splits + s] = 1;
		counts[c]![s]!++;
	};
	const lower = (c: number, s: number) => {
		raised[c * splits + s] = 0;
		counts[c]![s]!--;
	};

	// A greedy pass settles almost everything; augmenting paths settle the rest.
	for (let c = 0; c < classCounts.length; c++) {
		for (let s = 0; s < splits && rowNeed[c]! > 0; s++) {
			if (canRaise[c * splits + s] && columnNeed[s]! > 0) {
				raise(c, s);
				rowNeed[c]!--;
				columnNeed[s]!--;
			}
		}
	}
	for (let c = 0; c < classCounts.length; c++) {
		while (rowNeed[c]! > 0) {
			if (!augment(c)) throw new BenchtopError('internal', 'Could not allocate classes to splits.');
			rowNeed[c]!--;
		}
	}
	return counts;

	/**
	 * One more raised cell for class `start`: breadth-first over splits. Reaching split s2 from s through a
	 * class c2 means c2 moves its extra row from s to s2, freeing one in s. Ends at a split that still needs one.
	 */
	function augment(start: number): boolean {
		const viaClass = new Int32Array(splits).fill(-1);
		const fromSplit = new Int32Array(splits).fill(-2);
		const queue: number[] = [];
		for (let s = 0; s < splits; s++) {
			if (canRaise[start * splits + s] && !raised[start * splits + s]) {
				viaClass[s] = start;
				fromSplit[s] = -1;
				queue.push(s);
			}
		}
		for (let head = 0; head < queue.length; head++) {
			const s = queue[head]!;
			if (columnNeed[s]! > 0) {
				columnNeed[s]!--;
				for (let at = s; at >= 0;) {
					const c = viaClass[at]!;
					const previous = fromSplit[at]!;
					raise(c, at);
					if (previous >= 0) lower(c, previous);
					at = previous;
				}
				return true;
			}
			for (let next = 0; next < splits; next++) {
				if (fromSplit[next] !== -2) continue;
				for (let c = 0; c < classCounts.length; c++) {
					if (raised[c * splits + s] && canRaise[c * splits + next] && !raised[c * splits + next]) {
						viaClass[next] = c;
						fromSplit[next] = s;
						queue.push(next);
						break;
					}
				}
			}
		}
		return false;
	}
}
