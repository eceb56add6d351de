// Labels back into a table column without a string per row: an Arrow dictionary column, as the importer
// stores categories, so a step that changes a few labels (filling gaps) keeps the column coded for the
// next step.
import * as aq from 'arquero';
import { batchType, Column, columnFromValues, dictionary, tableFromColumns, utf8 } from '@uwdata/flechette';

/** As the stored table decodes (dates as Date objects), so the column reads like an imported one. */
const READ_OPTIONS = { useDate: true };

/**
 * A dictionary column: row i holds labels[codes[i]], or is missing where the code is -1. Keys are given in
 * the order labels first appear in the rows and unused labels are left out, as flechette's own dictionary
 * builder lays them out, so the column encodes to the same bytes as the same strings would.
 */
export function dictionaryColumn(codes: Int32Array, labels: readonly string[]): ArrayLike<unknown> {
	const length = codes.length;
	// Buffers sized to whole 8-byte words, as flechette's builders size them.
	const keys = new Int32Array(Math.ceil(length / 2) * 2);
	const keyOfCode = new Int32Array(labels.length); // key + 1; 0: not seen yet
	const entries: string[] = [];
	let nulls = 0;
	for (let i = 0; i < length; i++) {
		const code = codes[i]!;
		if (code < 0) {
			nulls++;
			continue;
		}
		let key = keyOfCode[code]! - 1;
		if (key === -1) {
			key = entries.length;
			entries.push(labels[code]!);
			keyOfCode[code] = key + 1;
		}
		keys[i] = key;
	}
	// Only a column with gaps needs its validity bits (set where a value is).
	const validity = new Uint8Array(nulls > 0 ? Math.ceil((((length - 1) >> 3) + 1) / 8) * 8 : 0);
	if (nulls > 0) for (let i = 0; i < length; i++) if (codes[i]! >= 0) validity[i >> 3]! |= 1 << (i & 7);
	const type = dictionary(utf8());
	const Batch = batchType(type, READ_OPTIONS);
	const batch = new Batch({
		length,
		nullCount: nulls,
		type,
		validity,
		values: keys
	});
	(batch as unknown as { setDictionary(values: Column<unknown>): void }).setDictionary(
		columnFromValues(entries, type.dictionary, READ_OPTIONS)
	);
	// Wrapped by arquero as it wraps an imported table's dictionary columns, so the column behaves the same.
	const arrow = tableFromColumns([['column', new Column([batch], type)]]);
	const wrapped = aq.fromArrow(arrow as unknown as Parameters<typeof aq.fromArrow>[0]);
	return wrapped.column('column') as unknown as ArrayLike<unknown>;
}
