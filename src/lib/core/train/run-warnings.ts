// What a run record says when something about the run deserves a person's attention: a model no better
// than guessing, a diverged loss, features a network cannot read well, a feature that mirrors the target.
// Each warning names what was checked for this run and what to try, in words. Plain JSON: it is stored
// with the run, shown on the pages and printed by `benchtop train` (`"warnings"` in --json, stderr else).

export type RunWarningKind =
	/** The validation (or test) metric does not beat the baseline (majority class / training mean) clearly. */
	| 'no-better-than-baseline'
	/** The loss became NaN or infinite; the run kept its last good weights. */
	| 'diverged'
	/** A prepared training feature sits far from mean 0 and spread 1. */
	| 'feature-scale'
	/** Some or every feature takes a single value on the training rows. */
	| 'constant-features'
	/** A feature nearly equals the target on the training rows. */
	| 'target-leak'
	/** Which model `--model auto` kept and why (severity 'info'). */
	| 'model-choice';

export interface BaselineComparison {
	/** scikit-learn's name: accuracy or r2. */
	metric: 'accuracy' | 'r2';
	split: 'validation' | 'test';
	model: number;
	baseline: number;
	/** What the model had to reach to count as clearly better. */
	needed: number;
}

export interface RunWarning {
	kind: RunWarningKind;
	severity: 'warning' | 'info';
	/** One sentence for a run card or a list. */
	message: string;
	/** The likely causes checked for this run, one sentence each (may be empty). */
	causes: string[];
	/** What to try, one sentence each (may be empty). */
	tryThis: string[];
	/** The columns concerned, when there are any. */
	columns?: string[];
	comparison?: BaselineComparison;
}

/** A warning as plain lines, for a terminal: the message, then each cause and suggestion indented. */
export function warningLines(warning: RunWarning): string[] {
	return [
		`${warning.severity}: ${warning.message}`,
		...warning.causes.map((cause) => `  because: ${cause}`),
		...warning.tryThis.map((step) => `  try: ${step}`)
	];
}

/** The figure as people read it: three significant digits at most. */
export function figure(value: number): string {
	return Number.isFinite(value) ? String(Number(value.toPrecision(3))) : String(value);
}
