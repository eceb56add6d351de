// The table held by a parsed JSON document: an array of objects, or one object that wraps such an
// array under a single key ({"data": [...]}, as many APIs answer).
import { BenchtopError } from '../../errors.ts';
import type { ImportNotice } from './import-types.ts';
import { JsonColumns } from './json-columns.ts';
import type { RawTable } from './raw-table.ts';

const NOT_AN_ARRAY = 'The JSON must be an array of objects, one per row, like [{"a": 1}, {"a": 2}].';

export function recordsTable(value: unknown, notices: ImportNotice[]): RawTable {
	let records = value;
	if (!Array.isArray(records)) {
		const key = wrappedArrayKey(records);
		if (key === undefined) throw new BenchtopError('bad-input', NOT_AN_ARRAY);
		notices.push({ kind: 'info', message: `The rows were read from the array under the key “${key}”.` });
		records = (records as Record<string, unknown>)[key];
	}
	const rows = records as unknown[];
	const columns = new JsonColumns();
	for (let i = 0; i < rows.length; i++) columns.add(rows[i], () => `item ${i + 1}`);
	return columns.table(notices);
}

/** {"data": [{...}, ...]}: the one key of an object whose value is an array of objects. */
function wrappedArrayKey(value: unknown): string | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const arrays = Object.keys(value).filter((key) => {
		const inner = (value as Record<string, unknown>)[key];
		return Array.isArray(inner) && inner.length > 0 && inner.every(isRecord);
	});
	return arrays.length === 1 ? arrays[0] : undefined;
}

export function isRecord(value: unknown): boolean {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
