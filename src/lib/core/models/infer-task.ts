// Reads the task off the chosen targets (a category → classification, a measurement → regression, none →
// clustering) with the reason in words, and spots feature columns that are the pixels of an image.
import type { ColumnType } from '../table/column-types.ts';
import type { Task } from './types.ts';

export interface TargetInfo {
	name: string;
	type: ColumnType;
	/** Distinct present values in the training rows. */
	distinct: number;
	/** Whether every present value is a whole number (a number column of 0.0 and 1.0 is, like integers). */
	integral?: boolean;
	/** Present values; with it, a handful of codes in a long column is told from a few measurements. */
	present?: number;
}

/** `task` is null when the targets cannot be learned as they are; the reason then says what to change. */
export interface InferredTask {
	task: Task | null;
	reason: string;
}

/** Whole-number targets with at most this many values are read as classes (ratings, counts of kinds). */
export const MAX_INTEGER_CLASSES = 20;
/** …when each value holds at least this many rows on average: 15 values among 30 rows are measurements. */
const MIN_ROWS_PER_CLASS = 5;

const NUMERIC: ColumnType[] = ['number', 'integer'];

export function inferTask(targets: readonly TargetInfo[]): InferredTask {
	if (targets.length === 0) {
		return { task: 'clustering', reason: 'No target column: clustering groups similar rows.' };
	}
	if (targets.length > 1) {
		const names = targets.map((t) => t.name).join(', ');
		const other = targets.find((t) => !NUMERIC.includes(t.type));
		if (other) {
			return {
				task: null,
				reason: `${other.name} is ${article(other.type)} ${other.type}: several targets can only be predicted together when all are numbers. Pick one target, or several numeric ones.`
			};
		}
		return {
			task: 'multi-output',
			reason: `${targets.length} numeric targets (${names}): multi-output regression predicts them together.`
		};
	}
	const [target] = targets as [TargetInfo];
	const { name, type, distinct } = target;
	if (distinct < 2) {
		return {
			task: null,
			reason: `${name} has ${distinct === 0 ? 'no values' : 'only one value'} in the training rows: there is nothing to learn. Pick another target.`
		};
	}
	switch (type) {
		case 'category':
		case 'text':
			return {
				task: 'classification',
				reason: `${name} is ${article(type)} ${type} with ${distinct} classes: classification.`
			};
		case 'boolean':
			return { task: 'classification', reason: `${name} is true or false: classification with 2 classes.` };
		case 'integer':
		case 'number':
			return numericTask(target);
		case 'date':
			return {
				task: null,
				reason: `${name} is a date, which a model cannot predict directly: derive a number from it (days since, year) in the recipe and use that as the target.`
			};
	}
}

/**
 * A numeric target read as scikit-learn's type_of_target reads it: two values are binary classes (0/1,
 * 1/2, −1/1), a small set of whole-number codes are classes, anything else is a measurement.
 */
function numericTask({ name, type, distinct, integral, present }: TargetInfo): InferredTask {
	const whole = type === 'integer' || integral === true;
	if (distinct === 2)
		return {
			task: 'classification',
			reason: `${name} takes only 2 values: classification with 2 classes (as scikit-learn's type_of_target reads it).`
		};
	const fewPerCode = present !== undefined && distinct * MIN_ROWS_PER_CLASS > present;
	if (whole && distinct <= MAX_INTEGER_CLASSES && !fewPerCode)
		return {
			task: 'classification',
			reason: `${name} is a whole number with only ${distinct} values: classification (at most ${MAX_INTEGER_CLASSES} values are read as classes).`
		};
	if (type === 'number') return { task: 'regression', reason: `${name} is a number: regression.` };
	return {
		task: 'regression',
		reason: fewPerCode
			? `${name} is a whole number with ${distinct} values among ${present} rows, too few rows per value to be classes: regression.`
			: `${name} is a whole number with ${distinct} values: regression.`
	};
}

export interface TaskChoice extends InferredTask {
	/** The other readings the person may switch to, each with what it means (empty when there is none). */
	alternatives: { task: Task; reason: string }[];
}

/** The inferred task plus the other reading a numeric target allows, for a page that lets the person
 * switch between classes and a measurement. */
export function taskChoice(targets: readonly TargetInfo[]): TaskChoice {
	const inferred = inferTask(targets);
	const [target] = targets;
	if (targets.length !== 1 || !target || !inferred.task || !NUMERIC.includes(target.type))
		return { ...inferred, alternatives: [] };
	if (inferred.task === 'classification')
		return {
			...inferred,
			alternatives: [
				{
					task: 'regression',
					reason: `Read ${target.name} as a measurement: predict a number, where 3 is between 2 and 4.`
				}
			]
		};
	const codes = (target.type === 'integer' || target.integral === true) && target.distinct <= 100;
	return {
		...inferred,
		alternatives: codes
			? [
					{
						task: 'classification',
						reason: `Read each of the ${target.distinct} values of ${target.name} as a class of its own (codes, not amounts).`
					}
				]
			: []
	};
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

/**
 * The image the feature columns are, or null. The naming rule: every column is `<prefix>_<row>_<col>` (one
 * channel) or every column is `<prefix>_<row>_<col>_<channel>`, with one prefix, numbers from 0, each pixel
 * present once, in row-major order with the channel last (px_0_0, px_0_1, ..., px_1_0, ...): the order a
 * flat row is reshaped to [height, width, channels] in. Digits' px_0_0..px_7_7 give [8, 8, 1]. Columns in
 * any other order, or a grid with a hole, are not an image (the pixels would land in the wrong places).
 * The prefix is the shortest that fits, so `a_1_2_3` reads as prefix a, row 1, column 2, channel 3.
 */
export function imageShapeOf(columns: readonly string[]): [number, number, number] | null {
	if (columns.length < 4) return null;
	const parsed = columns.map((column) => /^(.*?)_(\d+)_(\d+)(?:_(\d+))?$/.exec(column));
	if (parsed.some((m) => m === null)) return null;
	const matches = parsed as RegExpExecArray[];
	const prefix = matches[0]![1];
	const withChannel = matches[0]![4] !== undefined;
	if (matches.some((m) => m[1] !== prefix || (m[4] !== undefined) !== withChannel)) return null;
	const numbers = matches.map((m) => [Number(m[2]), Number(m[3]), withChannel ? Number(m[4]) : 0] as const);
	const height = Math.max(...numbers.map((n) => n[0])) + 1;
	const width = Math.max(...numbers.map((n) => n[1])) + 1;
	const channels = Math.max(...numbers.map((n) => n[2])) + 1;
	if (height < 2 || width < 2 || height * width * channels !== columns.length) return null;
	const inOrder = numbers.every(([r, c, ch], i) => (r * width + c) * channels + ch === i);
	return inOrder ? [height, width, channels] : null;
}
