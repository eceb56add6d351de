// The written forms of a date Benchtop reads, each to an instant in UTC, and the column-wide day order.
import { describe, expect, it } from 'vitest';
import { dayOrderOf, DayOrderVote, parseDate, readDate } from '../../../../src/lib/core/data/parse-date.ts';

const utc = (y: number, m: number, d: number, hh = 0, mm = 0, ss = 0, ms = 0) =>
	Date.UTC(y, m - 1, d, hh, mm, ss, ms);

describe('parseDate', () => {
	it('reads ISO 8601 with and without a time and a zone, in UTC when no zone is given', () => {
		expect(parseDate('2012-01-01')).toBe(utc(2012, 1, 1));
		expect(parseDate('2012-01-01T08:30')).toBe(utc(2012, 1, 1, 8, 30));
		expect(parseDate('2012-01-01 08:30:15.250')).toBe(utc(2012, 1, 1, 8, 30, 15, 250));
		expect(parseDate('2012-01-01T08:30:00Z')).toBe(utc(2012, 1, 1, 8, 30));
		expect(parseDate('2012-01-01T08:30:00+02:00')).toBe(utc(2012, 1, 1, 6, 30));
		expect(parseDate('2012-01-01T08:30:00-0530')).toBe(utc(2012, 1, 1, 14, 0));
	});

	it('reads year-first slashes, English month names, and numbers with the year last in either order', () => {
		expect(parseDate('2012/01/01')).toBe(utc(2012, 1, 1));
		expect(parseDate('Jun 12 1998')).toBe(utc(1998, 6, 12));
		expect(parseDate('June 12, 1998')).toBe(utc(1998, 6, 12));
		expect(parseDate('12 June 1998')).toBe(utc(1998, 6, 12));
		expect(parseDate('12-Jun-1998')).toBe(utc(1998, 6, 12));
		expect(parseDate('06/12/1998')).toBe(utc(1998, 6, 12));
		expect(parseDate('06/12/1998', 'day-first')).toBe(utc(1998, 12, 6));
		expect(parseDate('12.06.1998', 'day-first')).toBe(utc(1998, 6, 12));
	});

	it('refuses what is not a real date: 31 April, month 13, a bare number, a word', () => {
		for (const text of [
			'2012-04-31',
			'2012-13-01',
			'13/13/2012',
			'1998',
			'Juno 12 1998',
			'soon',
			'12:30',
			'2012-01-01T25:00'
		])
			expect(parseDate(text), text).toBeNaN();
		expect(parseDate('31/04/2012', 'day-first')).toBeNaN();
	});
});

describe('the day order of a column', () => {
	it('is read off the whole column: a 13 or more first means day first', () => {
		expect(dayOrderOf(['06/12/1998', '07/01/1998'])).toBe('month-first');
		expect(dayOrderOf(['06/12/1998', '13/01/1998'])).toBe('day-first');
		expect(dayOrderOf(['06/12/1998', '01/13/1998'])).toBe('month-first');
		expect(readDate('13/01/1998')).toEqual({ monthFirst: false, dayFirst: true });
	});

	it('is no order at all when the values need both (not a date column)', () => {
		const vote = new DayOrderVote();
		expect(vote.add('13/01/1998')).toBe(true);
		expect(vote.order).toBe('day-first');
		expect(vote.add('01/13/1998')).toBe(false);
		expect(vote.order).toBeNull();
	});
});
