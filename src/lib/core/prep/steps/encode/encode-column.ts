// Applies a fitted encoding to one column. One-hot: an integer 0/1 column `<col>=<level>` per kept
// category and `<col>_other` when some categories were folded; a missing value is all zeros. Ordinal:
// one integer column of codes 0…k-1 in sorted category order, folded categories get k; missing stays missing.
import type { OutputColumn } from '../../../table/rebuild-table.ts';
import type { EncodeParams } from './params.ts';

export interface EncodedColumnState {
	name: string;
	/** Categories with their own output, in output order. */
	levels: string[];
	/** How many training categories share “other” (its column exists when this is above 0). */
	foldedCount: number;
	/** Those categories, kept only when apply must tell them from unseen ones (unseen is not “other”). */
	folded: string[];
}

/** Where a label goes: an index into levels, OTHER, UNSEEN, or MISSING. */
const OTHER = -1;
const UNSEEN = -2;
const MISSING = -3;

function classify(state: EncodedColumnState, unseen: EncodeParams['unseen']) {
	const index = new Map(state.levels.map((level, i) => [level, i]));
	const folded = new Set(state.folded);
	return (label: string | null): number => {
		if (label === null) return MISSING;
		const i = index.get(label);
		if (i !== undefined) return i;
		if (unseen === 'other' || folded.has(label)) return OTHER;
		return UNSEEN;
	};
}

export function oneHotColumns(
	state: EncodedColumnState,
	labels: readonly (string | null)[],
	unseen: EncodeParams['unseen']
): OutputColumn[] {
	const rows = labels.length;
	const hasOther = state.foldedCount > 0;
	const outputs = Array.from(
		{ length: state.levels.length + (hasOther ? 1 : 0) },
		() => new Int32Array(rows)
	);
	const where = classify(state, unseen);
	const unknownRows: number[] = [];
	for (let r = 0; r < rows; r++) {
		const slot = where(labels[r]!);
		if (slot >= 0) outputs[slot]![r] = 1;
		else if (slot === OTHER && hasOther) outputs[state.levels.length]![r] = 1;
		// Unseen with unseen='missing' leaves the whole row missing; unseen with 'ignore', an unseen value
		// sent to 'other' when there is no other column, and missing values, are all zeros.
		else if (slot === UNSEEN && unseen === 'missing') unknownRows.push(r);
	}
	const names = state.levels.map((level) => `${state.name}=${level}`);
	if (hasOther) names.push(`${state.name}_other`);
	return outputs.map((values, k) => ({
		name: names[k]!,
		type: 'integer',
		values: withGaps(values, unknownRows)
	}));
}

export function ordinalColumn(
	state: EncodedColumnState,
	labels: readonly (string | null)[],
	unseen: EncodeParams['unseen']
): OutputColumn {
	const rows = labels.length;
	const codes = new Int32Array(rows);
	const where = classify(state, unseen);
	const gaps: number[] = [];
	for (let r = 0; r < rows; r++) {
		const slot = where(labels[r]!);
		if (slot >= 0) codes[r] = slot;
		else if (slot === OTHER) codes[r] = state.levels.length;
		else if (slot === MISSING || unseen === 'missing') gaps.push(r);
		else codes[r] = -1; // unseen='ignore': scikit-learn's unknown_value=-1
	}
	return { name: state.name, type: 'integer', values: withGaps(codes, gaps) };
}

/** Arrow keeps typed arrays as they are; nulls need a plain array. */
function withGaps(values: Int32Array, gaps: number[]): ArrayLike<number | null> {
	if (gaps.length === 0) return values;
	const out: (number | null)[] = Array.from(values);
	for (const r of gaps) out[r] = null;
	return out;
}
