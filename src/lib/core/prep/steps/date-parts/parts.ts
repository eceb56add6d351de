// Reading parts of a date in UTC, the way pandas' .dt accessors do (weekday 0 = Monday … 6 = Sunday).
// Dates are stored as instants, and UTC keeps the same table giving the same parts in every time zone.

export const DATE_PARTS = ['year', 'month', 'day', 'weekday', 'hour'] as const;
export type DatePart = (typeof DATE_PARTS)[number];

export const DATE_PART_LABELS: Record<DatePart, string> = {
	year: 'Year',
	month: 'Month (1–12)',
	day: 'Day of the month',
	weekday: 'Weekday (0 = Monday)',
	hour: 'Hour (0–23, UTC)'
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
	}
}

/** The value as a time: Date objects as they are, epoch milliseconds, or ISO text (a prediction file that
 * was typed differently); anything else is missing. */
export function asTime(value: unknown): number {
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && value.trim() !== '') return new Date(value.trim()).getTime();
	return NaN;
}

/** One integer column per part; a missing or unreadable date gives missing parts. */
export function dateParts(values: ArrayLike<unknown>, parts: readonly DatePart[]): (number | null)[][] {
	const out = parts.map(() => new Array<number | null>(values.length));
	for (let i = 0; i < values.length; i++) {
		const time = asTime(values[i]);
		const date = Number.isFinite(time) ? new Date(time) : null;
		for (let p = 0; p < parts.length; p++) out[p]![i] = date ? datePart(date, parts[p]!) : null;
	}
	return out;
}
