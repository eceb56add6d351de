// The caps a share link is held to when it is opened. A link is hostile input until proven otherwise:
// every cap is checked before the work it bounds (length before decoding, size while inflating, rows,
// columns, layers and parameters before anything is stored or trained).

export const SHARE_LIMITS = {
	/** Characters of the fragment's payload. Links past ~64 KB are never offered; 128 KB leaves slack. */
	linkChars: 128 * 1024,
	/** Bytes the payload may inflate to: a deflate bomb stops here, mid-stream. */
	jsonBytes: 4 * 1024 * 1024,
	/** Nesting of the JSON: deeper than any real payload; keeps recursive code away from stack limits. */
	jsonDepth: 32,
	/** Rows and columns of data carried inline, and cells in all. */
	inlineRows: 5_000,
	inlineCells: 100_000,
	/** Columns a data set in a link may have (inline or "bring your own file"). */
	columns: 1_000,
	/** Characters of a name (data set, column, class, run) and of an inline text cell. */
	nameChars: 256,
	cellChars: 1_000,
	/** Hidden layers of the model (the spec schema's own limit). */
	layers: 64,
	/** Parameters the model may have: the retrain a link asks for must stay a classroom-sized job. */
	parameters: 2_000_000,
	/** Weights carried in the link (float32 numbers): bounded by the link length anyway. */
	weights: 100_000,
	/** Epoch records of the recorded run's history. */
	epochs: 10_000,
	/** Classes of a classification model. */
	classes: 1_000
} as const;

/** A link with weights is offered only below this length; above it the workspace backup is the way. */
export const WEIGHTS_LINK_BUDGET = 64 * 1024;
