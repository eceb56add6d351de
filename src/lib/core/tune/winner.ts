// Which trial a search keeps. The best validation score wins, but when the search tried the linear model too
// and its best network does not beat the best linear trial by enough to tell from noise, the linear model is
// kept: `--model auto`'s rule (train/choose-model.ts), for the same reason. Measured on diabetes: the
// networks that won five 2-minute searches by 5-fold scores 0.02-0.03 above the linear model's scored
// 0.436-0.458 test R² on average over ten fresh outer splits, the linear model 0.465 (scikit-learn's
// RandomizedSearchCV winners 0.445-0.454): after hundreds of trials the top of a small table's ranking is
// mostly the luck of its folds. Where a network is really better (Friedman: 0.94 against 0.75) it removes
// far more than the rule asks.
import { networkEdge } from '../train/choose-model.ts';
import { bestTrial, type TrialRecord } from './search.ts';
import { SELECTION_LABELS, type SelectionMetric } from './selection.ts';

export interface SearchWinner {
	/** The trial whose values the final run trains; null when no trial completed. */
	winner: TrialRecord | null;
	/** Set when the linear trial is kept over a network ranked above it: why, in a sentence. */
	reason?: string;
}

/** The best linear trial among those the winner is picked from (bestTrial's pool). */
function bestLinear(trials: readonly TrialRecord[]): TrialRecord | null {
	const linear = trials.filter((t) => t.params.family === 'linear');
	const top = bestTrial(linear);
	// bestTrial picks among re-checked trials once there are any: a linear trial that was not re-checked
	// has a single-split score, which does not compare with the finalists' fold means.
	const rechecked = trials.some((t) => t.recheck !== undefined);
	return top && (!rechecked || top.recheck !== undefined) ? top : null;
}

/** The search's winner under the rule above (`metric`: what the trials' values are). */
export function searchWinner(trials: readonly TrialRecord[], metric: SelectionMetric): SearchWinner {
	const top = bestTrial(trials);
	if (top === null || top.params.family === 'linear') return { winner: top };
	const linear = bestLinear(trials);
	if (linear === null) return { winner: top };
	// Macro F1 is a proportion like accuracy: the same margin tells a tie.
	const why = networkEdge(linear.value!, top.value!, metric === 'r2' ? 'r2' : 'accuracy');
	if (why === null) return { winner: top };
	const name = SELECTION_LABELS[metric];
	return {
		winner: linear,
		reason: `Kept the linear model (trial ${linear.trial}, validation ${name} ${linear.value!.toFixed(4)}) over the best network (trial ${top.trial}, ${top.value!.toFixed(4)}): ${why}.`
	};
}
