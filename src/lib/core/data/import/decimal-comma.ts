// Decimal commas ("3,14", "1.234,5"), as much of Europe writes numbers: a column is read that way only
// when every one of its values is written so, and at least one has a comma.
import { isMissingTrimmed, trimmed } from '../missing-values.ts';

const DECIMAL_COMMA = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;

/** The column with "." as the decimal mark, or undefined when it is not written with decimal commas. */
export function withDecimalPoint(values: readonly (string | null)[]): (string | null)[] | undefined {
	let commas = 0;
	for (const raw of values) {
		if (raw === null) continue;
		const value = trimmed(raw);
		if (isMissingTrimmed(value)) continue;
		if (!DECIMAL_COMMA.test(value)) return undefined;
		if (value.includes(',')) commas++;
	}
	if (commas === 0) return undefined;
	return values.map((raw) => {
		if (raw === null) return raw;
		const value = trimmed(raw);
		return DECIMAL_COMMA.test(value) ? value.replaceAll('.', '').replace(',', '.') : raw;
	});
}
