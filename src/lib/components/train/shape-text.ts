// A layer's output shape in words: Keras' "(None, 8, 8, 16)" for the summary table, "8 × 8 × 16" in a row.

/** Keras style, batch first; "?" when an earlier problem leaves the shape unknown. */
export function kerasShape(shape: (number | null)[] | null): string {
	return shape === null ? '?' : `(${shape.map((d) => (d === null ? 'None' : d)).join(', ')})`;
}

/** Without the batch dimension: "64", "8 × 8 × 16"; "?" when unknown. */
export function plainShape(shape: (number | null)[] | null): string {
	return shape === null ? '?' : shape.slice(1).join(' × ');
}
