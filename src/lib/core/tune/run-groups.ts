// The run list with a search's runs grouped under it: a tuning search keeps its best trials as runs (and
// its winner, retrained on every search row), which would otherwise bury the person's own runs. A group
// stands where its newest run stood; inside it the winner's final run comes first, then the trials by number.
import type { RunRecord } from '../train/run-record.ts';

export type RunListItem =
	{ kind: 'run'; run: RunRecord } | { kind: 'search'; search: string; runs: RunRecord[] };

/** A search's final run (the winner retrained on every search row) scores test rows; its trials have none. */
export function isSearchWinner(run: RunRecord): boolean {
	return run.search !== undefined && run.rows.test > 0;
}

export function groupRunsBySearch(runs: readonly RunRecord[]): RunListItem[] {
	const items: RunListItem[] = [];
	const groups = new Map<string, RunRecord[]>();
	for (const run of runs) {
		if (run.search === undefined) {
			items.push({ kind: 'run', run });
			continue;
		}
		let group = groups.get(run.search);
		if (!group) {
			group = [];
			groups.set(run.search, group);
			items.push({ kind: 'search', search: run.search, runs: group });
		}
		group.push(run);
	}
	for (const group of groups.values())
		group.sort(
			(a, b) => Number(isSearchWinner(b)) - Number(isSearchWinner(a)) || (a.trial ?? 0) - (b.trial ?? 0)
		);
	return items;
}
