// Which trials keep their run: the best KEPT_TRIAL_RUNS completed ones, a better trial pushing the worst out.
import { describe, expect, it } from 'vitest';
import type { TrialRecord } from '../../../../src/lib/core/tune/search.ts';
import { admitTrial, KEPT_TRIAL_RUNS } from '../../../../src/lib/core/tune/trial-runs.ts';

const trial = (
	n: number,
	value: number | null,
	status: TrialRecord['status'] = 'completed'
): TrialRecord => ({
	trial: n,
	params: {},
	status,
	value,
	metrics: {},
	curve: [],
	durationMs: 1
});

/** Offers the trials in order, as a search finishes them; returns the trial numbers kept at the end. */
function keepAll(trials: TrialRecord[], limit?: number): number[] {
	let kept: TrialRecord[] = [];
	for (const t of trials) {
		const { keep, evict } = admitTrial(kept, t, limit);
		kept = kept.filter((k) => !evict.includes(k));
		if (keep) kept.push(t);
	}
	return kept.map((t) => t.trial).sort((a, b) => a - b);
}

describe('admitTrial', () => {
	it('keeps every completed trial until the limit, then only those better than the worst kept', () => {
		const kept = [trial(0, 0.5), trial(1, 0.7)];
		expect(admitTrial(kept, trial(2, 0.6), 3)).toEqual({ keep: true, evict: [] });
		expect(admitTrial(kept, trial(2, 0.6), 2)).toEqual({ keep: true, evict: [kept[0]] });
		expect(admitTrial(kept, trial(2, 0.4), 2)).toEqual({ keep: false, evict: [] });
		// A tie keeps the earlier trial (bestTrial's order).
		expect(admitTrial(kept, trial(2, 0.5), 2)).toEqual({ keep: false, evict: [] });
	});

	it('never keeps a pruned or failed trial', () => {
		expect(admitTrial([], trial(0, 0.9, 'pruned')).keep).toBe(false);
		expect(admitTrial([], trial(0, null, 'failed')).keep).toBe(false);
	});

	it('leaves the best ten of a 200-trial search, whatever order they finish in', () => {
		const values = Array.from({ length: 200 }, (_, i) => ((i * 7919) % 200) / 200);
		const trials = values.map((v, i) => trial(i, v));
		const best = [...trials]
			.sort((a, b) => b.value! - a.value!)
			.slice(0, KEPT_TRIAL_RUNS)
			.map((t) => t.trial)
			.sort((a, b) => a - b);
		expect(keepAll(trials)).toEqual(best);
		expect(keepAll([...trials].reverse())).toEqual(best);
	});
});
