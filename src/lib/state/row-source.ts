// Where a table view gets its rows: only the ones in sight, fetched from the data worker, so a
// million-row data set never has to be read into the page.

export interface RowSource {
	/** Rows in the data set. */
	count: number;
	/** The rows at these indices (file order), each as values in schema order. */
	fetch(indices: Uint32Array): Promise<unknown[][]>;
}
