// Infers a column's type from every one of its values (not a sample), so a late "N/A" or a decimal
// in row 900,000 is not missed.
import type { ColumnType } from '../table/column-types.ts';
import { isMissingTrimmed, trimmed } from './missing-values.ts';
import { DayOrderVote, parseDate, readDate, type DateReading } from './parse-date.ts';

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Infinity as programs write it (Python's inf, JavaScript's Infinity): a number, if not a finite one. */
export const INFINITY = /^[+-]?(inf|infinity)$/i;
const BOOLEAN = /^(true|false)$/i;
/** "0123" is a code (zip, ID), not the number 123: keep it as text so the zero survives. */
const LEADING_ZERO = /^[+-]?0\d/;
/** Whole numbers up to 2^53 − 1 (16 digits) are exact as doubles; a longer text needs a look. */
const SAFE_DIGITS = 15;

/**
 * A whole number a double cannot hold exactly (a 19-digit order or tweet ID): 9007199254740993 would
 * read as ...992, and two IDs could become one. Such a value is not a number here, so its column keeps
 * the exact text. `value` is trimmed; decimals and exponents ("1e20") are measurements and stay numbers.
 */
export function isUnsafeInteger(value: string): boolean {
	return value.length > SAFE_DIGITS && INTEGER.test(value) && !Number.isSafeInteger(Number(value));
}

/**
 * A column with few distinct values relative to its size is a category; many distinct values mean
 * free text. 50% and 1000 keep names and descriptions as text while labels like "setosa" are categories.
 */
const CATEGORY_MAX_UNIQUE_RATIO = 0.5;
const CATEGORY_MAX_UNIQUE = 1000;
/** Dates repeat (days, months): remembering the ones already checked saves parsing them again. */
const DATE_MEMORY = 4096;

/** Whether one value, trimmed, is a date in one of the forms parse-date.ts reads (in either day order). */
export function isValidDate(raw: string): boolean {
	return !Number.isNaN(parseDate(raw, 'month-first')) || !Number.isNaN(parseDate(raw, 'day-first'));
}

/** Category or free text, by how many distinct values there are; for columns already known to be strings. */
export function categoryOrText(values: ArrayLike<string | null | undefined>): 'category' | 'text' {
	const distinct = new Set<string>();
	let present = 0;
	for (let i = 0; i < values.length; i++) {
		const value = values[i];
		if (value == null) continue;
		present++;
		distinct.add(value);
		if (distinct.size > CATEGORY_MAX_UNIQUE) return 'text';
	}
	return present > 0 && distinct.size / present <= CATEGORY_MAX_UNIQUE_RATIO ? 'category' : 'text';
}

/**
 * `counts`, when given, says how many rows hold each value: a dictionary-encoded column is typed from
 * its distinct values, each looked at once.
 */
export function inferColumnType(
	values: ArrayLike<string | null | undefined>,
	counts?: ArrayLike<number>
): ColumnType {
	let integer = true;
	let number = true;
	let boolean = true;
	let date = true;
	let present = 0;
	const distinct = new Set<string>();
	const readDates = new Map<string, DateReading>();
	// The whole column decides whether 06/12/1998 is June or December: a date column is one whose every
	// value reads as a date in one and the same order.
	const dayOrder = new DayOrderVote();

	for (let i = 0; i < values.length; i++) {
		const raw = values[i];
		const rows = counts === undefined ? 1 : counts[i]!;
		if (raw == null || rows === 0) continue;
		const value = trimmed(raw);
		if (isMissingTrimmed(value)) continue;
		present += rows;
		if (distinct.size <= CATEGORY_MAX_UNIQUE) distinct.add(value);
		if ((integer || number) && isUnsafeInteger(value)) integer = number = false;
		if (integer) {
			// An integer is also a number, and never a boolean or an ISO date: one test answers all four.
			if (INTEGER.test(value) && !LEADING_ZERO.test(value)) {
				boolean = date = false;
				continue;
			}
			integer = false;
		}
		if (number) {
			if ((NUMBER.test(value) && !LEADING_ZERO.test(value)) || INFINITY.test(value)) {
				boolean = date = false;
				continue;
			}
			number = false;
		}
		if (boolean && !BOOLEAN.test(value)) boolean = false;
		if (date) {
			let reading = readDates.get(value);
			if (reading === undefined) {
				reading = readDate(value);
				if (readDates.size < DATE_MEMORY) readDates.set(value, reading);
			}
			date = dayOrder.addReading(reading);
		}
		// Only category or text is left, and past the cap it can only be text.
		if (!boolean && !date && distinct.size > CATEGORY_MAX_UNIQUE) return 'text';
	}

	if (present === 0) return 'text';
	if (integer) return 'integer';
	if (number) return 'number';
	if (boolean) return 'boolean';
	if (date) return 'date';
	const looksCategorical =
		distinct.size <= CATEGORY_MAX_UNIQUE && distinct.size / present <= CATEGORY_MAX_UNIQUE_RATIO;
	return looksCategorical ? 'category' : 'text';
}
