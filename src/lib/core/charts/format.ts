// Values as chart labels and tooltips show them: short numbers, ISO dates, readable ranges.
import type { ColumnType } from '../table/column-types.ts';

/**
 * Thousands separators from five digits on ("min2"): 12,216,589 but 1955, as SI and most style guides write
 * four-digit numbers, so a year never reads as "1,955". One rule for the values and metrics that charts,
 * the profile, Prepare's summaries and What-if show.
 */
export function groupedNumber(x: number, maximumFractionDigits: number): string {
	return x.toLocaleString('en', { maximumFractionDigits, useGrouping: 'min2' });
}

export function formatNumber(x: number): string {
	if (x !== 0 && (Math.abs(x) >= 1e9 || Math.abs(x) < 1e-4)) return x.toExponential(2);
	return groupedNumber(Number(x.toPrecision(6)), 6);
}

export function formatDate(ms: number): string {
	const iso = new Date(ms).toISOString();
	return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
}

export function formatValue(x: number, type: ColumnType): string {
	return type === 'date' ? formatDate(x) : formatNumber(x);
}

/** "4" for an integer's own bin, otherwise "2.5 to 3". */
export function formatBin(x0: number, x1: number, type: ColumnType): string {
	if (type === 'integer' && x1 - x0 === 1) return formatNumber(x0);
	return `${formatValue(x0, type)} to ${formatValue(x1, type)}`;
}
