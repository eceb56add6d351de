// Keeping evaluation charts light: a curve or scatter of a million rows must not become a million SVG
// marks. Curves keep the points where they visibly move; scatters take an even, deterministic sample, so
// the same run always draws the same picture (and snapshots stay stable).

/** Vega-lite drops NaN silently but chokes on Infinity in scales; both become null. */
export function finiteOrNull(x: number): number | null {
	return Number.isFinite(x) ? x : null;
}

/**
 * Indices of curve points to draw: the first and last, and each point at least `step` away (in either
 * coordinate, both running over 0..1) from the last one kept. A 2-pixel step on a 500-pixel chart.
 */
export function thinCurve(x: ArrayLike<number>, y: ArrayLike<number>, step = 0.004): number[] {
	const n = x.length;
	if (n <= 2) return Array.from({ length: n }, (_, i) => i);
	const kept = [0];
	let lastX = x[0]!;
	let lastY = y[0]!;
	for (let i = 1; i < n - 1; i++) {
		if (Math.abs(x[i]! - lastX) >= step || Math.abs(y[i]! - lastY) >= step) {
			kept.push(i);
			lastX = x[i]!;
			lastY = y[i]!;
		}
	}
	kept.push(n - 1);
	return kept;
}

/** Up to `max` row positions spread evenly over 0..n-1, in order; all of them when n <= max. */
export function evenSample(n: number, max: number): number[] {
	if (n <= max) return Array.from({ length: n }, (_, i) => i);
	return Array.from({ length: max }, (_, i) => Math.floor((i * n) / max));
}

/** The curves of a classifier: the positive class alone for two classes, one per class (vs the rest) for more. */
export function curveClasses(classes: readonly string[]): number[] {
	return classes.length === 2 ? [1] : classes.map((_, c) => c);
}
