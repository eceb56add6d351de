// Labels as small integer codes, classes numbered in order of first appearance (as sklearn's
// StratifiedKFold numbers them), so per-class work runs on typed arrays rather than strings.

export interface LabelCodes {
	/** Per row: the class number, or -1 where the label is missing. */
	codes: Int32Array;
	/** Class names, by number. */
	names: string[];
	/** Rows per class, by number. */
	counts: number[];
	missing: number;
}

export function encodeLabels(labels: readonly (string | null)[]): LabelCodes {
	const codes = new Int32Array(labels.length);
	const numbers = new Map<string, number>();
	const names: string[] = [];
	const counts: number[] = [];
	let missing = 0;
	for (let i = 0; i < labels.length; i++) {
		const label = labels[i];
		if (label === null || label === undefined) {
			codes[i] = -1;
			missing++;
			continue;
		}
		let code = numbers.get(label);
		if (code === undefined) {
			code = names.length;
			numbers.set(label, code);
			names.push(label);
			counts.push(0);
		}
		codes[i] = code;
		counts[code]!++;
	}
	return { codes, names, counts, missing };
}
