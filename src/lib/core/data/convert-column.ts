// Turns a column of raw strings into typed values for its inferred type; missing values become null.
import type { ColumnType } from './column-types.ts';
import { isMissingValue } from './missing-values.ts';

export type CellValue = number | boolean | string | Date | null;

function convertValue(raw: string, type: ColumnType): CellValue {
	const value = raw.trim();
	switch (type) {
		case 'integer':
		case 'number':
			return Number(value);
		case 'boolean':
			return value.toLowerCase() === 'true';
		case 'date':
			return new Date(value);
		case 'category':
			return value;
		case 'text':
			return raw;
	}
}

export function convertColumn(values: ArrayLike<string | null | undefined>, type: ColumnType): CellValue[] {
	const out = new Array<CellValue>(values.length);
	for (let i = 0; i < values.length; i++) {
		const raw = values[i];
		out[i] = raw == null || isMissingValue(raw) ? null : convertValue(raw, type);
	}
	return out;
}
