// The polylines of a learning curve (the Train page's live loss, a run's curves), with at most a few
// points per pixel column. A run of 20,000 epochs without early stopping redrew all 20,000 points on every
// epoch, so the page fell further and further behind the worker (quadratic in the epochs): the queued run
// of train-recovery's test had not started three minutes after the first had trained. Each column keeps
// its lowest and highest value, in epoch order, so a spike still shows.

export interface CurveBox {
	width: number;
	height: number;
	pad: number;
}

export interface CurveLines {
	/** The smallest and largest value drawn, over both lines. */
	min: number;
	max: number;
	/** SVG `points` for each line, in the order the series were given. */
	lines: string[];
	/** x of the given epoch index, for a marker line. */
	x: (index: number) => number;
}

/** A value a curve can draw: a finite number (an epoch without validation rows has none). */
export const usable = (v: number | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Indices worth drawing among `values`: all of them when they fit in `columns`, else each column's extremes. */
export function columnExtremes(values: (number | undefined)[], columns: number): number[] {
	const drawn: number[] = [];
	const perColumn = values.length / columns;
	if (perColumn <= 2) {
		values.forEach((v, i) => usable(v) && drawn.push(i));
		return drawn;
	}
	for (let column = 0; column < columns; column++) {
		const start = Math.floor(column * perColumn);
		const end = Math.min(values.length, Math.floor((column + 1) * perColumn));
		let low = -1;
		let high = -1;
		for (let i = start; i < end; i++) {
			const v = values[i];
			if (!usable(v)) continue;
			if (low < 0 || v < values[low]!) low = i;
			if (high < 0 || v > values[high]!) high = i;
		}
		if (low < 0) continue;
		if (low === high) drawn.push(low);
		else drawn.push(Math.min(low, high), Math.max(low, high));
	}
	return drawn;
}

/** Lines for `series` (one value per epoch each) drawn in `box`, x by epoch index, y scaled to both. */
export function curveLines(series: (number | undefined)[][], box: CurveBox): CurveLines {
	let min = Infinity;
	let max = -Infinity;
	// A loop, not Math.max(...values): spreading 100,000+ values overflows the call stack.
	for (const values of series)
		for (const v of values)
			if (usable(v)) {
				if (v < min) min = v;
				if (v > max) max = v;
			}
	if (min > max) [min, max] = [0, 1];
	const length = Math.max(0, ...series.map((s) => s.length));
	const span = Math.max(1, length - 1);
	const x = (i: number) => box.pad + (i / span) * (box.width - 2 * box.pad);
	const y = (v: number) => box.height - box.pad - ((v - min) / (max - min || 1)) * (box.height - 2 * box.pad);
	const columns = Math.max(1, Math.round(box.width - 2 * box.pad));
	const lines = series.map((values) =>
		columnExtremes(values, columns)
			.map((i) => `${x(i).toFixed(1)},${y(values[i]!).toFixed(1)}`)
			.join(' ')
	);
	return { min, max, lines, x };
}
