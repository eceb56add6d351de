// Which column an imported table most likely asks to predict. A table always gets a proposal when it has a
// usable column: "no target" (clustering) is something the person chooses, never what a table falls into.
import { isolated } from '../phrase.ts';
import type { ColumnSchema } from '../table/column-types.ts';

export interface TargetProposal {
	/** null only when no column can be a target (an empty table, or only free text and dates). */
	column: string | null;
	/** One line for the page: why this column. */
	reason: string;
}

/** Names people give the column to predict (compared without case). */
const TARGET_NAMES = ['target', 'label', 'class', 'y', 'outcome'];
/** Endings that say the same: `species_label`, `churn_target`, `income-class`. */
const TARGET_SUFFIXES = ['target', 'label', 'class'];

function looksLikeTarget(name: string): boolean {
	const lower = name.trim().toLowerCase();
	if (TARGET_NAMES.includes(lower)) return true;
	return TARGET_SUFFIXES.some((suffix) => lower.endsWith(`_${suffix}`) || lower.endsWith(`-${suffix}`));
}

/** Free text and dates are rarely what anyone predicts; every other type can be. */
function canBeTarget(column: ColumnSchema): boolean {
	return column.type !== 'text' && column.type !== 'date';
}

/**
 * The target to propose: the sample manifest's when there is one, else a column named like a target, else
 * the last column that can be one (the usual place in published tables).
 */
export function proposeTarget(schema: ColumnSchema[], sampleTarget: string | null = null): TargetProposal {
	if (sampleTarget && schema.some((c) => c.name === sampleTarget)) {
		return {
			column: sampleTarget,
			reason: `The sample's description names ${isolated(sampleTarget)} as its target.`
		};
	}
	const named = schema.find((c) => canBeTarget(c) && looksLikeTarget(c.name));
	if (named) return { column: named.name, reason: `${isolated(named.name)} is named like a target column.` };
	const last = schema.findLast(canBeTarget);
	if (last)
		return {
			column: last.name,
			reason: `${isolated(last.name)} is the last column, where tables usually put the target.`
		};
	return { column: null, reason: 'No column can be a target: every column is free text or a date.' };
}
