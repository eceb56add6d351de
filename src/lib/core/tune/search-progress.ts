// What the Search panel's progress bar and line say while a search runs: how much of its budget is spent
// (trials done of the trials asked for, seconds of the time asked for: the larger share, since either ends
// it) and what it is doing. Its finalists' re-check and the winner's final run come after the trials and
// would otherwise look like a hang on a full bar.
import type { SearchBudget } from './search.ts';

/** Trials; the finalists' re-check by k-fold cross-validation; the winner trained on every search row. */
export type SearchPhase =
	{ doing: 'trials' } | { doing: 'recheck'; trials: number; folds: number } | { doing: 'final' };

export interface SearchProgress {
	/** Share of the budget spent, 0 to 1. */
	fraction: number;
	text: string;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/** The budget's spent share and a line such as "20 of 20 trials finished · 23 of 60 s; checking the best 5
 * trials again by 5-fold cross-validation". */
export function searchProgress(
	budget: SearchBudget,
	trialsDone: number,
	elapsedMs: number,
	phase: SearchPhase
): SearchProgress {
	const shares: number[] = [];
	let text =
		budget.trials === undefined
			? `${trialsDone} trial${trialsDone === 1 ? '' : 's'} finished`
			: `${trialsDone} of ${budget.trials} trials finished`;
	if (budget.trials !== undefined) shares.push(budget.trials > 0 ? trialsDone / budget.trials : 1);
	if (budget.timeMs !== undefined) {
		shares.push(budget.timeMs > 0 ? elapsedMs / budget.timeMs : 1);
		text += ` · ${seconds(elapsedMs)} of ${seconds(budget.timeMs)} s`;
	}
	if (phase.doing === 'recheck')
		text += `; checking the best ${phase.trials === 1 ? 'trial' : `${phase.trials} trials`} again by ${phase.folds}-fold cross-validation`;
	if (phase.doing === 'final')
		text += '; training the winner on every search row, then scoring the test rows once';
	const spent = Math.min(1, Math.max(0, ...shares));
	return { fraction: phase.doing === 'final' ? 1 : spent, text };
}
