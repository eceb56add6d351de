// The winner's curse, and what the search does about it. One validation split of a small table (70 rows of
// diabetes) is a noisy judge: after hundreds of trials the best single-split score is mostly the luckiest
// one (measured: validation R² 0.570, test 0.403). So, unless every trial is cross-validated already, the
// search ends by re-scoring its best few trials by k-fold cross-validation on the search rows (as
// scikit-learn's RandomizedSearchCV scores every candidate) and picks the winner among those by the folds'
// mean. The test rows stay out of it. With a time budget, the time to re-check is kept, and time the re-check leaves over goes to more trials.
import type { TrialRecord } from './search.ts';

/** Trials re-scored at the end. */
export const FINALISTS = 5;
/** Folds of the re-check: scikit-learn's default cv. */
export const RECHECK_FOLDS = 5;
/** The most of a time budget kept for the re-check: the search proper stops starting trials when what is
 * left would not re-check its finalists (their time × folds), up to this share. */
export const RECHECK_MAX_SHARE = 0.5;

/** About how long re-checking these trials takes on `workers`: each trains once per fold. */
export function recheckCost(trials: readonly TrialRecord[], folds: number, workers: number): number {
	const due = trials.filter((t) => t.recheck === undefined && t.recheckFailed === undefined);
	return (due.reduce((sum, t) => sum + t.durationMs, 0) * folds) / workers;
}

/** The time a search keeps for the re-check of what are its finalists now, out of `timeMs`. None while no
 * re-check would be made (recheckedNow): the trials have the time (a 30 s search on birdstrikes, two trials
 * of 5 s done, had stopped at 14 s to keep 15 s for a re-check it then did not make). */
export function recheckReserve(
	trials: readonly TrialRecord[],
	recheck: RecheckConfig,
	workers: number,
	timeMs: number
): number {
	const cost = recheckCost(recheckedNow(trials, recheck), recheck.folds, workers);
	return Math.min(cost, RECHECK_MAX_SHARE * timeMs);
}

/** The finalists a re-check made now would take: none while no more trials have finished than there are
 * finalists, since a re-check would then just be k-fold selection (the person can ask for it). */
export function recheckedNow(trials: readonly TrialRecord[], recheck: RecheckConfig): TrialRecord[] {
	const completed = trials.filter((t) => t.status === 'completed' && t.value !== null).length;
	return completed > recheck.finalists ? finalists(trials, recheck.finalists) : [];
}

/** The finalists (best first) whose re-check fits in `msLeft`: a time budget is kept, not overrun. */
export function affordable(
	chosen: readonly TrialRecord[],
	folds: number,
	workers: number,
	msLeft: number
): TrialRecord[] {
	const out: TrialRecord[] = [];
	for (const t of chosen) {
		if (recheckCost([...out, t], folds, workers) > msLeft) break;
		out.push(t);
	}
	return out;
}

export interface RecheckConfig {
	finalists: number;
	folds: number;
}

/** What a finalist's record keeps of its single-split score once `value` is the folds' mean. */
export interface Recheck {
	folds: number;
	splitValue: number;
	splitTiebreak?: number;
}

/** The re-check a search makes: none when every trial is cross-validated already (`folds`: the folds the
 * search selects on, selection.ts; absent or 0 for one split), or when the request turns it off
 * (`recheck: false`: the bench's raw trials per minute). */
export function searchRecheck(request: { folds?: number; recheck?: boolean }): RecheckConfig | undefined {
	return !request.folds && request.recheck !== false
		? { finalists: FINALISTS, folds: RECHECK_FOLDS }
		: undefined;
}

/** The single-split score a trial was proposed and ranked on (before any re-check). */
export function splitScore(t: TrialRecord): number {
	return t.recheck?.splitValue ?? t.value ?? -Infinity;
}

const key = (t: TrialRecord) =>
	JSON.stringify(Object.entries(t.params).sort(([a], [b]) => a.localeCompare(b)));

/**
 * The trials to re-check: the best `count` completed trials by their single-split score (then tiebreak,
 * then the earlier trial), one per distinct set of values (a TPE search often proposes the same values twice),
 * and the best linear trial when it is not among them.
 */
export function finalists(trials: readonly TrialRecord[], count: number): TrialRecord[] {
	const ranked = trials
		.filter((t) => t.status === 'completed' && t.value !== null)
		.sort(
			(a, b) =>
				splitScore(b) - splitScore(a) ||
				(b.recheck?.splitTiebreak ?? b.tiebreak ?? -Infinity) -
					(a.recheck?.splitTiebreak ?? a.tiebreak ?? -Infinity) ||
				a.trial - b.trial
		);
	const seen = new Set<string>();
	const out: TrialRecord[] = [];
	for (const t of ranked) {
		if (out.length >= count) break;
		if (seen.has(key(t))) continue;
		seen.add(key(t));
		out.push(t);
	}
	// The best linear trial is re-checked too, so the winner's rule (winner.ts) has a fold mean to hold the
	// networks' against; a linear model trains in a fraction of a network's time.
	const isLinear = (t: TrialRecord) => t.params.family === 'linear';
	const linear = ranked.find(isLinear);
	if (linear && !out.some(isLinear)) out.push(linear);
	return out;
}

/**
 * A finalist's record after its re-check: the folds' mean as its value, tiebreak and metrics (and epochs), its
 * single-split score kept in `recheck`. A re-check that did not finish (a fold diverged or failed, the time
 * ran out) leaves the scores as they were and says why in `recheckFailed`.
 */
export function rechecked(
	record: TrialRecord,
	outcome: Pick<
		TrialRecord,
		'status' | 'value' | 'tiebreak' | 'metrics' | 'foldValues' | 'durationMs' | 'epochs' | 'message'
	>,
	folds: number
): TrialRecord {
	if (outcome.status !== 'completed' || outcome.value === null)
		return { ...record, recheckFailed: outcome.message ?? `its ${folds}-fold re-check gave no score` };
	const { tiebreak: _old, ...rest } = record;
	return {
		...rest,
		value: outcome.value,
		...(outcome.tiebreak === undefined ? {} : { tiebreak: outcome.tiebreak }),
		metrics: outcome.metrics,
		...(outcome.foldValues ? { foldValues: outcome.foldValues } : {}),
		// The refit trains the folds' mean epochs, as the folds' mean chose it.
		...(outcome.epochs === undefined ? {} : { epochs: outcome.epochs }),
		durationMs: record.durationMs + outcome.durationMs,
		recheck: {
			folds,
			splitValue: record.recheck?.splitValue ?? record.value!,
			...((record.recheck?.splitTiebreak ?? record.tiebreak) === undefined
				? {}
				: { splitTiebreak: record.recheck?.splitTiebreak ?? record.tiebreak })
		}
	};
}
