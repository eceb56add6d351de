// Which searched fields went with better scores: for each numeric field the Spearman rank correlation
// between its value and the validation score over the finished trials, for each choice the spread of the
// mean score ranks between its options (a rank-based η, 0 to 1). A simple, honest measure: it sees one
// field at a time, unlike fANOVA, and says nothing until a handful of trials have finished.
import type { TopLevelSpec } from 'vega-lite';
import type { TrialRecord } from '../tune/search.ts';
import { SEARCH_FIELDS, type SearchField } from '../tune/space.ts';
import { baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

/** Fewer finished trials than this say nothing about importance. */
export const MIN_TRIALS = 5;

export interface FieldImportance {
	field: SearchField;
	label: string;
	/** |ρ| for numbers, η for choices: 0 (no relation) to 1. */
	importance: number;
	/** Numbers: the sign of ρ (higher values scored better when positive). */
	direction?: 'higher' | 'lower';
	kind: 'rank correlation' | 'rank spread';
}

/** Average ranks (ties share their mean rank), from 1. */
export function ranks(values: readonly number[]): number[] {
	const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
	const out = new Array<number>(values.length);
	for (let i = 0; i < order.length;) {
		let j = i;
		while (j + 1 < order.length && values[order[j + 1]!] === values[order[i]!]) j++;
		for (let k = i; k <= j; k++) out[order[k]!] = (i + j) / 2 + 1;
		i = j + 1;
	}
	return out;
}

/** Spearman's ρ: Pearson's correlation of the ranks; 0 when either side is constant. */
export function spearman(x: readonly number[], y: readonly number[]): number {
	const rx = ranks(x);
	const ry = ranks(y);
	const n = x.length;
	const mx = rx.reduce((a, b) => a + b, 0) / n;
	const my = ry.reduce((a, b) => a + b, 0) / n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		sxy += (rx[i]! - mx) * (ry[i]! - my);
		sxx += (rx[i]! - mx) ** 2;
		syy += (ry[i]! - my) ** 2;
	}
	return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/** η of the score ranks grouped by option: the share of the ranks' variance between the options. */
function rankSpread(options: readonly (string | number)[], scores: readonly number[]): number {
	const r = ranks(scores);
	const mean = r.reduce((a, b) => a + b, 0) / r.length;
	const groups = new Map<string | number, number[]>();
	options.forEach((o, i) => groups.set(o, [...(groups.get(o) ?? []), r[i]!]));
	let between = 0;
	for (const members of groups.values()) {
		const m = members.reduce((a, b) => a + b, 0) / members.length;
		between += members.length * (m - mean) ** 2;
	}
	const total = r.reduce((a, b) => a + (b - mean) ** 2, 0);
	return total === 0 ? 0 : Math.sqrt(between / total);
}

/** Each field's importance over the trials that finished with a score; empty below MIN_TRIALS. */
export function fieldImportance(trials: readonly TrialRecord[]): FieldImportance[] {
	const scored = trials.filter((t) => t.value !== null && Number.isFinite(t.value) && t.status !== 'failed');
	if (scored.length < MIN_TRIALS) return [];
	const scores = scored.map((t) => t.value!);
	const fields = new Set(scored.flatMap((t) => Object.keys(t.params))) as Set<SearchField>;
	const out: FieldImportance[] = [];
	for (const field of fields) {
		const values = scored.map((t) => t.params[field]);
		if (values.some((v) => v === undefined)) continue;
		const label = SEARCH_FIELDS[field]?.label ?? field;
		if (values.every((v) => typeof v === 'number') && SEARCH_FIELDS[field]?.kind === 'number') {
			const rho = spearman(values as number[], scores);
			out.push({
				field,
				label,
				importance: Math.abs(rho),
				direction: rho >= 0 ? 'higher' : 'lower',
				kind: 'rank correlation'
			});
		} else
			out.push({
				field,
				label,
				importance: rankSpread(values as (string | number)[], scores),
				kind: 'rank spread'
			});
	}
	return out.sort((a, b) => b.importance - a.importance);
}

export function tuneImportanceSpec(trials: readonly TrialRecord[], options: ChartOptions = {}): TopLevelSpec {
	const values = fieldImportance(trials).map((f) => ({
		...f,
		note: f.direction ? `${f.kind}: ${f.direction} values scored better` : f.kind
	}));
	return {
		...baseSpec(options),
		...CONTAINER_WIDTH,
		height: { step: 18 },
		data: { values },
		mark: { type: 'bar', tooltip: true },
		encoding: {
			y: { field: 'label', type: 'nominal', sort: '-x', title: null },
			x: {
				field: 'importance',
				type: 'quantitative',
				title: 'Rank correlation with the score (|ρ| or η)',
				scale: { domain: [0, 1] }
			},
			tooltip: [
				{ field: 'label', title: 'Field' },
				{ field: 'importance', format: '.2f' },
				{ field: 'note', title: 'Measure' }
			]
		}
	} as TopLevelSpec;
}
