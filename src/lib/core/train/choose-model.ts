// `--model auto`'s rule (core/tune/auto-model.ts trains the candidates): of the linear model and a network
// trained with the same split, seed and recipe, keep the one that scores better on the validation rows,
// saying which and why. On small tables a regularised linear model is often as good as a network or better,
// so ties and thin gains keep the linear model.
import { requireFamily } from '../models/families.ts';
import type { ModelFamily } from '../models/types.ts';
import type { TrainingOutcome } from './run-training.ts';
import { figure, type RunWarning } from './run-warnings.ts';

/** Within this much, the two models tie and the simpler (linear) one is kept. */
export const TIE_MARGIN = 0.005;
/**
 * For a regression the network must remove at least this share of the error (1 − R²) the linear model
 * leaves on the validation rows. On diabetes' 35 held-back rows the network led by 0.02 to 0.15 in R² on
 * four splits of five and was worse on the test rows each time; where it really is better (cars, gapminder,
 * macrodata) it removes half the linear model's error or more.
 */
export const REGRESSION_GAIN = 0.25;

function removesEnoughError(linear: number, network: number): boolean {
	return 1 - network <= (1 - REGRESSION_GAIN) * (1 - linear);
}
/** Fewer validation rows than this cannot tell two models apart (on linnerud's 2 held-out rows the
 * network "won" and then scored R² −3.6 on the test rows, where a linear model stays near −0.6): the
 * linear model, which overfits a small table least, is kept. */
export const MIN_COMPARISON_ROWS = 20;
/** Below MIN_COMPARISON_ROWS the network is kept only when it wins by this much, on at least this many rows. */
export const CLEAR_WIN = 0.1;
export const MIN_CLEAR_WIN_ROWS = 10;

export interface ModelCandidate {
	family: ModelFamily;
	/** accuracy or r2 on the validation rows (the kept epoch's), null when there were none to score. */
	validation: number | null;
	/** Rows that figure was measured on. */
	rows: number;
}

/** One MLP `benchtop train --model auto`'s small search tried (core/tune/auto-model.ts). */
export interface NetworkTrial {
	/** 1 is the default MLP. */
	network: number;
	/** Its layers and learning rate, in words. */
	detail: string;
	validation: number | null;
	/** Stopped early by successive halving. */
	pruned: boolean;
}

export interface ModelChoice {
	kept: ModelFamily;
	metric: 'accuracy' | 'r2';
	candidates: ModelCandidate[];
	reason: string;
	/** Set when the network candidate was the best of a few MLPs (core/tune/auto-model.ts). */
	networks?: NetworkTrial[];
}

/** The kept epoch's validation figure: the rows the loop watched (the split's validation rows, or the share
 * it held back from the training rows), the same rows for both models since the seed is the same. */
export function validationFigure(outcome: TrainingOutcome): ModelCandidate {
	const { run } = outcome;
	const metricName = run.task === 'classification' ? 'accuracy' : 'r2';
	const scored = run.metrics.validation;
	if (scored && typeof scored[metricName] === 'number')
		return { family: run.spec.family, validation: scored[metricName] as number, rows: run.rows.validation };
	const best = run.history.find((h) => h.epoch === run.bestEpoch);
	const rows = Math.round(run.rows.train * run.settings.validationFraction);
	return {
		family: run.spec.family,
		validation: best?.valMetric !== undefined && Number.isFinite(best.valMetric) ? best.valMetric : null,
		rows
	};
}

/**
 * Whether a network's validation figure beats the linear model's by enough to keep the network: null when
 * it does, else why the linear model is kept (a clause). The tuning search applies the same rule to its best
 * network and best linear trial (core/tune/winner.ts).
 */
export function networkEdge(linear: number, network: number, metric: 'accuracy' | 'r2'): string | null {
	const ahead = network > linear + TIE_MARGIN;
	if (ahead && (metric !== 'r2' || removesEnoughError(linear, network))) return null;
	if (ahead)
		return `the network removes less than ${Math.round(REGRESSION_GAIN * 100)}% of the error the linear model leaves, a gain too small to tell from the noise of the validation rows`;
	return network > linear
		? `the two tie within ${TIE_MARGIN}, and the simpler model generalises more reliably`
		: 'it scores as well or better, and is simpler';
}

/** Which of two candidates to keep, and the sentence that says why. */
export function pickModel(
	linear: ModelCandidate,
	network: ModelCandidate,
	metric: 'accuracy' | 'r2'
): ModelChoice {
	const name = metric === 'accuracy' ? 'accuracy' : 'R²';
	const label = (c: ModelCandidate) => requireFamily(c.family).label.toLowerCase();
	const candidates = [linear, network];
	if (linear.validation === null || network.validation === null) {
		const kept = network.validation === null && linear.validation !== null ? linear : network;
		return {
			kept: kept.family,
			metric,
			candidates,
			reason: `Kept the ${label(kept)}: there were no validation rows to compare the two models on.`
		};
	}
	// A few rows are too noisy to pick the network on a small edge, but a wide one (macrodata's 16 rows:
	// R² 0.85 against 0.52) is no accident; below a handful of rows (linnerud's 2) nothing can be told.
	const clearWin = network.rows >= MIN_CLEAR_WIN_ROWS && network.validation > linear.validation + CLEAR_WIN;
	if (network.rows < MIN_COMPARISON_ROWS && !clearWin)
		return {
			kept: linear.family,
			metric,
			candidates,
			reason: `Trained the linear model and a neural network; kept the ${label(linear)}: only ${network.rows} validation row${network.rows === 1 ? '' : 's'} (validation ${name} ${figure(linear.validation)} against ${figure(network.validation)}), too few to tell the two apart, and on a table this small the simpler model overfits least.`
		};
	const edge = networkEdge(linear.validation, network.validation, metric);
	const networkWins = edge === null;
	const [kept, other] = networkWins ? [network, linear] : [linear, network];
	const why = edge ?? 'it scores better';
	return {
		kept: kept.family,
		metric,
		candidates,
		reason: `Trained the linear model and a neural network; kept the ${label(kept)}: validation ${name} ${figure(kept.validation!)} against ${figure(other.validation!)} on ${kept.rows} rows held out from training (${why}).`
	};
}

/**
 * The outcome `choice` kept (the other's model disposed), its run carrying the choice, a 'model-choice'
 * info warning saying why, and the time every candidate took (that is what `auto` cost).
 */
export function keepChosen(
	linear: TrainingOutcome,
	network: TrainingOutcome,
	choice: ModelChoice,
	durationMs: number
): TrainingOutcome {
	const [kept, dropped] = choice.kept === 'linear' ? [linear, network] : [network, linear];
	dropped.model?.dispose();
	const info: RunWarning = {
		kind: 'model-choice',
		severity: 'info',
		message: choice.reason,
		causes: [],
		tryThis: []
	};
	return {
		...kept,
		run: {
			...kept.run,
			modelChoice: choice,
			warnings: [...(kept.run.warnings ?? []), info],
			durationMs
		}
	};
}
