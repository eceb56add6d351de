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
			const [base, wave] = cyclicPart(part);
			return onCircle(datePart(date, base), base, wave);
		}
	}
}

type CyclicBase = keyof typeof CYCLES;

function cyclicPart(part: DatePart): [CyclicBase, 'sin' | 'cos'] {
	return part.split('_') as [CyclicBase, 'sin' | 'cos'];
}

/** A month, weekday or hour as the sine or cosine of its angle on the circle. */
function onCircle(value: number, base: CyclicBase, wave: 'sin' | 'cos'): number {
	const { period, first } = CYCLES[base];
	const angle = (2 * Math.PI * (value - first)) / period;
	// Rounded so cos(π/2) is 0 rather than 6e-17: the same value on every engine, and tidy to read.
	return Math.round((wave === 'sin' ? Math.sin(angle) : Math.cos(angle)) * 1e12) / 1e12;
}

/** The value as a time: Date objects as they are, epoch milliseconds, or a date's text (a prediction file that
 * was typed differently); anything else is missing. */
export function asTime(value: unknown): number {
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && value.trim() !== '') return parseDate(value.trim());
	return NaN;
}

/** One column per part; a missing or unreadable date gives missing parts. */
export function dateParts(
	values: ArrayLike<unknown>,
	parts: readonly DatePart[]
): ArrayLike<number | null>[] {
	const times = new Float64Array(values.length);
	for (let i = 0; i < values.length; i++) times[i] = asTime(values[i]);
	return datePartsOfTimes(times, parts);
}

const DAY_MS = 86_400_000;
/** Days whose calendar is remembered at once (a power of two: a day's slot is its number's low bits). */
const DAY_CACHE = 1024;
/** The largest time a Date holds (±100,000,000 days from 1970); past it a Date is invalid. */
const MAX_TIME = 8.64e15;

/**
 * One column per part from epoch milliseconds (NaN: missing). The parts are worked out by arithmetic on
 * the day count (the proleptic Gregorian calendar, as Date's UTC getters read it), with no Date per row;
 * the circle parts are looked up from the few values a month, weekday or hour can take.
 */
export function datePartsOfTimes(
	times: Float64Array,
	parts: readonly DatePart[]
): ArrayLike<number | null>[] {
	const rows = times.length;
	const bases = new Set(parts.map((part) => (isWholeNumberPart(part) ? part : cyclicPart(part)[0])));
	// First each whole-number field the parts need, one array per field (NaN: no date); then each part
	// from its field in a loop of its own.
	const field = (base: string) => (bases.has(base as DatePart) ? new Float64Array(rows) : undefined);
	const year = field('year');
	const month = field('month');
	const day = field('day');
	const weekday = field('weekday');
	const hour = field('hour');
	const civil = { year: 0, month: 0, day: 0 };
	const needsCivil = year || month || day;
	// Real columns repeat days (many rows per day): the calendar of the last days seen, by day number.
	const cachedDay = new Float64Array(DAY_CACHE).fill(NaN);
	const cachedCivil = new Int32Array(DAY_CACHE * 3);
	for (let i = 0; i < rows; i++) {
		// Whole milliseconds, as a Date keeps them (it truncates toward zero).
		const time = Math.trunc(times[i]!);
		if (!(time >= -MAX_TIME && time <= MAX_TIME)) {
			for (const values of [year, month, day, weekday, hour]) if (values) values[i] = NaN;
			continue;
		}
		const days = Math.floor(time / DAY_MS);
		if (needsCivil) {
			const slot = days & (DAY_CACHE - 1);
			if (cachedDay[slot] === days) {
				civil.year = cachedCivil[3 * slot]!;
				civil.month = cachedCivil[3 * slot + 1]!;
				civil.day = cachedCivil[3 * slot + 2]!;
			} else {
				civilFromDays(days, civil);
				cachedDay[slot] = days;
				cachedCivil[3 * slot] = civil.year;
				cachedCivil[3 * slot + 1] = civil.month;
				cachedCivil[3 * slot + 2] = civil.day;
			}
			if (year) year[i] = civil.year;
			if (month) month[i] = civil.month;
			if (day) day[i] = civil.day;
		}
		// 1970-01-01 was a Thursday (3, Monday being 0).
		if (weekday) weekday[i] = (((days + 3) % 7) + 7) % 7;
		if (hour) hour[i] = Math.floor((time - days * DAY_MS) / 3_600_000);
	}
	const fields = { year, month, day, weekday, hour };
	return parts.map((part) => {
		if (isWholeNumberPart(part)) return numberColumn(fields[part as keyof typeof fields]!);
		const { base, values: circle } = circleTable(part);
		const source = fields[base]!;
		const first = CYCLES[base].first;
		const out = new Float64Array(rows);
		for (let i = 0; i < rows; i++) {
			const x = source[i]!;
			out[i] = x === x ? circle[x - first]! : NaN;
		}
		// Typed when every row has its parts; nulls for the gaps otherwise, as the table stores them.
		return numberColumn(out);
	});
}

/** A circle part's value for each step of its period. */
function circleTable(part: DatePart): { base: CyclicBase; values: Float64Array } {
	const [base, wave] = cyclicPart(part);
	const { period, first } = CYCLES[base];
	return { base, values: Float64Array.from({ length: period }, (_, k) => onCircle(first + k, base, wave)) };
}

/** Year, month (1–12) and day of the month of a day count from 1970-01-01 (Howard Hinnant's
 * civil_from_days, with floor division so days before 1970 work too). */
function civilFromDays(days: number, into: { year: number; month: number; day: number }): void {
	const z = days + 719_468;
	const era = Math.floor(z / 146_097);
	const dayOfEra = z - era * 146_097;
	const yearOfEra = Math.floor(
		(dayOfEra -
			Math.floor(dayOfEra / 1460) +
			Math.floor(dayOfEra / 36_524) -
			Math.floor(dayOfEra / 146_096)) /
			365
	);
	const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
	into.day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
	into.month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
	into.year = yearOfEra + era * 400 + (into.month <= 2 ? 1 : 0);
}
