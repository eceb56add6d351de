// What only a model of table rows can do. Continue training and drift checks read a data set's columns; a
// model whose rows are pictures (an imported Teachable Machine model: a spec with imageInput) has no such
// columns and no training data to go on from, so both are refused up front, in words, rather than failing
// later on a missing column.
import { BenchtopError } from '../errors.ts';
import type { ModelSpec } from './types.ts';

export type TableOnlyAction = 'continue' | 'drift';

const ACTION_NAMES: Record<TableOnlyAction, string> = {
	continue: 'Continue training',
	drift: 'A drift check'
};

/** Why a model with `spec` cannot take table-only actions, or undefined when it can. */
export function tableOnlyReason(spec: ModelSpec): string | undefined {
	if (!('imageInput' in spec) || !spec.imageInput) return undefined;
	return 'Continue training and drift checks take rows of a table; this model’s rows are pictures (an imported image model), so neither applies to it.';
}

/** Refuses `action` for a model whose rows are pictures, naming the action. */
export function assertTableRows(spec: ModelSpec, action: TableOnlyAction): void {
	if (!('imageInput' in spec) || !spec.imageInput) return;
	throw new BenchtopError(
		'bad-input',
		`${ACTION_NAMES[action]} needs a model of table rows; this model’s rows are pictures (an imported image model).`
	);
}
