// A categorical target whose smallest class is far smaller than its largest.
import type { TopValue } from '../profile/index.ts';
import { OTHER_LABEL } from '../profile/index.ts';
import { findingId, type CheckContext, type QualityCheck } from './check.ts';
import { count, percent } from './format.ts';
import { IMBALANCE_PROBLEM_RATIO, IMBALANCE_WARNING_RATIO } from './thresholds.ts';

/** Class counts, from the target summary or, for a profile made without a target, the column's top values. */
function classCounts({ profile, target }: CheckContext): TopValue[] | null {
	if (profile.target && profile.target.name === target) {
		if (profile.target.kind !== 'categorical' || !profile.target.classes) return null;
		return profile.target.classes.filter((c) => c.value !== OTHER_LABEL);
	}
	const column = profile.columns.find((c) => c.name === target);
	if (!column || !column.top || column.type === 'text' || column.top.length < column.unique) return null;
	return column.top;
}

export const checkClassImbalance: QualityCheck = (context) => {
	const classes = classCounts(context);
	if (!classes || classes.length < 2) return [];
	const largest = classes.reduce((a, b) => (b.count > a.count ? b : a));
	const smallest = classes.reduce((a, b) => (b.count < a.count ? b : a));
	const ratio = smallest.count / largest.count;
	if (ratio >= IMBALANCE_WARNING_RATIO) return [];
	const target = context.target!;
	return [
		{
			id: findingId('class-imbalance', [target]),
			kind: 'class-imbalance',
			severity: ratio < IMBALANCE_PROBLEM_RATIO ? 'problem' : 'warning',
			columns: [target],
			message: `The smallest class of ${target}, ${smallest.value}, has ${count(smallest.count)} rows: ${percent(ratio)} of the largest, ${largest.value}, with ${count(largest.count)}.`,
			why: 'A model can score well by favouring the big classes; use class weights, a stratified split and per-class metrics.'
		}
	];
};
