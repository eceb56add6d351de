// The validation gate of an experiment: thresholds a run's metrics must meet (test accuracy ≥ 0.9) and an
// optional champion rule (not worse than the current champion by more than a tolerance). Each check says
// in words whether it was met, with both numbers. Stored per experiment in the registry's settings; the
// Models stage promotes only runs that pass.
import * as v from 'valibot';
import { BenchtopError } from '../errors.ts';
import { isolated } from '../phrase.ts';
import type { Registry } from '../registry/registry.ts';
import type { RunRecord } from '../train/run-record.ts';
import type { Task } from '../models/types.ts';
import { COMPARED_SPLITS, metricDirection, metricValue } from './compare-runs.ts';

export const GATE_COMPARATORS = ['>=', '>', '<=', '<'] as const;
export type GateComparator = (typeof GATE_COMPARATORS)[number];

const METRIC_NAME = v.pipe(
	v.string('The metric must be a name like accuracy.'),
	v.trim(),
	v.nonEmpty('Name the metric the threshold is on (accuracy, r2, rmse...).')
);
const SPLIT = v.optional(
	v.picklist(
		COMPARED_SPLITS,
		(issue) => `The split must be validation or test (got ${String(issue.input)}).`
	),
	'test'
);

export const gateThresholdSchema = v.object({
	metric: METRIC_NAME,
	split: SPLIT,
	comparator: v.optional(
		v.picklist(
			GATE_COMPARATORS,
			(issue) => `The comparison must be one of ${GATE_COMPARATORS.join(' ')} (got ${String(issue.input)}).`
		),
		'>='
	),
	value: v.pipe(
		v.number('The threshold must be a number.'),
		v.finite('The threshold must be a finite number.')
	)
});

export const championRuleSchema = v.object({
	metric: METRIC_NAME,
	split: SPLIT,
	/** How much worse than the champion a run may be and still pass, in the metric's own units. */
	tolerance: v.optional(
		v.pipe(
			v.number('The tolerance must be a number.'),
			v.finite('The tolerance must be a finite number.'),
			v.minValue(0, (issue) => `The tolerance must be at least 0 (got ${issue.input}).`)
		),
		0.01
	),
	/** The run to compare against until the Models stage names a champion; a champion passed to
	 * evaluateGate takes its place. */
	runId: v.optional(v.string())
});

export const gateSchema = v.object({
	thresholds: v.optional(v.array(gateThresholdSchema), []),
	champion: v.optional(v.nullable(championRuleSchema), null)
});

export type GateThreshold = v.InferOutput<typeof gateThresholdSchema>;
export type ChampionRule = v.InferOutput<typeof championRuleSchema>;
export type Gate = v.InferOutput<typeof gateSchema>;
export type GateInput = v.InferInput<typeof gateSchema>;

/** An experiment starts with an open gate: every run passes until the person sets thresholds. */
export function defaultGate(): Gate {
	return { thresholds: [], champion: null };
}

/** What the "add threshold" button starts from: the task's headline metric on the test split. */
export function suggestedThreshold(task: Task): GateThreshold {
	switch (task) {
		case 'classification':
			return { metric: 'accuracy', split: 'test', comparator: '>=', value: 0.9 };
		case 'clustering':
			return { metric: 'silhouette', split: 'test', comparator: '>=', value: 0.25 };
		default:
			return { metric: 'r2', split: 'test', comparator: '>=', value: 0.5 };
	}
}

/** A gate from anywhere (storage, a file), checked, defaults filled; throws with the field named. */
export function parseGate(value: unknown): Gate {
	const parsed = v.safeParse(gateSchema, value);
	if (parsed.success) return parsed.output;
	const issue = parsed.issues[0];
	const path = v.getDotPath(issue);
	throw new BenchtopError('bad-input', path ? `Gate ${path}: ${issue.message}` : `Gate: ${issue.message}`);
}

/** The settings key an experiment's gate is stored under. */
export function gateKey(experimentId: string): string {
	return `gate:${experimentId}`;
}

/** The stored gate, or the default one when none was saved (or what was saved no longer parses). */
export async function loadGate(registry: Pick<Registry, 'getSetting'>, experimentId: string): Promise<Gate> {
	const stored = await registry.getSetting<unknown>(gateKey(experimentId));
	if (stored === undefined) return defaultGate();
	const parsed = v.safeParse(gateSchema, stored);
	return parsed.success ? parsed.output : defaultGate();
}

/** Checks the gate and stores it as plain data; returns what was stored. */
export async function saveGate(
	registry: Pick<Registry, 'setSetting'>,
	experimentId: string,
	gate: GateInput
): Promise<Gate> {
	const parsed = parseGate(gate);
	await registry.setSetting(gateKey(experimentId), structuredClone(parsed));
	return parsed;
}

/** What evaluateGate reads of a run: its id, name and stored metrics. */
export type GatedRun = Pick<RunRecord, 'id' | 'name' | 'metrics'>;

export interface GateCheck {
	kind: 'threshold' | 'champion';
	pass: boolean;
	/** One sentence with both numbers. */
	reason: string;
}

export interface GateResult {
	pass: boolean;
	/** One per check, in the gate's order, the champion rule last. */
	reasons: string[];
	checks: GateCheck[];
}

const COMPARATOR_TEXT: Record<GateComparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

function compare(value: number, comparator: GateComparator, threshold: number): boolean {
	switch (comparator) {
		case '>=':
			return value >= threshold;
		case '>':
			return value > threshold;
		case '<=':
			return value <= threshold;
		case '<':
			return value < threshold;
	}
}

/** Enough digits to tell 0.9667 from 0.97, no more. */
export function formatMetric(value: number): string {
	return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

function checkThreshold(threshold: GateThreshold, run: GatedRun): GateCheck {
	const label = `${threshold.split} ${isolated(threshold.metric)}`;
	const wanted = `${COMPARATOR_TEXT[threshold.comparator]} ${formatMetric(threshold.value)}`;
	const value = metricValue(run.metrics[threshold.split], threshold.metric);
	if (value === null) {
		return {
			kind: 'threshold',
			pass: false,
			reason: `${label}: no value on this run (needs ${wanted}) — not met.`
		};
	}
	const pass = compare(value, threshold.comparator, threshold.value);
	return {
		kind: 'threshold',
		pass,
		reason: `${label} ${formatMetric(value)} ${pass ? 'meets' : 'does not meet'} ${wanted}.`
	};
}

function checkChampion(rule: ChampionRule, run: GatedRun, champion: GatedRun | undefined): GateCheck {
	const label = `${rule.split} ${isolated(rule.metric)}`;
	if (!champion) {
		return {
			kind: 'champion',
			pass: true,
			reason: 'No champion yet: the champion rule has nothing to compare with.'
		};
	}
	if (champion.id === run.id) {
		return { kind: 'champion', pass: true, reason: 'This run is the champion.' };
	}
	const direction = metricDirection(rule.metric) ?? 'higher';
	const mine = metricValue(run.metrics[rule.split], rule.metric);
	const theirs = metricValue(champion.metrics[rule.split], rule.metric);
	if (theirs === null) {
		return {
			kind: 'champion',
			pass: true,
			reason: `The champion (${isolated(champion.name)}) has no ${label}: the champion rule has nothing to compare with.`
		};
	}
	if (mine === null) {
		return {
			kind: 'champion',
			pass: false,
			reason: `${label}: no value on this run to compare with the champion's ${formatMetric(theirs)} — not met.`
		};
	}
	// How much worse this run is, positive when worse, whichever way the metric improves.
	const worseBy = direction === 'higher' ? theirs - mine : mine - theirs;
	// A hair of float slack, so 0.95 vs 0.96 with tolerance 0.01 passes as a person expects.
	const pass = worseBy <= rule.tolerance + 1e-12;
	const relation =
		worseBy > 0
			? `${formatMetric(worseBy)} worse than`
			: worseBy < 0
				? `${formatMetric(-worseBy)} better than`
				: 'equal to';
	return {
		kind: 'champion',
		pass,
		reason: `${label} ${formatMetric(mine)} is ${relation} the champion's ${formatMetric(theirs)} (${isolated(champion.name)}); ${pass ? 'within' : 'beyond'} the tolerance of ${formatMetric(rule.tolerance)}.`
	};
}

/** The gate's verdict on a run. `champion` is the run to beat (the promoted model's run once the Models
 * stage exists); without one the champion rule passes and says why. */
export function evaluateGate(gate: Gate, run: GatedRun, champion?: GatedRun): GateResult {
	const checks = gate.thresholds.map((threshold) => checkThreshold(threshold, run));
	if (gate.champion) checks.push(checkChampion(gate.champion, run, champion));
	return {
		pass: checks.every((check) => check.pass),
		reasons:
			checks.length === 0 ? ['No thresholds set: every run passes.'] : checks.map((check) => check.reason),
		checks
	};
}

/** The champion the stored rule names, among `runs`. */
export function championFor<T extends { id: string }>(gate: Gate, runs: readonly T[]): T | undefined {
	const id = gate.champion?.runId;
	return id === undefined ? undefined : runs.find((run) => run.id === id);
}
