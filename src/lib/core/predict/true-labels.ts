// The true classes of evaluated rows as indices into the model's class list. A label the model never saw
// cannot be scored against its outputs: such rows (and rows without a label) are left out of the metrics
// and counted, so a person sees how many and which labels, instead of the evaluation failing.
import { readLabels } from '../table/read-column.ts';
import type { PrepTable } from '../table/prep-table.ts';

export interface TrueLabels {
	/** Class index per row, -1 where the row is left out. */
	codes: Int32Array;
	/** Rows whose label is not one of the model's classes, per label. */
	unseen: Record<string, number>;
	/** Rows without a label. */
	missing: number;
}

export function trueLabels(prepared: PrepTable, target: string, classes: readonly string[]): TrueLabels {
	const raw = readLabels(prepared.table, target);
	const index = new Map(classes.map((c, i) => [c, i]));
	const codes = new Int32Array(raw.length);
	const unseen: Record<string, number> = Object.create(null);
	let missing = 0;
	raw.forEach((label, i) => {
		if (label === null) {
			missing++;
			codes[i] = -1;
			return;
		}
		const code = index.get(label);
		if (code === undefined) unseen[label] = (unseen[label] ?? 0) + 1;
		codes[i] = code ?? -1;
	});
	return { codes, unseen: { ...unseen }, missing };
}

/** "2 rows with labels the model never saw (3 × “hybrid”) were left out of the metrics." */
export function describeLeftOut(labels: TrueLabels, consequence = 'left out of the metrics'): string[] {
	const notes: string[] = [];
	const entries = Object.entries(labels.unseen);
	const count = entries.reduce((sum, [, n]) => sum + n, 0);
	if (count > 0) {
		const list = entries.map(([label, n]) => `${n} × “${label}”`).join(', ');
		notes.push(
			`${count} ${count === 1 ? 'row has a label' : 'rows have labels'} the model never saw (${list}), ${consequence}.`
		);
	}
	if (labels.missing > 0)
		notes.push(
			`${labels.missing} ${labels.missing === 1 ? 'row has' : 'rows have'} no label, ${consequence}.`
		);
	return notes;
}
