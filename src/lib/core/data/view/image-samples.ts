// The first few rows of an image-shaped table (pixel columns px_R_C...) as numbers, with their labels and
// the range of every pixel in the table, so a preview shades all images on one scale.
import type { ColumnTable } from 'arquero';
import { BenchtopError } from '../../errors.ts';
import { readLabels, readNumbers } from '../../table/read-column.ts';

export interface ImageSamples {
	/** One entry per row shown: its pixels in `columns` order (NaN where missing). */
	pixels: Float64Array[];
	/** The target's value per row, as text; null without a target or where it is missing. */
	labels: (string | null)[];
	/** The smallest and largest present pixel in the whole table (0 and 1 when there is none). */
	min: number;
	max: number;
}

export function imageSamples(
	table: ColumnTable,
	columns: readonly string[],
	target: string | null,
	count: number
): ImageSamples {
	const missing = [...columns, ...(target ? [target] : [])].find(
		(name) => !table.columnNames().includes(name)
	);
	if (missing !== undefined) throw new BenchtopError('bad-input', `The table has no column ${missing}.`);
	const shown = Math.max(0, Math.min(count, table.numRows()));
	const pixels = Array.from({ length: shown }, () => new Float64Array(columns.length));
	let min = Infinity;
	let max = -Infinity;
	columns.forEach((name, j) => {
		const values = readNumbers(table, name);
		for (let i = 0; i < values.length; i++) {
			const x = values[i]!;
			if (x < min) min = x;
			if (x > max) max = x;
		}
		for (let i = 0; i < shown; i++) pixels[i]![j] = values[i]!;
	});
	const labels = target ? readLabels(table, target).slice(0, shown) : new Array<null>(shown).fill(null);
	return min <= max ? { pixels, labels, min, max } : { pixels, labels, min: 0, max: 1 };
}
