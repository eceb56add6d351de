// Whole numbers that differ in every row are an identifier only when they number the rows (1, 2, 3, …
// with few gaps); a measurement such as a population or a price also differs in every row, and is a
// feature. The default recipe and the quality report both ask this, and must answer alike.

/** Whether `distinct` whole numbers between `min` and `max` fill at least half of that range. */
export function numbersRows(min: number, max: number, distinct: number): boolean {
	return max - min + 1 <= 2 * distinct;
}
