// Which categories of a column get their own output, learned from the training table: when a column has
// more than maxLevels categories, the maxLevels most frequent keep their own and the rest share “other”.
// This is scikit-learn's OneHotEncoder(max_categories = maxLevels + 1), tie-break included: among
// categories seen equally often, the one whose label sorts later keeps its own output.
import type { ColumnType } from '../../../table/column-types.ts';

export interface ChosenLevels {
	/** Categories with their own output, in sorted order (the order of one-hot columns and ordinal codes). */
	levels: string[];
	/** Training categories that share the “other” output, in the order they first appear in the table. */
	folded: string[];
}

/** How categories sort: integer columns by value (2 before 10), everything else by label. */
export function levelOrder(type: ColumnType): (a: string, b: string) => number {
	if (type === 'integer') return (a, b) => Number(a) - Number(b) || compareText(a, b);
	return compareText;
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The categories kept apart and those folded into “other”, from each category's count of training rows
 * (missing values are not a category), the map in the order categories first appear. */
export function chooseLevels(
	counts: ReadonlyMap<string, number>,
	type: ColumnType,
	maxLevels: number
): ChosenLevels {
	const order = levelOrder(type);
	if (counts.size <= maxLevels) return { levels: [...counts.keys()].sort(order), folded: [] };

	// A column may have 100,000 categories: find the count the last kept category has without sorting them
	// all, keep everything above it, and sort only the categories tied at it.
	const threshold = keptCountThreshold(counts, maxLevels);
	const kept: string[] = [];
	const tied: string[] = [];
	for (const [label, count] of counts) {
		if (count > threshold) kept.push(label);
		else if (count === threshold) tied.push(label);
	}
	tied.sort(order);
	const keep = new Set([...kept, ...tied.slice(tied.length - (maxLevels - kept.length))]);
	const folded: string[] = [];
	for (const label of counts.keys()) if (!keep.has(label)) folded.push(label);
	return { levels: [...keep].sort(order), folded };
}

/** The count of the maxLevels-th most frequent category. */
function keptCountThreshold(counts: ReadonlyMap<string, number>, maxLevels: number): number {
	const levelsWithCount = new Map<number, number>();
	for (const count of counts.values()) levelsWithCount.set(count, (levelsWithCount.get(count) ?? 0) + 1);
	const distinctCounts = [...levelsWithCount.keys()].sort((a, b) => b - a);
	let seen = 0;
	for (const count of distinctCounts) {
		seen += levelsWithCount.get(count)!;
		if (seen >= maxLevels) return count;
	}
	return distinctCounts.at(-1)!;
}
