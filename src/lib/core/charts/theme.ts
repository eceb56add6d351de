// The look every Benchtop chart shares, in one place: fonts, sizes and colours. Colours come from the
// caller (the UI passes its theme's values), so one spec reads on light and dark pages alike; the
// background stays transparent so the page shows through.
import type { Config } from 'vega-lite';

export interface ChartColors {
	/** Titles, labels and axis lines. */
	text: string;
	/** Grid lines and other quiet structure. */
	grid: string;
	/** Single-series marks: bars, points, lines. */
	accent: string;
}

export interface ChartOptions {
	colors?: ChartColors;
}

/** Mid-tone defaults that stay legible on both white and near-black pages. */
export const DEFAULT_COLORS: ChartColors = {
	text: '#808a96',
	grid: 'rgba(128, 138, 150, 0.3)',
	accent: '#3b82f6'
};

export const CHART_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
/** Classes and levels: a palette of mid-tone hues that keeps contrast on light and dark pages. */
export const CATEGORY_SCHEME = 'tableau10';
/** Correlations run from −1 to 1 through a neutral middle. */
export const DIVERGING_SCHEME = 'blueorange';

/** A Vega expression: the axis label as Vega formats it, less its one separator below 10,000. */
const FOUR_DIGITS_UNGROUPED = "abs(datum.value) < 10000 ? replace(datum.label, ',', '') : datum.label";

export function chartConfig(colors: ChartColors = DEFAULT_COLORS): Config {
	const label = {
		labelColor: colors.text,
		titleColor: colors.text,
		labelFont: CHART_FONT,
		titleFont: CHART_FONT
	};
	return {
		font: CHART_FONT,
		view: { stroke: null },
		title: {
			color: colors.text,
			subtitleColor: colors.text,
			fontSize: 13,
			subtitleFontSize: 11,
			anchor: 'start',
			fontWeight: 600
		},
		axis: {
			...label,
			domainColor: colors.grid,
			tickColor: colors.grid,
			gridColor: colors.grid,
			labelFontSize: 11,
			titleFontSize: 11,
			titleFontWeight: 500,
			labelLimit: 160
		},
		// Thousands separated from five digits on, as the labels and tables write numbers (format.ts): a year
		// axis reads 1955 to 2005, not 1,955 to 2,005. Vega's own label keeps its precision for the ticks' step.
		axisQuantitative: { labelExpr: FOUR_DIGITS_UNGROUPED },
		legend: {
			...label,
			labelFontSize: 11,
			titleFontSize: 11,
			titleFontWeight: 500,
			orient: 'bottom',
			direction: 'horizontal'
		},
		header: { labelColor: colors.text, titleColor: colors.text },
		mark: { color: colors.accent },
		bar: { color: colors.accent },
		text: { color: colors.text, font: CHART_FONT },
		range: { category: { scheme: CATEGORY_SCHEME } }
	};
}

/** What every spec starts with. 'transparent' rather than null: vega-lite's types take a colour, and
 * Vega draws the two the same. */
export function baseSpec(options: ChartOptions = {}) {
	return {
		$schema: 'https://vega.github.io/schema/vega-lite/v6.json',
		background: 'transparent',
		config: chartConfig(options.colors ?? DEFAULT_COLORS)
	} as const;
}

/** Width follows the element the chart sits in; the padding counts inside it, so nothing overflows. */
export const CONTAINER_WIDTH = {
	width: 'container',
	autosize: { type: 'fit-x', contains: 'padding' }
} as const;

/**
 * Height for a chart with one band per item. A fixed number rather than vega-lite's `{ step }`, which
 * does not combine with a container width (vega-lite then drops its height fit and warns).
 */
export function bandHeight(items: number, step = 18): number {
	return Math.max(2, items) * step;
}
