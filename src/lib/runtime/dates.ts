// Date text to epoch milliseconds (UTC), the forms the studio reads (core/data/parse-date.ts): year first
// (2024-01-31, with an optional time and zone), numbers with the year last (month first unless the batch's
// values only read day first), and English month names. NaN when it is not a real date and time.
const TIME = String.raw`(?:[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`, 'i');
export const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`, 'i');
const NAME_FIRST = new RegExp(
	String.raw`^([a-z]{3,9})\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})${TIME}$`,
	'i'
);
const DAY_NAME = new RegExp(
	String.raw`^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4})${TIME}$`,
	'i'
);
const MONTHS = 'january february march april may june july august september october november december'.split(
	' '
);

function monthNumber(name: string): number {
	const lower = name.toLowerCase();
	const full = MONTHS.indexOf(lower);
	if (full >= 0) return full + 1;
	if (lower === 'sept') return 9;
	return lower.length === 3 ? MONTHS.findIndex((m) => m.startsWith(lower)) + 1 : 0;
}

function instant(year: number, month: number, day: number, time: (string | undefined)[]): number {
	if (month < 1 || month > 12 || day < 1 || day > 31) return NaN;
	const [hh, mm, ss, fraction, zone] = time;
	const hours = Number(hh ?? 0);
	const minutes = Number(mm ?? 0);
	const seconds = Number(ss ?? 0);
	if (hours > 23 || minutes > 59 || seconds > 59) return NaN;
	const ms = fraction === undefined ? 0 : Math.round(Number(`0.${fraction}`) * 1000);
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	date.setUTCHours(hours, minutes, seconds, ms);
	if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return NaN;
	let offset = 0;
	if (zone && zone.toUpperCase() !== 'Z') {
		const digits = zone.slice(1).replace(':', '');
		offset =
			(zone[0] === '-' ? -1 : 1) *
			(Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0)) *
			60000;
	}
	return date.getTime() - offset;
}

/** `dayFirst` reads a numbers-only date with the year last as day/month/year. */
export function parseDate(value: string, dayFirst = false): number {
	const first = value.charCodeAt(0);
	if (first >= 48 && first <= 57) {
		let m = YEAR_FIRST.exec(value);
		if (m) return instant(+m[1]!, +m[3]!, +m[4]!, m.slice(5));
		m = YEAR_LAST.exec(value);
		if (m) return instant(+m[4]!, dayFirst ? +m[3]! : +m[1]!, dayFirst ? +m[1]! : +m[3]!, m.slice(5));
		m = DAY_NAME.exec(value);
		const month = m ? monthNumber(m[2]!) : 0;
		return month ? instant(+m![3]!, month, +m![1]!, m!.slice(4)) : NaN;
	}
	const m = NAME_FIRST.exec(value);
	const month = m ? monthNumber(m[1]!) : 0;
	return month ? instant(+m![3]!, month, +m![2]!, m!.slice(4)) : NaN;
}

/** Whether the batch's year-last dates must be read day first: month first when every one reads so. */
export function readsDayFirst(texts: readonly string[]): boolean {
	let monthFirst = true;
	let dayFirst = true;
	for (const text of texts) {
		if (!YEAR_LAST.test(text)) continue;
		monthFirst &&= !Number.isNaN(parseDate(text));
		dayFirst &&= !Number.isNaN(parseDate(text, true));
	}
	return !monthFirst && dayFirst;
}
