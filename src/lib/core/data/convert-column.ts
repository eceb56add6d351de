// Turns a column of raw strings into typed values for its type. Missing spellings become null, and so
// do values that do not fit the type (counted, so the person can be told how many were lost).
import type { ColumnType } from '../table/column-types.ts';
import { INFINITY } from './infer-column-type.ts';
import { isMissingTrimmed, trimmed } from './missing-values.ts';
import { dayOrderOf, parseDate, type DayOrder } from './parse-date.ts';

export type CellValue = number | boolean | string | Date | null;

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);
/** Dates repeat: parsing each distinct text once and copying the time is much faster than parsing all. */
const DATE_MEMORY = 4096;

/** The typed value, or undefined when the text is not a value of that type. */
function convertValue(value: string, raw: string, type: ColumnType, order: DayOrder): CellValue | undefined {
	switch (type) {
		case 'integer': {
			const number = Number(value);
			return Number.isInteger(number) ? number : undefined;
		}
		case 'number': {
			if (INFINITY.test(value)) return value.startsWith('-') ? -Infinity : Infinity;
			const number = Number(value);
			return Number.isFinite(number) ? number : undefined;
		}
		case 'boolean': {
			const lower = value.toLowerCase();
			return TRUE.has(lower) ? true : FALSE.has(lower) ? false : undefined;
		}
		case 'date': {
			const time = parseDate(value, order);
			return Number.isNaN(time) ? undefined : new Date(time);
		}
		case 'category':
			return value;
		case 'text':
			return raw;
	}
}

export interface ConvertedColumn {
	values: CellValue[];
	/** Values that were present but are not of the type, now missing. */
	lost: number;
}

export function convertColumn(
	values: ArrayLike<string | null | undefined>,
	type: ColumnType
): ConvertedColumn {
	const out = new Array<CellValue>(values.length);
	const times = type === 'date' ? new Map<string, number>() : undefined;
	// 06/12/1998 is June or December as the rest of the column says.
	const order = type === 'date' ? dayOrderOf(presentTexts(values)) : 'month-first';
	let lost = 0;
	for (let i = 0; i < values.length; i++) {
		const raw = values[i];
		const value = raw == null ? '' : trimmed(raw);
		if (isMissingTrimmed(value)) {
			out[i] = null;
			continue;
		}
		const known = times?.get(value);
		if (known !== undefined) {
			out[i] = new Date(known);
			continue;
		}
		const converted = convertValue(value, raw!, type, order);
		if (converted === undefined) lost++;
		else if (times && times.size < DATE_MEMORY) times.set(value, (converted as Date).getTime());
		out[i] = converted ?? null;
	}
	return { values: out, lost };
}

function* presentTexts(values: ArrayLike<string | null | undefined>): Generator<string> {
	for (let i = 0; i < values.length; i++) {
		const raw = values[i];
		if (raw != null) yield trimmed(raw);
	}
}
