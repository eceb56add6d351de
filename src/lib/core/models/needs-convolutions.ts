// Whether a run will use 2-D convolutions, before it starts: the one answer the train worker, the
// analysis worker and the CLI need to pick a backend (some lack convolutions). The family's engine answers
// when the spec or family is given; with 'auto', image-named features are what make it pick a CNN.
import { findFamily } from './families.ts';
import { imageShapeOf } from './infer-task.ts';
import type { ModelFamily } from './types.ts';

export interface ModelChoiceInput {
	/** The spec as the request holds it (not parsed yet). */
	spec?: unknown;
	family?: ModelFamily | 'auto';
	/** The feature columns (every column but the targets). */
	features: readonly string[];
}

export function runNeedsConvolutions({ spec, family, features }: ModelChoiceInput): boolean {
	const declared = (spec as { family?: unknown } | undefined)?.family;
	const chosen = typeof declared === 'string' ? declared : family !== 'auto' ? family : undefined;
	// An unknown family fails when the run parses its spec; it needs no convolutions before that.
	if (chosen !== undefined) return findFamily(chosen)?.needsConvolutions() ?? false;
	return imageShapeOf(features) !== null;
}
