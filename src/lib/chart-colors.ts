// The page's colours for charts, read from the CSS variables, so charts match light and dark themes.
import { DEFAULT_COLORS, type ChartColors } from '$lib/core/charts/index.ts';

export function pageChartColors(): ChartColors {
	if (typeof document === 'undefined') return DEFAULT_COLORS;
	const style = getComputedStyle(document.documentElement);
	const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
	return {
		text: read('--text-muted', DEFAULT_COLORS.text),
		grid: read('--border', DEFAULT_COLORS.grid),
		accent: read('--accent', DEFAULT_COLORS.accent)
	};
}
