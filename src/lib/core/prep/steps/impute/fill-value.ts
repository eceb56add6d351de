// What the impute step fills a column's gaps with: the mean, median or most frequent value of its training
// rows (ties to the smallest, as scikit-learn's SimpleImputer breaks them), or a constant read as the
// column's own type.
import type { ColumnType } from '../../../table/column-types.ts';
import { BenchtopError } from '../../../errors.ts';
import { columnType } from '../../../table/require-columns.ts';
import { isNumericType } from '../../../table/column-kinds.ts';
import { countLabelCodes, readLabelCodes, readNumbers, type LabelCodes } from '../../../table/read-column.ts';
import type { PrepTable } from '../../../table/prep-table.ts';
import { medianOfSorted } from '../clip/quantile.ts';
import { sortNumbers } from '../../../data/profile/sort-values.ts';

export type ImputeStrategy = 'mean' | 'median' | 'most-frequent' | 'constant';

/** A fill as a fitted state keeps it: numbers for numeric and date (milliseconds) columns, text for
 * categories and text, true/false for booleans. */
export type FillValue = number | string | boolean;

export function learnFill(
	input: PrepTable,
	column: string,
	strategy: ImputeStrategy,
	constant: number | string | undefined
): FillValue {
	const type = columnType(input, column);
	if (strategy === 'constant') return constantAs(type, constant!, column);
	if (type === 'category' || type === 'text')
		return mostFrequentLabel(readLabelCodes(input.table, column), column);
	if (type === 'boolean') return mostFrequentNumber(present(input, column), column) === 1;
	const values = present(input, column);
	if (strategy === 'most-frequent') return mostFrequentNumber(values, column);
	const fill =
		strategy === 'mean' ? mean(values, column) : medianOfSorted(sortNumbers(nonEmpty(values, column)));
	// A date fill is a whole millisecond, which a Date can hold exactly.
	return type === 'date' ? Math.round(fill) : fill;
}

function present(input: PrepTable, column: string): Float64Array {
	const values = readNumbers(input.table, column);
	let count = 0;
	for (let i = 0; i < values.length; i++) if (values[i] === values[i]) values[count++] = values[i]!;
	return values.subarray(0, count);
}

function nonEmpty<T extends { length: number }>(values: T, column: string): T {
	if (values.length === 0) {
		throw new BenchtopError(
			'bad-input',
			`Column “${column}” is missing in every training row, so there is no value to fill it with: drop the column, or impute it with a constant.`
		);
	}
	return values;
}

function mean(values: Float64Array, column: string): number {
	nonEmpty(values, column);
	let sum = 0;
	for (let i = 0; i < values.length; i++) sum += values[i]!;
	const result = sum / values.length;
	if (!Number.isFinite(result))
		throw new BenchtopError('bad-input', `Column “${column}” has values too large to average.`);
	return result;
}

/** The most frequent number; runs of a sorted copy, so the first longest run is also the smallest value. */
function mostFrequentNumber(values: Float64Array, column: string): number {
	const sorted = sortNumbers(Float64Array.from(nonEmpty(values, column)));
	let best = sorted[0]!;
	let bestCount = 0;
	for (let start = 0; start < sorted.length;) {
		let end = start + 1;
		while (end < sorted.length && sorted[end] === sorted[start]) end++;
		if (end - start > bestCount) [best, bestCount] = [sorted[start]!, end - start];
		start = end;
	}
	return best;
}

function mostFrequentLabel(column: LabelCodes, name: string): string {
	const counts = countLabelCodes(column);
	let best: string | undefined;
	let bestCount = 0;
	column.labels.forEach((label, code) => {
		const count = counts[code]!;
		if (count > bestCount || (count === bestCount && count > 0 && label < best!))
			[best, bestCount] = [label, count];
	});
	return nonEmpty(best === undefined ? [] : [best], name)[0]!;
}

const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0']);

/** The constant as the column's type, or a message saying what the column needs. */
function constantAs(type: ColumnType, value: number | string, column: string): FillValue {
	const text = String(value).trim();
	if (isNumericType(type)) {
		const x = typeof value === 'number' ? value : text === '' ? NaN : Number(text);
		if (!Number.isFinite(x)) {
			throw new BenchtopError(
				'bad-input',
				`Column “${column}” holds numbers; “${text}” is not a number to fill it with.`
			);
		}
		return x;
	}
	if (type === 'boolean') {
		const word = text.toLowerCase();
		if (TRUE_WORDS.has(word)) return true;
		if (FALSE_WORDS.has(word)) return false;
		throw new BenchtopError(
			'bad-input',
			`Column “${column}” is true/false; fill it with true or false, not “${text}”.`
		);
	}
	if (type === 'date') {
		const ms = Date.parse(text);
		if (!Number.isFinite(ms)) {
			throw new BenchtopError(
				'bad-input',
				`Column “${column}” holds dates; “${text}” is not a date (try 2024-01-31).`
			);
		}
		return ms;
	}
	// Categories and text take the value exactly as given.
	return String(value);
}
