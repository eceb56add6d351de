/** A JSON-safe number: NaN and infinities are not JSON, so fitted states store them as null. */
export function jsonNumber(x: number): number | null {
	return Number.isFinite(x) ? x : null;
}
