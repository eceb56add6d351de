// What a quality check reports: what it found (with the numbers), why a model cares, and the recipe
// step that would fix it, ready to append to a recipe.

export type QualityKind =
	| 'missing-heavy'
	| 'constant'
	| 'duplicate-rows'
	| 'id-like'
	| 'high-cardinality'
	| 'outliers'
	| 'class-imbalance'
	| 'leakage-suspect';

export type QualitySeverity = 'info' | 'warning' | 'problem';

/** A recipe step, `{ op, params }` as recipes store them, with a label for the button that adds it. */
export interface QualityFix {
	op: string;
	params: Record<string, unknown>;
	label: string;
}

export interface QualityFinding {
	/** Stable across runs on the same data: kind and columns. */
	id: string;
	kind: QualityKind;
	severity: QualitySeverity;
	columns: string[];
	/** What was found, with the numbers. */
	message: string;
	/** Why it matters for a model, in one sentence. */
	why: string;
	fix?: QualityFix;
}

export interface QualityOptions {
	/** The column a model will predict; defaults to the profile's target when it was profiled with one. */
	target?: string;
}
