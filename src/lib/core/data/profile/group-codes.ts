// Dense group codes for relating columns to a target: levels (or classes) ranked by frequency, the
// rarest lumped into one "(other)" group so contingency tables and charts stay a bounded size.
import { levelsByCount } from './categorical-summary.ts';
import { MISSING_CODE, type CategoricalData, type NumericData } from './column-data.ts';

export const OTHER_LABEL = '(other)';

export interface GroupCodes {
	/** One per row: 0..labels.length−1, or −1 when missing. Code k is the k-th most frequent group. */
	codes: Int32Array;
	labels: string[];
	counts: Float64Array;
	/** Distinct values before lumping. */
	distinct: number;
}

function fromRanks(
	source: Int32Array,
	rankOf: Int32Array,
	order: number[],
	labelOf: (k: number) => string,
	cap: number,
	distinct: number
): GroupCodes {
	const lumped = order.length > cap || distinct > order.length;
	const kept = Math.min(order.length, cap);
	const labels = order.slice(0, kept).map(labelOf);
	if (lumped) labels.push(OTHER_LABEL);
	const codes = new Int32Array(source.length);
	const counts = new Float64Array(labels.length);
	for (let i = 0; i < source.length; i++) {
		const c = source[i]!;
		if (c === MISSING_CODE) {
			codes[i] = -1;
			continue;
		}
		// Codes past the dictionary (overflow) and ranks past the cap both land in "(other)".
		const rank = c >= 0 ? rankOf[c]! : kept;
		const code = rank < kept ? rank : kept;
		codes[i] = code;
		counts[code]!++;
	}
	return { codes, labels, counts, distinct };
}

export function groupCategorical(column: CategoricalData, cap: number): GroupCodes {
	const order = levelsByCount(column.counts);
	const rankOf = new Int32Array(column.levels.length);
	order.forEach((k, rank) => (rankOf[k] = rank));
	const distinct = column.distinctEstimate ?? order.length;
	return fromRanks(column.codes, rankOf, order, (k) => column.levels[k]!, cap, distinct);
}

/** Numbers as classes (integer labels such as digits): each distinct value is a group. */
export function groupNumeric(column: NumericData, cap: number): GroupCodes {
	const index = new Map<number, number>();
	const values: number[] = [];
	const source = new Int32Array(column.values.length);
	let counts = new Float64Array(64);
	for (let i = 0; i < column.values.length; i++) {
		const x = column.values[i]!;
		if (x !== x) {
			source[i] = MISSING_CODE;
			continue;
		}
		let k = index.get(x);
		if (k === undefined) {
			k = values.length;
			index.set(x, k);
			values.push(x);
			if (k >= counts.length) {
				const grown = new Float64Array(counts.length * 2);
				grown.set(counts);
				counts = grown;
			}
		}
		source[i] = k;
		counts[k]!++;
	}
	const order = levelsByCount(counts.subarray(0, values.length));
	const rankOf = new Int32Array(values.length);
	order.forEach((k, rank) => (rankOf[k] = rank));
	return fromRanks(source, rankOf, order, (k) => String(values[k]), cap, values.length);
}

/** The same groups with everything from rank `cap` on folded into "(other)", for charts. */
export function capGroups(groups: GroupCodes, cap: number): GroupCodes {
	if (groups.labels.length <= cap + 1) return groups;
	const labels = [...groups.labels.slice(0, cap), OTHER_LABEL];
	const codes = new Int32Array(groups.codes.length);
	const counts = new Float64Array(labels.length);
	for (let i = 0; i < codes.length; i++) {
		const c = groups.codes[i]!;
		const code = c < 0 ? -1 : c < cap ? c : cap;
		codes[i] = code;
		if (code >= 0) counts[code]!++;
	}
	return { codes, labels, counts, distinct: groups.distinct };
}
