// A regression target must be finite numbers a network can hold: TF.js trains in float32, where a value
// beyond ±3.4e38 becomes Infinity and `Infinity` or `NaN` in the file would poison every weight. Such rows
// are refused before the split, counted and named by their row number in the data (header not counted).
import type { ColumnTable } from 'arquero';
import { BenchtopError } from '../errors.ts';

/** The largest float32. */
export const FLOAT32_MAX = 3.4028234663852886e38;
const LISTED = 5;

/** Data rows (1-based) whose target value is a number that is not finite or overflows float32. */
export function unusableTargetRows(values: ArrayLike<unknown>): number[] {
	const rows: number[] = [];
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (typeof v === 'number' && !(Math.abs(v) <= FLOAT32_MAX)) rows.push(i + 1);
	}
	return rows;
}

/** Throws, naming the count and the rows, when the target has values a network cannot train on. */
export function requireTrainableTarget(table: ColumnTable, name: string): void {
	const rows = unusableTargetRows(table.array(name) as ArrayLike<unknown>);
	if (rows.length === 0) return;
	const shown = rows.slice(0, LISTED).map((r) => r.toLocaleString('en'));
	const list =
		rows.length === 1
			? `row ${shown[0]}`
			: `rows ${shown.slice(0, -1).join(', ')}${rows.length > LISTED ? `, ${shown.at(-1)} and ${(rows.length - LISTED).toLocaleString('en')} more` : ` and ${shown.at(-1)}`}`;
	throw new BenchtopError(
		'bad-input',
		`${name} has ${rows.length === 1 ? '1 value' : `${rows.length.toLocaleString('en')} values`} a model cannot learn (Infinity, NaN, or beyond ±3.4e38, the float32 range networks train in): ${list} of the data. Fix or filter out those rows before training.`
	);
}
