// The run list's grouping: a search's runs under one item where its newest run stood, winner first.
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../../src/lib/core/train/run-record.ts';
import { groupRunsBySearch, isSearchWinner } from '../../../../src/lib/core/tune/run-groups.ts';

const run = (id: string, extra: Partial<RunRecord> = {}): RunRecord =>
	({ id, rows: { train: 80, validation: 20, test: 0 }, ...extra }) as RunRecord;

describe('groupRunsBySearch', () => {
	it('keeps plain runs in place and puts a search’s runs in one group, the winner first, then by trial', () => {
		const runs = [
			run('a'),
			run('t3', { search: 's1', trial: 3 }),
			run('w', { search: 's1', trial: 1, rows: { train: 100, validation: 0, test: 25 } }),
			run('b'),
			run('t1', { search: 's1', trial: 1 }),
			run('x0', { search: 's2', trial: 0 })
		];
		const items = groupRunsBySearch(runs);
		expect(
			items.map((i) => (i.kind === 'run' ? i.run.id : `${i.search}:${i.runs.map((r) => r.id).join(',')}`))
		).toEqual(['a', 's1:w,t1,t3', 'b', 's2:x0']);
		expect(isSearchWinner(runs[2]!)).toBe(true);
		expect(isSearchWinner(runs[1]!)).toBe(false);
		expect(isSearchWinner(runs[0]!)).toBe(false);
	});
});
