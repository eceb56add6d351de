// Applies a fitted encoding to one column. One-hot: an integer 0/1 column `<col>=<level>` per kept
// category and `<col>_other` when some categories were folded; a missing value is all zeros. Ordinal:
// one integer column of codes 0…k-1 in sorted category order, folded categories get k; missing stays missing.
import type { LabelCodes } from '../../../table/read-column.ts';
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

/** Where each label of the column goes (an index into levels, OTHER, UNSEEN), decided once per label. */
function slotsOf(
	state: EncodedColumnState,
	labels: readonly string[],
	unseen: EncodeParams['unseen']
): Int32Array {
	const index = new Map(state.levels.map((level, i) => [level, i]));
	const folded = new Set(state.folded);
	return Int32Array.from(labels, (label) => {
		const i = index.get(label);
		if (i !== undefined) return i;
		if (unseen === 'other' || folded.has(label)) return OTHER;
		return UNSEEN;
	});
}

export function oneHotColumns(
	state: EncodedColumnState,
	column: LabelCodes,
	unseen: EncodeParams['unseen']
): OutputColumn[] {
	const rows = column.codes.length;
	const hasOther = state.foldedCount > 0;
	// One byte per row and output: a 0/1 column of a million rows is 1 MB, not 4, and a column of a thousand
	// categories allocates (and zeroes) a quarter of what 32-bit integers would.
	const outputs = Array.from(
		{ length: state.levels.length + (hasOther ? 1 : 0) },
		() => new Uint8Array(rows)
	);
	const slots = slotsOf(state, column.labels, unseen);
	const { codes } = column;
	const otherSlot = hasOther ? state.levels.length : -1;
	const unknownRows: number[] = [];
	for (let r = 0; r < rows; r++) {
		const code = codes[r]!;
		const slot = code < 0 ? MISSING : slots[code]!;
		if (slot >= 0) outputs[slot]![r] = 1;
		else if (slot === OTHER && otherSlot >= 0) outputs[otherSlot]![r] = 1;
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
	column: LabelCodes,
	unseen: EncodeParams['unseen']
): OutputColumn {
	const rows = column.codes.length;
	const out = new Int32Array(rows);
	const slots = slotsOf(state, column.labels, unseen);
	const gaps: number[] = [];
	for (let r = 0; r < rows; r++) {
		const code = column.codes[r]!;
		const slot = code < 0 ? MISSING : slots[code]!;
		if (slot >= 0) out[r] = slot;
		else if (slot === OTHER) out[r] = state.levels.length;
		else if (slot === MISSING || unseen === 'missing') gaps.push(r);
		else out[r] = -1; // unseen='ignore': scikit-learn's unknown_value=-1
	}
	return { name: state.name, type: 'integer', values: withGaps(out, gaps) };
}

/** Arrow keeps typed arrays as they are; nulls need a plain array. */
function withGaps(values: Int32Array | Uint8Array, gaps: number[]): ArrayLike<number | null> {
	if (gaps.length === 0) return values;
	const out: (number | null)[] = Array.from(values);
	for (const r of gaps) out[r] = null;
	return out;
}
