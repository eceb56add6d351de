// Histogram bin edges a person can read: steps of 1, 2, 2.5 or 5 times a power of ten, whole steps
// for integers (one bin per value when they fit), and calendar steps (days, months, years) for dates.

export interface Binning {
	count: number;
	/** count + 1 ascending edges; bin k is [edges[k], edges[k + 1]), the last one closed on the right. */
	edges: number[];
}

/** Uniform bins, edges rounded to 12 significant digits so 0.1 × 3 reads 0.3. */
function uniform(start: number, step: number, count: number): Binning {
	const edges = Array.from({ length: count + 1 }, (_, k) => Number((start + k * step).toPrecision(12)));
	return { count, edges };
}

const NICE = [1, 2, 2.5, 5];
const DAY = 86_400_000;
const DAY_STEPS = [1, 2, 7, 14];
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200];

function candidates(rawStep: number, integer: boolean): number[] {
	const magnitude = 10 ** Math.floor(Math.log10(rawStep));
	const steps: number[] = [];
	for (const scale of [magnitude, magnitude * 10]) for (const m of NICE) steps.push(m * scale);
	return integer ? steps.filter((s) => s >= 1 && Number.isInteger(s)) : steps;
}

interface Fit {
	start: number;
	step: number;
	count: number;
}

function fit(min: number, max: number, step: number, integer: boolean): Fit {
	const start = Math.floor(min / step) * step;
	// Integers sit at the left edge of their bin, so the maximum needs a bin of its own.
	const count = integer
		? Math.floor((max - start) / step) + 1
		: Math.max(1, Math.ceil((max - start) / step - 1e-9));
	return { start, step, count };
}

/** Bins of whole calendar months (UTC), starting at a multiple of the step from January. */
function monthBins(min: number, max: number, months: number, maxBins: number): Binning | null {
	const first = new Date(min);
	const startMonth = Math.floor((first.getUTCFullYear() * 12 + first.getUTCMonth()) / months) * months;
	const edges = [Date.UTC(Math.floor(startMonth / 12), startMonth % 12, 1)];
	while (edges[edges.length - 1]! <= max) {
		if (edges.length > maxBins) return null;
		const m = startMonth + edges.length * months;
		edges.push(Date.UTC(Math.floor(m / 12), m % 12, 1));
	}
	return { count: edges.length - 1, edges };
}

function dateBinning(min: number, max: number, bins: number): Binning | null {
	for (const days of DAY_STEPS) {
		// Whole days need a day-aligned start; the maximum gets its own bin, as integers do.
		const b = fit(Math.floor(min / DAY), Math.floor(max / DAY), days, true);
		if (b.count <= bins) return uniform(b.start * DAY, days * DAY, b.count);
	}
	for (const months of MONTH_STEPS) {
		const b = monthBins(min, max, months, bins);
		if (b) return b;
	}
	return null;
}

export function chooseBinning(
	min: number,
	max: number,
	maxBins: number,
	kind: 'integer' | 'number' | 'date'
): Binning {
	const bins = Math.max(1, Math.floor(maxBins));
	if (!(max > min)) return uniform(min, kind === 'date' ? DAY : 1, 1);
	if (kind === 'date' && max - min >= DAY) {
		const b = dateBinning(min, max, bins);
		if (b) return b;
	}
	const span = max - min;
	const integer = kind === 'integer';
	for (const step of [...candidates(span / bins, integer), ...candidates((span / bins) * 10, integer)]) {
		const b = fit(min, max, step, integer);
		if (b.count <= bins) return uniform(b.start, b.step, b.count);
	}
	return uniform(min, span / bins, bins);
}

export function binEdge(binning: Binning, k: number): number {
	return binning.edges[k]!;
}

/** The bin of x: the last edge at or below it, clamped to the first and last bins. */
export function binIndex(binning: Binning, x: number): number {
	const edges = binning.edges;
	const last = binning.count - 1;
	// Guess from the average width (exact for uniform bins, off by one at most for calendar months),
	// then step to the right bin; no search per value.
	let k = Math.floor(((x - edges[0]!) / (edges[last + 1]! - edges[0]!)) * binning.count);
	k = k < 0 ? 0 : k > last ? last : k;
	while (k > 0 && x < edges[k]!) k--;
	while (k < last && x >= edges[k + 1]!) k++;
	return k;
}

/** The bin of every value at once (−1 where missing): one call per column rather than per value. */
export function binCodes(binning: Binning, values: Float64Array): Int32Array {
	const codes = new Int32Array(values.length);
	for (let i = 0; i < values.length; i++) {
		const x = values[i]!;
		codes[i] = x === x ? binIndex(binning, x) : -1;
	}
	return codes;
}
