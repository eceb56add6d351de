// Reading parts of a date in UTC, the way pandas' .dt accessors do (weekday 0 = Monday … 6 = Sunday).
// Dates are stored as instants, and UTC keeps the same table giving the same parts in every time zone.
// The cyclic parts put a part that wraps around on a circle (sine and cosine of its angle, as in
// scikit-learn's cyclical feature engineering example), so December sits next to January and Sunday next
// to Monday instead of eleven and six steps away.

import { parseDate } from '../../../data/parse-date.ts';
import { numberColumn } from '../../../table/number-column.ts';

export const DATE_PARTS = [
	'year',
	'month',
	'day',
	'weekday',
	'hour',
	'month_sin',
	'month_cos',
	'weekday_sin',
	'weekday_cos',
	'hour_sin',
	'hour_cos'
] as const;
export type DatePart = (typeof DATE_PARTS)[number];

export const DATE_PART_LABELS: Record<DatePart, string> = {
	year: 'Year',
	month: 'Month (1–12)',
	day: 'Day of the month',
	weekday: 'Weekday (0 = Monday)',
	hour: 'Hour (0–23, UTC)',
	month_sin: 'Month on a circle: sine',
	month_cos: 'Month on a circle: cosine',
	weekday_sin: 'Weekday on a circle: sine',
	weekday_cos: 'Weekday on a circle: cosine',
	hour_sin: 'Hour on a circle: sine',
	hour_cos: 'Hour on a circle: cosine'
};

/** What a newcomer's recipe takes from a date: the year as a trend (the recipe scales it), month and weekday
 * on circles, so neither wraps from its last value to its first with a jump. */
export const DEFAULT_DATE_PARTS: readonly DatePart[] = [
	'year',
	'month_sin',
	'month_cos',
	'weekday_sin',
	'weekday_cos'
];

/** Parts that are whole numbers; the cyclic ones are fractions from −1 to 1. */
export function isWholeNumberPart(part: DatePart): boolean {
	return !part.endsWith('_sin') && !part.endsWith('_cos');
}

/** How many steps make a full turn, and where the count starts. */
const CYCLES = {
	month: { period: 12, first: 1 },
	weekday: { period: 7, first: 0 },
	hour: { period: 24, first: 0 }
};

export function datePart(date: Date, part: DatePart): number {
	switch (part) {
		case 'year':
			return date.getUTCFullYear();
		case 'month':
			return date.getUTCMonth() + 1;
		case 'day':
			return date.getUTCDate();
		case 'weekday':
			return (date.getUTCDay() + 6) % 7;
		case 'hour':
			return date.getUTCHours();
		default: {
			const [base, wave] = part.split('_') as ['month' | 'weekday' | 'hour', 'sin' | 'cos'];
			const { period, first } = CYCLES[base];
			const angle = (2 * Math.PI * (datePart(date, base) - first)) / period;
			// Rounded so cos(π/2) is 0 rather than 6e-17: the same value on every engine, and tidy to read.
			return Math.round((wave === 'sin' ? Math.sin(angle) : Math.cos(angle)) * 1e12) / 1e12;
		}
	}
}

/** The value as a time: Date objects as they are, epoch milliseconds, or a date's text (a prediction file that
 * was typed differently); anything else is missing. */
export function asTime(value: unknown): number {
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && value.trim() !== '') return parseDate(value.trim());
	return NaN;
}

/** Distinct times remembered at once; past this the memory starts afresh (a column of all-different times). */
const REMEMBERED_TIMES = 65_536;

/** One column per part; a missing or unreadable date gives missing parts. */
export function dateParts(
	values: ArrayLike<unknown>,
	parts: readonly DatePart[]
): ArrayLike<number | null>[] {
	const out = parts.map(() => new Float64Array(values.length));
	// Dates in a table repeat (a day per row, many rows per day): each part is worked out once per distinct
	// time, not once per row, and no Date is made for a time already seen.
	const seen = new Map<number, number[]>();
	for (let i = 0; i < values.length; i++) {
		const time = asTime(values[i]);
		if (!Number.isFinite(time)) {
			for (let p = 0; p < parts.length; p++) out[p]![i] = NaN;
			continue;
		}
		let known = seen.get(time);
		if (known === undefined) {
			if (seen.size >= REMEMBERED_TIMES) seen.clear();
			const date = new Date(time);
			known = parts.map((part) => datePart(date, part));
			seen.set(time, known);
		}
		for (let p = 0; p < parts.length; p++) out[p]![i] = known[p]!;
	}
	// Typed when every row has its parts; nulls for the gaps otherwise, as the table stores them.
	return out.map(numberColumn);
}
