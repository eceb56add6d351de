// The tiny distribution in a table column's header, as plain bars (x, height in 0..1): cheap enough to
// draw for every column of a wide table without loading the chart library.
import type { ColumnProfile } from '../data/profile/index.ts';

export interface SparkBar {
	/** Left edge, as a share of the width. */
	x: number;
	/** Width, as a share of the width. */
	width: number;
	/** Height, as a share of the tallest bar. */
	height: number;
	label: string;
}

/** Histogram bins for numbers and dates, the most frequent values (up to `maxBars`) otherwise. */
export function sparklineBars(column: ColumnProfile, maxBars = 12): SparkBar[] {
	const counts: { count: number; label: string }[] = column.histogram
		? column.histogram.bins.map((b) => ({ count: b.count, label: `${b.x0} – ${b.x1}: ${b.count}` }))
		: (column.top ?? []).slice(0, maxBars).map((t) => ({ count: t.count, label: `${t.value}: ${t.count}` }));
	const tallest = Math.max(0, ...counts.map((c) => c.count));
	if (counts.length === 0 || tallest === 0) return [];
	const step = 1 / counts.length;
	return counts.map((c, i) => ({ x: i * step, width: step, height: c.count / tallest, label: c.label }));
}
