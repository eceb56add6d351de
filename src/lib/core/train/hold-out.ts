// Validation rows taken from the training rows when none are given: a seeded share, per class when
// classifying, so a rare class is watched in proportion and never leaves training altogether.
import type { SeededRandom } from '../random/seeded-random.ts';
import type { TrainingArrays } from './training-data.ts';

export interface HeldOut {
	train: TrainingArrays;
	/** Absent when the share comes to no rows. */
	validation?: TrainingArrays;
}

export function holdOut(data: TrainingArrays, fraction: number, random: SeededRandom): HeldOut {
	if (fraction <= 0 || data.n < 2) return { train: data };
	const held = new Uint8Array(data.n);
	// By the classes, not the outputs: a sigmoid run (sigmoid-head.ts) has one output for two classes.
	const classes = Math.max(data.outputSize, data.classes.length);
	const groups = data.labels ? rowsByClass(data.labels, classes) : [range(data.n)];
	for (const rows of groups) {
		random.shuffle(rows);
		// Each class keeps at least one training row; the whole table keeps at least one too.
		const take = Math.min(Math.round(rows.length * fraction), rows.length - 1);
		for (let i = 0; i < take; i++) held[rows[i]!] = 1;
	}
	const validationRows: number[] = [];
	const trainRows: number[] = [];
	for (let i = 0; i < data.n; i++) (held[i] ? validationRows : trainRows).push(i);
	if (validationRows.length === 0) return { train: data };
	return { train: takeArrayRows(data, trainRows), validation: takeArrayRows(data, validationRows) };
}

function range(n: number): number[] {
	return Array.from({ length: n }, (_, i) => i);
}

function rowsByClass(labels: Int32Array, k: number): number[][] {
	const groups = Array.from({ length: k }, () => [] as number[]);
	for (let i = 0; i < labels.length; i++) groups[labels[i]!]!.push(i);
	return groups;
}

/** The same arrays, only the given rows, in the given order. */
export function takeArrayRows(data: TrainingArrays, rows: readonly number[]): TrainingArrays {
	const { featureCount: f, outputSize: o } = data;
	const x = new Float32Array(rows.length * f);
	const y = new Float32Array(rows.length * o);
	const labels = data.labels ? new Int32Array(rows.length) : undefined;
	rows.forEach((row, i) => {
		x.set(data.x.subarray(row * f, row * f + f), i * f);
		y.set(data.y.subarray(row * o, row * o + o), i * o);
		if (labels) labels[i] = data.labels![row]!;
	});
	return { ...data, x, y, labels, n: rows.length };
}
