// Reads the common written forms of a date, every one to an instant in UTC (a date without a zone is read
// as UTC, so the same file gives the same table in every time zone):
//   ISO 8601 with or without a time and a zone    2012-01-01, 2012-01-01T08:30:00Z, 2012-01-01 08:30+02:00
//   year first with slashes or dots               2012/01/01, 2012.01.01
//   numbers with the year last                    06/12/1998, 12/06/1998, 12.06.1998, 06-12-1998
//   an English month name                         Jun 12 1998, June 12, 1998, 12 June 1998, 12-Jun-1998
// Whether 06/12/1998 is June or December cannot be told from one value: the whole column decides
// (dayOrderOf), as a person reading the column would: a 13 or more in the first place means day first.

export type DayOrder = 'month-first' | 'day-first';

const TIME = String.raw`(?:[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`, 'i');
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`, 'i');
const MONTH_NAME_FIRST = new RegExp(
	String.raw`^([a-z]{3,9})\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})${TIME}$`,
	'i'
);
const DAY_FIRST_NAME = new RegExp(
	String.raw`^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4})${TIME}$`,
	'i'
);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
];

/** 1–12 for an English month name or its three-letter (or "Sept") abbreviation; 0 otherwise. */
function monthNumber(name: string): number {
	const lower = name.toLowerCase();
	const full = MONTH_NAMES.indexOf(lower);
	if (full >= 0) return full + 1;
	if (lower === 'sept') return 9;
	return MONTHS.indexOf(lower) + 1;
}

/** Epoch milliseconds for the parts, or NaN when they are not a real date and time (no 31 April). */
function instant(year: number, month: number, day: number, time: (string | undefined)[]): number {
	if (month < 1 || month > 12 || day < 1 || day > 31) return NaN;
	const [hh, mm, ss, fraction, zone] = time;
	const hours = hh === undefined ? 0 : Number(hh);
	const minutes = mm === undefined ? 0 : Number(mm);
	const seconds = ss === undefined ? 0 : Number(ss);
	if (hours > 23 || minutes > 59 || seconds > 59) return NaN;
	const ms = fraction === undefined ? 0 : Math.round(Number(`0.${fraction}`) * 1000);
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	date.setUTCHours(hours, minutes, seconds, ms);
	if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return NaN;
	return date.getTime() - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string | undefined): number {
	if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
	const sign = zone[0] === '-' ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
	return sign * (hours * 60 + minutes) * 60_000;
}

/** The value as an instant (epoch ms, UTC), reading a numbers-only date with the year last in `order`;
 * NaN when it is not a date in one of the forms above. The value is expected trimmed. */
export function parseDate(value: string, order: DayOrder = 'month-first'): number {
	const first = value.charCodeAt(0);
	if (first >= 48 && first <= 57) {
		let m = YEAR_FIRST.exec(value);
		if (m) return instant(Number(m[1]), Number(m[3]), Number(m[4]), m.slice(5));
		m = YEAR_LAST.exec(value);
		if (m) {
			const [a, b] = [Number(m[1]), Number(m[3])];
			return order === 'month-first'
				? instant(Number(m[4]), a, b, m.slice(5))
				: instant(Number(m[4]), b, a, m.slice(5));
		}
		m = DAY_FIRST_NAME.exec(value);
		if (m) {
			const month = monthNumber(m[2]!);
			return month ? instant(Number(m[3]), month, Number(m[1]), m.slice(4)) : NaN;
		}
		return NaN;
	}
	const m = MONTH_NAME_FIRST.exec(value);
	if (!m) return NaN;
	const month = monthNumber(m[1]!);
	return month ? instant(Number(m[3]), month, Number(m[2]), m.slice(4)) : NaN;
}

/** How one value reads: as a date in each order (the same unless it is a numbers-only date, year last). */
export interface DateReading {
	monthFirst: boolean;
	dayFirst: boolean;
}

export function readDate(value: string): DateReading {
	const monthFirst = !Number.isNaN(parseDate(value, 'month-first'));
	// Only a numbers-only date with the year last can differ between the orders.
	const dayFirst = YEAR_LAST.test(value) ? !Number.isNaN(parseDate(value, 'day-first')) : monthFirst;
	return { monthFirst, dayFirst };
}

/**
 * Tracks a whole column: `add` each present value (trimmed); `order` is the reading every value fits,
 * month first when both do (06/12/1998 is June 12th, as pandas and most software read it), or null when
 * no single order fits them all (not a date column).
 */
export class DayOrderVote {
	private monthFirst = true;
	private dayFirst = true;

	add(value: string): boolean {
		const reading = readDate(value);
		this.monthFirst &&= reading.monthFirst;
		this.dayFirst &&= reading.dayFirst;
		return this.monthFirst || this.dayFirst;
	}

	/** Fold in a reading already made (a value seen before). */
	addReading(reading: DateReading): boolean {
		this.monthFirst &&= reading.monthFirst;
		this.dayFirst &&= reading.dayFirst;
		return this.monthFirst || this.dayFirst;
	}

	get order(): DayOrder | null {
		return this.monthFirst ? 'month-first' : this.dayFirst ? 'day-first' : null;
	}
}

/** The order the column's numbers-only dates are written in (month first when it cannot be told). */
export function dayOrderOf(values: Iterable<string>): DayOrder {
	const vote = new DayOrderVote();
	for (const value of values) if (YEAR_LAST.test(value)) vote.add(value);
	return vote.order ?? 'month-first';
}
