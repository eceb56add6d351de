// Numbers back into a table column, with missing values as nulls.

/** Numbers as a table column: a Float64Array when nothing is missing, otherwise nulls mark the gaps (Arrow
 * stores them as nulls, not NaN). */
export function numberColumn(values: Float64Array): ArrayLike<number | null> {
	let i = 0;
	while (i < values.length && values[i] === values[i]) i++;
	if (i === values.length) return values;
	// A plain loop into a sized array: Array.from with a mapper is several times slower on a million rows.
	const out = new Array<number | null>(values.length);
	for (let j = 0; j < values.length; j++) {
		const x = values[j]!;
		out[j] = x === x ? x : null;
	}
	return out;
}
