// What a training run is asked to do, and the choices made before any TensorFlow is loaded: the task the
// targets call for and the default split. Kept apart from run-training.ts so the data worker and the page
// can use them without bundling TF.js.
import { BenchtopError } from '../errors.ts';
import { inferTask, taskChoice, type TargetInfo, type TaskChoice } from '../models/infer-task.ts';
import type { ModelFamily, Task } from '../models/types.ts';
import { summarizeColumn } from '../prep/preview/summarize-columns.ts';
import { isNumericType } from '../table/column-kinds.ts';
import { readNumbers } from '../table/read-column.ts';
import { requireColumns } from '../table/require-columns.ts';
import type { PrepTable } from '../table/prep-table.ts';

/** What to train, as the Train page or the CLI states it. Everything but the targets has a default. */
export interface TrainingRequest {
	/** Empty for clustering. */
	targets: string[];
	task?: Task | 'auto';
	family?: ModelFamily | 'auto';
	/** A whole spec from the architecture editor; the family's default spec when absent. */
	spec?: unknown;
	/** The default recipe (shown in the record) when absent. */
	recipe?: unknown;
	/** Split settings; when absent a seeded 80/20 train/test split, stratified for classification. */
	split?: unknown;
	settings?: unknown;
	/** k-means only: the number of clusters. */
	k?: number;
}

/** The split a run uses when none is given: what `benchtop train --test-size` describes. */
export function defaultSplit(task: Task, target: string | undefined, testSize: number, seed: number) {
	const stratify = task === 'classification' && target !== undefined;
	return {
		method: stratify ? 'stratified' : 'random',
		...(stratify ? { column: target } : {}),
		train: 1 - testSize,
		validation: 0,
		test: testSize,
		seed
	};
}

/** What the task is read off for one target column: its type, distinct and present values, and whether
 * every value is a whole number. */
export function targetInfo(input: PrepTable, name: string): TargetInfo {
	const summary = summarizeColumn(input, name);
	const info: TargetInfo = { name, type: summary.type, distinct: summary.distinct };
	if (!isNumericType(summary.type)) return info;
	const values = readNumbers(input.table, name);
	let integral = true;
	for (let i = 0; i < values.length && integral; i++) {
		const x = values[i]!;
		if (x === x && !Number.isInteger(x)) integral = false;
	}
	return { ...info, integral, present: values.length - summary.missing };
}

/** The task the targets call for and the other reading the page may offer (classes or a measurement). */
export function describeTargetTask(input: PrepTable, targets: readonly string[]): TaskChoice {
	requireColumns(input, targets);
	return taskChoice(targets.map((name) => targetInfo(input, name)));
}

/** The task and why: the person's choice, or what the targets call for (counted on the data). */
export function describeTask(input: PrepTable, request: TrainingRequest): { task: Task; reason: string } {
	if (request.task && request.task !== 'auto')
		return { task: request.task, reason: `Task set to ${request.task}.` };
	requireColumns(input, request.targets);
	const inferred = inferTask(request.targets.map((name) => targetInfo(input, name)));
	if (!inferred.task) throw new BenchtopError('bad-input', inferred.reason);
	return { task: inferred.task, reason: inferred.reason };
}

export function resolveTask(input: PrepTable, request: TrainingRequest): Task {
	return describeTask(input, request).task;
}
