// The leaderboard's baseline row: what a model that learned nothing scores on the trials' validation rows
// (the training rows' majority class, or their mean), so a search's winner is always seen against it, on
// the score the search selects on (accuracy or macro F1, R²).
import { splitRows } from '../prep/split/index.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { readLabels, readNumbers } from '../table/read-column.ts';
import type { TuneSetup } from './run-trial.ts';

export interface BaselineRow {
	/** The search's score (accuracy or macro F1; R² for a regression) of the baseline on the validation rows. */
	value: number;
	/** What the baseline answers, in words. */
	label: string;
}

/** The baseline on the rows trials are compared on: the trial split's validation rows, or with k-fold
 * selection each fold's held-out rows (the mean over the folds, as a trial's score is). */
export function baselineRow(search: PrepTable, setup: TuneSetup): BaselineRow {
	if (!setup.folds) return baselineOn(search, setup, splitRows(search, setup.trialSplit));
	const rows = setup.folds.map((fold) => baselineOn(search, setup, fold));
	return {
		value: rows.reduce((sum, row) => sum + row.value, 0) / rows.length,
		label: `${rows[0]!.label}, over ${rows.length} folds`
	};
}

function baselineOn(
	search: PrepTable,
	setup: TuneSetup,
	split: { train: ArrayLike<number> & Iterable<number>; validation: ArrayLike<number> & Iterable<number> }
): BaselineRow {
	const target = setup.targets[0]!;
	if (setup.task === 'classification') {
		const labels = readLabels(search.table, target);
		const counts = new Map<string, number>();
		for (const i of split.train) {
			const label = labels[i];
			if (label !== null && label !== undefined) counts.set(label, (counts.get(label) ?? 0) + 1);
		}
		// The most frequent training class; ties go to the first in sorted order, so the row is stable.
		const majority = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
		let right = 0;
		let scored = 0;
		const classes = new Set<string>([majority]);
		for (const i of split.validation) {
			const label = labels[i];
			if (label === null || label === undefined) continue;
			scored++;
			classes.add(label);
			if (label === majority) right++;
		}
		const label = `always “${majority}”`;
		if (!scored) return { value: 0, label };
		// Macro F1 of one answer: the majority class's F1, 2·right / (rows + right), the other classes' 0,
		// averaged over the classes the validation rows or the answer hold (f1_score's labels).
		if (setup.metric === 'f1_macro') return { value: (2 * right) / (scored + right) / classes.size, label };
		return { value: right / scored, label };
	}
	const values = readNumbers(search.table, target);
	let sum = 0;
	let n = 0;
	for (const i of split.train)
		if (Number.isFinite(values[i])) {
			sum += values[i]!;
			n++;
		}
	const mean = n ? sum / n : 0;
	let residual = 0;
	let total = 0;
	let m = 0;
	let vsum = 0;
	const valid = [...split.validation].filter((i) => Number.isFinite(values[i]));
	for (const i of valid) vsum += values[i]!;
	const vmean = valid.length ? vsum / valid.length : 0;
	for (const i of valid) {
		residual += (values[i]! - mean) ** 2;
		total += (values[i]! - vmean) ** 2;
		m++;
	}
	return {
		value: m && total > 0 ? 1 - residual / total : 0,
		label: `always the training mean (${Number(mean.toPrecision(4))})`
	};
}
