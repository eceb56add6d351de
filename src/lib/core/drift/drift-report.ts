// New rows against a model's training profile, feature by feature, and the model's predictions on them
// against its predictions on the test split: each gets the PSI, a test (KS for numbers, chi-square for
// categories), new categories and the missing-rate change, a level against DRIFT_THRESHOLDS, the bins to
// draw, and reasons in plain words.
import { isolated } from '../phrase.ts';
import type { PrepTable } from '../table/prep-table.ts';
import {
	chiSquareTwoRows,
	binCounts,
	ksTwoSample,
	populationStabilityIndex,
	quantileSorted
} from './statistics.ts';
import { DRIFT_THRESHOLDS, type DriftLevel } from './thresholds.ts';
import {
	categoryOf,
	presentNumbers,
	type CategoryProfile,
	type FeatureKind,
	type FeatureProfile,
	type NumberProfile,
	type TrainingProfile
} from './training-profile.ts';

/** One bar pair of a drift chart: a bin's share of the present values on each side. */
export interface DriftBin {
	label: string;
	training: number;
	current: number;
}

export interface FeatureDrift {
	name: string;
	kind: FeatureKind;
	/** NaN when one side has no present values. */
	psi: number;
	/** Numbers: the KS statistic D and its p-value. */
	ks?: number;
	/** Categories: the chi-square statistic, degrees of freedom and p-value. */
	chiSquare?: number;
	degreesOfFreedom?: number;
	pValue?: number;
	/** Values never seen in training, most common first (categories). */
	newCategories: { value: string; count: number }[];
	/** Share of present rows with such a value. */
	newShare: number;
	missingRate: { training: number; current: number };
	/** Numbers: the medians (training's from its sample). */
	median?: { training: number; current: number };
	level: DriftLevel;
	drifted: boolean;
	/** Why it is flagged, in plain words (empty when stable). */
	reasons: string[];
	bins: DriftBin[];
}

export interface DriftReport {
	rows: number;
	trainingRows: number;
	features: FeatureDrift[];
	/** Columns of the profile the data lacks (each counts as drifted). */
	absent: string[];
	predictions?: FeatureDrift;
	/** Drifted features (absent ones included). */
	drifted: number;
}

const percent = (x: number) => `${(x * 100).toFixed(x > 0 && x < 0.01 ? 2 : 1)}%`;
const short = (x: number) => Number(x.toPrecision(4)).toString();
// A category value quoted in a reason, isolated (phrase.ts): the reason is shown as one string.
const quote = (s: string) => `“${isolated(s.length > 40 ? `${s.slice(0, 39)}…` : s)}”`;

function levelOf(
	drift: Omit<FeatureDrift, 'level' | 'drifted' | 'reasons'>,
	reference: string
): {
	level: DriftLevel;
	reasons: string[];
} {
	const t = DRIFT_THRESHOLDS;
	const reasons: string[] = [];
	let level: DriftLevel = 'stable';
	const raise = (to: DriftLevel) => {
		if (to === 'drifted' || level === 'stable') level = to;
	};
	const significant = drift.pValue !== undefined && drift.pValue < t.pValue;
	const test = drift.kind === 'number' ? 'Kolmogorov–Smirnov' : 'chi-square';
	const pText =
		drift.pValue === undefined
			? ''
			: ` (${test} p ${drift.pValue < 1e-4 ? '< 0.0001' : `= ${short(drift.pValue)}`})`;
	// Without a test (one category on both sides) the PSI decides alone.
	if (drift.psi > t.psiDrifted && (significant || drift.pValue === undefined)) raise('drifted');
	else if (drift.psi > t.psiModerate || significant) raise('moderate');
	if (level !== 'stable') {
		const how =
			drift.kind === 'number' && drift.median
				? `values moved: the median was ${short(drift.median.training)} in ${reference} and is ${short(drift.median.current)} here`
				: `shares changed: ${biggestShift(drift.bins, reference)}`;
		reasons.push(`${how}; PSI ${short(drift.psi)}${pText}`);
	}
	if (drift.newCategories.length) {
		raise(drift.newShare > t.newCategoryShare ? 'drifted' : 'moderate');
		const listed = drift.newCategories.slice(0, 3).map((c) => quote(c.value));
		const more = drift.newCategories.length > 3 ? ` and ${drift.newCategories.length - 3} more` : '';
		reasons.push(
			`${drift.newCategories.length} value${drift.newCategories.length === 1 ? '' : 's'} never seen in ${reference} (${listed.join(', ')}${more}) on ${percent(drift.newShare)} of rows`
		);
	}
	const change = drift.missingRate.current - drift.missingRate.training;
	if (Math.abs(change) > t.missingModerate) {
		raise(Math.abs(change) > t.missingChange ? 'drifted' : 'moderate');
		reasons.push(
			`missing in ${percent(drift.missingRate.current)} of rows, against ${percent(drift.missingRate.training)} in ${reference}`
		);
	}
	return { level, reasons };
}

function biggestShift(bins: readonly DriftBin[], reference: string): string {
	let best: DriftBin | undefined;
	for (const bin of bins)
		if (!best || Math.abs(bin.current - bin.training) > Math.abs(best.current - best.training)) best = bin;
	if (!best) return 'no values';
	return `${quote(best.label)} was ${percent(best.training)} in ${reference} and is ${percent(best.current)} here`;
}

/** What the reasons call the profiled side: the training rows, or the test split for the predictions. */
export type DriftReference = 'training' | 'the test split';

function finish(
	drift: Omit<FeatureDrift, 'level' | 'drifted' | 'reasons'>,
	reference: DriftReference
): FeatureDrift {
	const { level, reasons } = levelOf(drift, reference);
	return { ...drift, level, drifted: level === 'drifted', reasons };
}

const shares = (counts: readonly number[]) => {
	const total = counts.reduce((a, b) => a + b, 0);
	return counts.map((c) => (total ? c / total : 0));
};

function binLabels(edges: readonly number[]): string[] {
	if (edges.length === 0) return ['all values'];
	return [
		`≤ ${short(edges[0]!)}`,
		...edges.slice(1).map((edge, i) => `${short(edges[i]!)}–${short(edge)}`),
		`> ${short(edges[edges.length - 1]!)}`
	];
}

/** A number column's present values against its training profile. */
export function compareNumbers(
	profile: NumberProfile,
	values: Iterable<unknown>,
	reference: DriftReference = 'training'
): FeatureDrift {
	const { sorted, missing } = presentNumbers(values);
	const rows = sorted.length + missing;
	const current = binCounts(profile.edges, sorted);
	const present = profile.rows - profile.missing;
	const psi = present && sorted.length ? populationStabilityIndex(profile.counts, current) : NaN;
	const ks =
		profile.sample.length && sorted.length
			? ksTwoSample(profile.sample, sorted, present, sorted.length)
			: undefined;
	const trainingShares = shares(profile.counts);
	const currentShares = shares(current);
	return finish(
		{
			name: profile.name,
			kind: 'number',
			psi,
			...(ks ? { ks: ks.statistic, pValue: ks.pValue } : {}),
			newCategories: [],
			newShare: 0,
			missingRate: {
				training: profile.rows ? profile.missing / profile.rows : 0,
				current: rows ? missing / rows : 0
			},
			...(profile.sample.length && sorted.length
				? { median: { training: quantileSorted(profile.sample, 0.5), current: quantileSorted(sorted, 0.5) } }
				: {}),
			bins: binLabels(profile.edges).map((label, i) => ({
				label,
				training: trainingShares[i]!,
				current: currentShares[i]!
			}))
		},
		reference
	);
}

/** Label of the bin for categories not among the training profile's. */
export const UNSEEN_BIN = '(not in training)';

/** A category column's present values against its training profile. */
export function compareCategories(
	profile: CategoryProfile,
	values: Iterable<unknown>,
	reference: DriftReference = 'training'
): FeatureDrift {
	const seen = new Map<string, number>();
	let rows = 0;
	let missing = 0;
	for (const value of values) {
		rows++;
		const text = categoryOf(value);
		if (text === null) missing++;
		else seen.set(text, (seen.get(text) ?? 0) + 1);
	}
	const known = Object.keys(profile.counts);
	const newCategories = [...seen]
		.filter(([value]) => !(value in profile.counts))
		.map(([value, count]) => ({ value, count }))
		.sort((a, b) => b.count - a.count);
	const unseen = newCategories.reduce((s, c) => s + c.count, 0);
	// Bins: the training categories, then one for everything else (the training `other` and the new values;
	// a value in the training `other` is counted as unseen here, which can only overstate, never hide, drift).
	const trainingCounts = [...known.map((k) => profile.counts[k]!), profile.other];
	const currentCounts = [...known.map((k) => seen.get(k) ?? 0), unseen];
	const present = rows - missing;
	const trainingPresent = profile.rows - profile.missing;
	const psi = present && trainingPresent ? populationStabilityIndex(trainingCounts, currentCounts) : NaN;
	const chi = present && trainingPresent ? chiSquareTwoRows(trainingCounts, currentCounts) : undefined;
	const trainingShares = shares(trainingCounts);
	const currentShares = shares(currentCounts);
	const bins = [...known, UNSEEN_BIN]
		.map((label, i) => ({ label, training: trainingShares[i]!, current: currentShares[i]! }))
		.filter((bin) => bin.label !== UNSEEN_BIN || bin.training > 0 || bin.current > 0);
	return finish(
		{
			name: profile.name,
			kind: 'category',
			psi,
			...(chi && chi.degreesOfFreedom > 0
				? { chiSquare: chi.statistic, degreesOfFreedom: chi.degreesOfFreedom, pValue: chi.pValue }
				: {}),
			newCategories,
			newShare: present ? unseen / present : 0,
			missingRate: {
				training: profile.rows ? profile.missing / profile.rows : 0,
				current: rows ? missing / rows : 0
			},
			bins
		},
		reference
	);
}

export function compareFeature(
	profile: FeatureProfile,
	values: Iterable<unknown>,
	reference: DriftReference = 'training'
): FeatureDrift {
	return profile.kind === 'number'
		? compareNumbers(profile, values, reference)
		: compareCategories(profile, values, reference);
}

/**
 * The drift report of `input` against `profile`: every profiled column the data has, and the predictions
 * when both the profile and the caller have them (`predictions`: the model's outputs on `input`'s rows, the
 * same kind as the profile's).
 */
export function driftReport(
	profile: TrainingProfile,
	input: PrepTable,
	predictions?: Iterable<unknown>
): DriftReport {
	const names = new Set(input.schema.map((c) => c.name));
	const absent = profile.features.filter((f) => !names.has(f.name)).map((f) => f.name);
	const features = profile.features
		.filter((f) => names.has(f.name))
		.map((f) => compareFeature(f, input.table.array(f.name) as Iterable<unknown>));
	const predicted =
		profile.predictions && predictions
			? compareFeature(profile.predictions, predictions, 'the test split')
			: undefined;
	return {
		rows: input.table.numRows(),
		trainingRows: profile.rows,
		features,
		absent,
		...(predicted ? { predictions: predicted } : {}),
		drifted: features.filter((f) => f.drifted).length + absent.length
	};
}
