// Class counts and shares per split, as plain rows for a class-balance chart: the same classes in every
// split (zero where absent), most common overall first, so the bars line up across splits.
import { readLabels } from '../../table/read-column.ts';
import { requireColumns } from '../../table/require-columns.ts';
import type { PrepTable } from '../../table/prep-table.ts';
import { encodeLabels } from './label-codes.ts';
import { SPLIT_NAMES, type SplitCounts, type SplitName } from './types.ts';

export interface BalanceRow {
	split: SplitName;
	/** null for rows with no value in the column. */
	label: string | null;
	count: number;
	/** count / rows in this split; 0 for an empty split. */
	share: number;
}

export interface SplitBalance {
	rows: BalanceRow[];
	totals: SplitCounts;
}

export function splitBalance(
	input: PrepTable,
	split: Readonly<Record<SplitName, ArrayLike<number>>>,
	column: string
): SplitBalance {
	requireColumns(input, [column]);
	const { codes, names, counts, missing } = encodeLabels(readLabels(input.table, column));
	// Missing values count as one more class, numbered after the named ones.
	const classes = names.length + (missing > 0 ? 1 : 0);
	const classOf = (row: number) => (codes[row]! < 0 ? names.length : codes[row]!);
	const overall = missing > 0 ? [...counts, missing] : counts;
	const byFrequency = Array.from({ length: classes }, (_, c) => c).sort(
		(a, b) => overall[b]! - overall[a]! || a - b
	);

	const rows: BalanceRow[] = [];
	const totals = { train: 0, validation: 0, test: 0 };
	for (const name of SPLIT_NAMES) {
		const indices = split[name];
		const perClass = new Array<number>(classes).fill(0);
		for (let i = 0; i < indices.length; i++) perClass[classOf(indices[i]!)]!++;
		totals[name] = indices.length;
		for (const c of byFrequency) {
			const count = perClass[c]!;
			rows.push({
				split: name,
				label: c < names.length ? names[c]! : null,
				count,
				share: indices.length > 0 ? count / indices.length : 0
			});
		}
	}
	return { rows, totals };
}
