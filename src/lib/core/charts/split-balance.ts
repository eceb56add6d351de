// The class balance of each split: one stacked 0–100% bar per split, so a person sees at a glance whether
// train, validation and test hold the classes in the same proportions.
import type { TopLevelSpec } from 'vega-lite';
import { classColor, classShareAxis, classShareRows, classShareTooltip } from './class-shares.ts';
import { bandHeight, baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

export interface SplitClassCounts {
	split: string;
	/** Rows of each class in this split, in the order of `classes`. */
	counts: number[];
}

/** Null when there is nothing to draw (no classes, or no rows in any split). */
export function splitBalanceSpec(
	target: string,
	classes: string[],
	splits: SplitClassCounts[],
	options: ChartOptions = {}
): TopLevelSpec | null {
	const shown = splits.filter((s) => s.counts.some((c) => c > 0));
	if (classes.length === 0 || shown.length === 0) return null;
	const values = shown.flatMap((s, rank) =>
		classShareRows(classes, s.counts).map((row) => ({ split: s.split, rank, ...row }))
	);
	return {
		...baseSpec(options),
		...CONTAINER_WIDTH,
		height: bandHeight(shown.length, 26),
		title: { text: `Class balance of ${target} per split` },
		data: { values },
		transform: [{ filter: 'datum.count > 0' }],
		mark: { type: 'bar', tooltip: true },
		encoding: {
			y: { field: 'split', type: 'nominal', title: null, sort: { field: 'rank', order: 'ascending' } },
			x: classShareAxis(target),
			color: classColor(classes, target),
			order: { field: 'classIndex' },
			tooltip: [
				{ field: 'split', type: 'nominal', title: 'Split' },
				...classShareTooltip(target),
				{ field: 'total', type: 'quantitative', title: 'Rows in this split', format: ',' }
			]
		}
	};
}
