// Measures of association between two columns, over the rows where both are present: Pearson r for
// two numbers, the correlation ratio η for a number against groups, Cramér's V for two sets of groups.

/** Pearson r; `shiftX`/`shiftY` (e.g. the columns' means) are subtracted first to keep the sums exact-ish. */
export function pearson(
	x: Float64Array,
	y: Float64Array,
	shiftX = 0,
	shiftY = 0
): { r: number | null; rows: number } {
	let n = 0;
	let sx = 0;
	let sy = 0;
	let sxx = 0;
	let syy = 0;
	let sxy = 0;
	for (let i = 0; i < x.length; i++) {
		const a = x[i]! - shiftX;
		const b = y[i]! - shiftY;
		if (a !== a || b !== b) continue;
		n++;
		sx += a;
		sy += b;
		sxx += a * a;
		syy += b * b;
		sxy += a * b;
	}
	if (n < 2) return { r: null, rows: n };
	const vx = sxx - (sx * sx) / n;
	const vy = syy - (sy * sy) / n;
	// Variance below rounding noise of the sums is no variance.
	if (!(vx > 1e-12 * sxx) || !(vy > 1e-12 * syy)) return { r: null, rows: n };
	const r = (sxy - (sx * sy) / n) / Math.sqrt(vx * vy);
	return { r: Math.max(-1, Math.min(1, r)), rows: n };
}

/**
 * Correlation ratio η of `values` grouped by `groups` (codes 0..groupCount−1, negative = missing):
 * the square root of the share of the variance explained by the group means.
 */
export function correlationRatio(
	values: Float64Array,
	groups: Int32Array,
	groupCount: number,
	shift = 0
): { eta: number | null; rows: number } {
	const sums = new Float64Array(groupCount);
	const counts = new Float64Array(groupCount);
	let n = 0;
	let sum = 0;
	let squares = 0;
	for (let i = 0; i < values.length; i++) {
		const g = groups[i]!;
		const v = values[i]! - shift;
		if (g < 0 || v !== v) continue;
		sums[g]! += v;
		counts[g]!++;
		n++;
		sum += v;
		squares += v * v;
	}
	if (n < 2) return { eta: null, rows: n };
	const total = squares - (sum * sum) / n;
	if (!(total > 1e-12 * squares)) return { eta: null, rows: n };
	let between = 0;
	for (let g = 0; g < groupCount; g++) if (counts[g]! > 0) between += (sums[g]! * sums[g]!) / counts[g]!;
	between -= (sum * sum) / n;
	return { eta: Math.sqrt(Math.max(0, Math.min(1, between / total))), rows: n };
}

/** Cramér's V of two code columns (codes 0..count−1, negative = missing), without bias correction. */
export function cramersV(
	a: Int32Array,
	aCount: number,
	b: Int32Array,
	bCount: number
): { v: number | null; rows: number } {
	const table = new Float64Array(aCount * bCount);
	let n = 0;
	for (let i = 0; i < a.length; i++) {
		const x = a[i]!;
		const y = b[i]!;
		if (x < 0 || y < 0) continue;
		table[x * bCount + y]!++;
		n++;
	}
	const rowSums = new Float64Array(aCount);
	const colSums = new Float64Array(bCount);
	for (let x = 0; x < aCount; x++)
		for (let y = 0; y < bCount; y++) {
			const c = table[x * bCount + y]!;
			rowSums[x]! += c;
			colSums[y]! += c;
		}
	const rows = rowSums.filter((s) => s > 0).length;
	const cols = colSums.filter((s) => s > 0).length;
	const k = Math.min(rows, cols) - 1;
	if (n === 0 || k < 1) return { v: null, rows: n };
	let chi2 = 0;
	for (let x = 0; x < aCount; x++) {
		if (rowSums[x] === 0) continue;
		for (let y = 0; y < bCount; y++) {
			if (colSums[y] === 0) continue;
			const expected = (rowSums[x]! * colSums[y]!) / n;
			const d = table[x * bCount + y]! - expected;
			chi2 += (d * d) / expected;
		}
	}
	return { v: Math.sqrt(Math.min(1, chi2 / n / k)), rows: n };
}
