// Turns a column of raw strings into typed values for its type. Missing spellings become null, and so
// do values that do not fit the type (counted, so the person can be told how many were lost).
import type { ColumnType } from './column-types.ts';
import { isMissingValue } from './missing-values.ts';

export type CellValue = number | boolean | string | Date | null;

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

/** The typed value, or undefined when the text is not a value of that type. */
function convertValue(raw: string, type: ColumnType): CellValue | undefined {
	const value = raw.trim();
	switch (type) {
		case 'integer':
		case 'number': {
			const number = Number(value);
			return Number.isFinite(number) ? number : undefined;
		}
		case 'boolean': {
			const lower = value.toLowerCase();
			return TRUE.has(lower) ? true : FALSE.has(lower) ? false : undefined;
		}
		case 'date': {
			const date = new Date(value);
			return Number.isNaN(date.getTime()) ? undefined : date;
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
	let lost = 0;
	for (let i = 0; i < values.length; i++) {
		const raw = values[i];
		if (raw == null || isMissingValue(raw)) {
			out[i] = null;
			continue;
		}
		const value = convertValue(raw, type);
		if (value === undefined) lost++;
		out[i] = value ?? null;
	}
	return { values: out, lost };
}
