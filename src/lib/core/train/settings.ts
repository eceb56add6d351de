// Training settings from anywhere (a form, a saved run, a share link, the CLI): checked, defaults filled in,
// and a last look at the data before a run starts, so a doomed run is refused with words instead of a NaN.
import * as v from 'valibot';
import type { Task } from '../models/types.ts';
import { BenchtopError } from '../errors.ts';
import { describeFieldRange, type NumberField } from '../number-field.ts';
import {
	LOSSES,
	OPTIMIZERS,
	TARGET_SCALINGS,
	type LossName,
	type OptimizerName,
	type TrainSettings
} from './types.ts';

/**
 * A learning rate per optimizer, used when the settings name an optimizer but no rate. Measured on the
 * scaled sample tables (iris, wine, penguins, diabetes; 16 hidden units, batches of 32): at these rates
 * each reaches its best validation loss within 10 to 70 epochs; at a tenth of them most still improve
 * at epoch 100.
 */
export const DEFAULT_LEARNING_RATES: Record<OptimizerName, number> = {
	// Ten times Keras's 0.001: small tables give few batches per epoch, and 0.001 needs hundreds of epochs.
	adam: 0.01,
	// Adam's steps with the weights shrunk apart from them: the same pace as adam on these tables.
	adamw: 0.01,
	// With momentum 0.9; plain steps are not normalised per weight, so SGD takes a larger rate than adam.
	sgd: 0.05,
	// Like adam it divides by a running gradient scale; 0.005 matches adam's pace on these tables.
	rmsprop: 0.005
};

export const DEFAULT_TRAIN_SETTINGS: TrainSettings = {
	// An upper bound: early stopping ends most runs on small tables well before it.
	epochs: 100,
	// Keras's default: enough rows per step for a steady gradient, still several steps per epoch on 150 rows.
	batchSize: 32,
	// Adapts its step per weight, so one learning rate works across features of different scales.
	optimizer: 'adam',
	learningRate: DEFAULT_LEARNING_RATES.adam,
	// The usual momentum for SGD: smooths the steps over about ten batches.
	momentum: 0.9,
	// Enough rows to notice overfitting without taking many away from learning.
	validationFraction: 0.1,
	// Weights change what the loss means; leave it plain unless a class is rare.
	classWeights: 'none',
	earlyStopping: {
		enabled: true,
		// The validation loss is what overfitting raises first; without validation rows it falls back to 'loss'.
		monitor: 'val_loss',
		// Small tables give noisy validation losses: ten epochs lets a dip pass before giving up.
		patience: 10,
		// The model that ends the run should be the best one seen, not the one after `patience` bad epochs.
		restoreBest: true
	},
	// The project's default seed (splits use it too), so runs repeat unless the user asks otherwise.
	seed: 42
};

const defaults = DEFAULT_TRAIN_SETTINGS;
const MONITORS = ['loss', 'val_loss', 'val_accuracy', 'val_r2'] as const;

/**
 * A numeric training setting, described once: the schema below, the Train page's form (its labels, limits
 * and help) and the CLI's option checks and usage text take their limits and words from here, so they
 * cannot drift apart.
 */
export interface NumberSettingField extends NumberField {
	default: number;
}

/** Why each optimizer's default learning rate is what it is (from DEFAULT_LEARNING_RATES' measurements). */
export const LEARNING_RATE_WHY: Record<OptimizerName, string> = {
	adam: "ten times Keras's 0.001, because small tables give few batches per epoch",
	adamw: 'Adam’s, since the decay is applied apart from its steps',
	sgd: 'larger than Adam’s, because plain steps are not scaled per weight',
	rmsprop: 'matches Adam’s pace on the sample tables'
};

const BIG = Number.MAX_SAFE_INTEGER;

export const NUMBER_SETTINGS = {
	epochs: {
		name: 'Epochs',
		label: 'Epochs',
		min: 1,
		max: 100_000,
		integer: true,
		default: defaults.epochs,
		help: 'Passes over the training rows.',
		why: 'an upper bound, since early stopping ends most runs on small tables well before it',
		cliFlag: '--epochs'
	},
	batchSize: {
		name: 'Batch size',
		label: 'Batch size',
		min: 1,
		max: BIG,
		integer: true,
		default: defaults.batchSize,
		help: 'Rows per step.',
		why: "Keras's; a steady gradient, still several steps per epoch on 150 rows"
	},
	learningRate: {
		name: 'The learning rate',
		label: 'Learning rate',
		min: 0,
		max: Infinity,
		minExclusive: true,
		// Above 10 no optimizer here does anything but diverge.
		typedMax: 10,
		integer: false,
		step: 'any',
		default: defaults.learningRate,
		help: 'Size of each step; it follows the optimizer’s default until you change it.',
		why: LEARNING_RATE_WHY[defaults.optimizer]
	},
	momentum: {
		name: 'Momentum',
		label: 'Momentum',
		min: 0,
		max: 1,
		maxExclusive: true,
		integer: false,
		step: 0.05,
		default: defaults.momentum,
		help: 'How much of the last steps each SGD step keeps.',
		why: 'the usual for SGD; it smooths the steps over about ten batches'
	},
	weightDecay: {
		name: 'Weight decay',
		label: 'Weight decay',
		min: 0,
		max: 1,
		integer: false,
		step: 'any',
		// PyTorch's AdamW default: each step shrinks every weight by learningRate · 0.01 of itself.
		default: 0.01,
		help: 'AdamW: how much each step shrinks every weight, times the learning rate (0 is Adam).',
		why: 'PyTorch’s AdamW default',
		cliFlag: '--weight-decay'
	},
	huberDelta: {
		name: 'The Huber delta',
		label: 'Huber delta',
		min: 0,
		max: Infinity,
		minExclusive: true,
		// Past about 100 standardised units Huber is squared error on any table.
		typedMax: 1000,
		integer: false,
		step: 'any',
		// Keras's and PyTorch's default: squared error within one (standardised) unit of the target.
		default: 1,
		help: 'Huber loss: errors up to this size count squared, larger ones in proportion (targets are standardised).',
		why: 'Keras’s and PyTorch’s default: one standard deviation of the target',
		cliFlag: '--huber-delta'
	},
	validationFraction: {
		name: 'The validation fraction',
		label: 'Validation fraction',
		min: 0,
		max: 0.5,
		integer: false,
		step: 0.05,
		default: defaults.validationFraction,
		help: 'Share of the training rows held back to watch for overfitting (0 to 0.5); with a validation split, its rows are used instead.',
		why: 'enough rows to notice overfitting without taking many away from learning'
	},
	seed: {
		name: 'The seed',
		label: 'Seed',
		min: -BIG,
		max: BIG,
		integer: true,
		default: defaults.seed,
		help: 'Starts the weights, dropout and shuffling.',
		why: 'the project’s seed, so runs repeat unless you change it',
		cliFlag: '--seed'
	},
	patience: {
		name: 'Early stopping patience',
		// Under the "Early stopping" heading, so the field's own name is enough there.
		label: 'Patience (epochs)',
		min: 1,
		max: 100_000,
		integer: true,
		default: defaults.earlyStopping.patience,
		help: 'Epochs without improvement before stopping.',
		why: 'small tables give noisy validation losses, and ten epochs lets a dip pass'
	}
} as const satisfies Record<string, NumberSettingField>;

export type NumberSettingKey = keyof typeof NUMBER_SETTINGS;

/** "from 0 to 0.5", "above 0", "from 0 to below 1": a setting's range in the words messages use. */
export const describeSettingRange = describeFieldRange;

/** The valibot check of one numeric setting, its default filled in when missing. */
function numberSetting(field: NumberSettingField) {
	const { name, min, max } = field;
	const got = (issue: { input: unknown }) => ` (got ${String(issue.input)}).`;
	if (field.integer) {
		return v.optional(
			v.pipe(
				v.number(`${name} must be a number.`),
				v.integer((issue) => `${name} must be a whole number${got(issue)}`),
				v.minValue(min, (issue) => `${name} must be at least ${min}${got(issue)}`),
				v.maxValue(max, (issue) => `${name} must be at most ${max}${got(issue)}`)
			),
			field.default
		);
	}
	const outside = (issue: { input: unknown }) =>
		`${name} must be ${describeSettingRange(field)}${got(issue)}`;
	const inRange = (x: number) =>
		(field.minExclusive ? x > min : x >= min) && (field.maxExclusive ? x < max : x <= max);
	const number = v.number(`${name} must be a number.`);
	if (Number.isFinite(max)) {
		// The range check refuses Infinity too, in the range's words.
		return v.optional(v.pipe(number, v.check(inRange, outside)), field.default);
	}
	const finite = v.finite<number, (issue: { input: unknown }) => string>(
		(issue) => `${name} must be a finite number${got(issue)}`
	);
	return v.optional(v.pipe(number, finite, v.check(inRange, outside)), field.default);
}

const EARLY_STOPPING = v.strictObject(
	{
		enabled: v.optional(v.boolean('Early stopping “enabled” must be true or false.'), true),
		monitor: v.optional(
			v.picklist(
				MONITORS,
				(issue) => `Early stopping can watch ${MONITORS.join(', ')} (got ${String(issue.input)}).`
			),
			defaults.earlyStopping.monitor
		),
		patience: numberSetting(NUMBER_SETTINGS.patience),
		restoreBest: v.optional(v.boolean('Early stopping “restoreBest” must be true or false.'), true)
	},
	(issue) =>
		issue.expected === 'never'
			? `Early stopping has no setting “${String(issue.input)}”.`
			: `Early stopping must be an object (got ${issue.received}).`
);

const TRAIN_SETTINGS = v.pipe(
	v.strictObject(
		{
			epochs: numberSetting(NUMBER_SETTINGS.epochs),
			batchSize: numberSetting(NUMBER_SETTINGS.batchSize),
			optimizer: v.optional(
				v.picklist(
					OPTIMIZERS,
					(issue) => `The optimizer must be one of ${OPTIMIZERS.join(', ')} (got ${String(issue.input)}).`
				),
				defaults.optimizer
			),
			// No default here: it follows the optimizer (see the transform below).
			learningRate: v.optional(v.unwrap(numberSetting(NUMBER_SETTINGS.learningRate))),
			momentum: numberSetting(NUMBER_SETTINGS.momentum),
			// Absent until set, so settings saved before AdamW and Huber read back unchanged.
			weightDecay: v.optional(v.unwrap(numberSetting(NUMBER_SETTINGS.weightDecay))),
			// No default here: absent means the task's own loss (loss-choice.ts).
			loss: v.optional(
				v.picklist(
					LOSSES,
					(issue) => `The loss must be one of ${LOSSES.join(', ')} (got ${String(issue.input)}).`
				)
			),
			huberDelta: v.optional(v.unwrap(numberSetting(NUMBER_SETTINGS.huberDelta))),
			validationFraction: numberSetting(NUMBER_SETTINGS.validationFraction),
			// Absent until set, so settings saved before it read back unchanged (absent: 'standard').
			targetScaling: v.optional(
				v.picklist(
					TARGET_SCALINGS,
					(issue) =>
						`Target scaling must be one of ${TARGET_SCALINGS.join(', ')} (got ${String(issue.input)}).`
				)
			),
			classWeights: v.optional(
				v.picklist(
					['none', 'balanced'],
					(issue) => `Class weights must be “none” or “balanced” (got ${String(issue.input)}).`
				),
				defaults.classWeights
			),
			earlyStopping: v.optional(EARLY_STOPPING, {}),
			seed: numberSetting(NUMBER_SETTINGS.seed)
		},
		(issue) =>
			issue.expected === 'never'
				? `Training settings have no setting “${String(issue.input)}”.`
				: `Training settings must be an object (got ${issue.received}).`
	),
	v.transform((s): TrainSettings => ({
		...s,
		learningRate: s.learningRate ?? DEFAULT_LEARNING_RATES[s.optimizer]
	}))
);

export const trainSettingsSchema = TRAIN_SETTINGS;
export type TrainSettingsInput = v.InferInput<typeof TRAIN_SETTINGS>;

/** Settings from anywhere, checked, with defaults filled in; the message says what to fix. */
export function parseTrainSettings(value: unknown): TrainSettings {
	const parsed = v.safeParse(TRAIN_SETTINGS, value ?? {});
	if (!parsed.success) throw new BenchtopError('bad-input', parsed.issues[0]!.message);
	return parsed.output;
}

export interface TrainingSetup {
	settings: TrainSettings;
	/** Training rows (before the validation share is held back). */
	rows: number;
	task: Exclude<Task, 'clustering'>;
	/** For classification: the target column, named in messages. */
	target?: string;
	/** For classification: the distinct classes among the training rows… */
	classes?: readonly string[];
	/** …or just how many there are, when the labels are not at hand. */
	k?: number;
}

/** Everything wrong with a setup, in words; empty when training can start. */
export function findTrainingProblems(setup: TrainingSetup): string[] {
	const { settings, rows, task } = setup;
	// The settings' own limits, in the schema's words (a batch larger than the table is fine: the epoch
	// is then one batch of every row); then what only the data and the task can tell.
	const parsed = v.safeParse(TRAIN_SETTINGS, settings);
	const problems = parsed.success ? [] : [...new Set(parsed.issues.map((issue) => issue.message))];
	if (rows < 2) {
		problems.push(
			`Training needs at least 2 rows, and the training split has ${rows}: give the train split a larger share.`
		);
	}
	if (task === 'classification') {
		const k = setup.classes?.length ?? setup.k;
		const name = setup.target ?? 'The target';
		if (k !== undefined && k < 2) {
			problems.push(
				k === 1
					? `${name} has only one class in the training rows: there is nothing to tell apart.`
					: `${name} has no classes in the training rows: every target value is missing.`
			);
		}
	}
	const lossProblem = settings.loss && lossTaskProblem(settings.loss, task, setup.classes?.length ?? setup.k);
	if (lossProblem) problems.push(lossProblem);
	const monitor = settings.earlyStopping.monitor;
	if (settings.earlyStopping.enabled) {
		if (monitor === 'val_accuracy' && task !== 'classification') {
			problems.push('Early stopping can watch the validation accuracy only when classifying: watch val_r2.');
		}
		if (monitor === 'val_r2' && task === 'classification') {
			problems.push('Early stopping can watch R² only for regression: watch val_accuracy.');
		}
	}
	return problems;
}

/** Why `loss` cannot train this task (classes for the cross-entropies, two of them for binary
 * cross-entropy's one sigmoid output, numbers for the squared errors), or undefined when it can. `classes`
 * is the number of classes when known. */
export function lossTaskProblem(
	loss: LossName,
	task: TrainingSetup['task'],
	classes?: number
): string | undefined {
	const classifying = task === 'classification';
	if ((loss === 'mse' || loss === 'huber') && classifying)
		return `The ${loss === 'mse' ? 'mean squared error' : 'Huber'} loss is for numeric targets: a classifier trains on cross-entropy.`;
	if ((loss === 'cross-entropy' || loss === 'binary-cross-entropy') && !classifying)
		return `${loss === 'cross-entropy' ? 'Cross-entropy' : 'Binary cross-entropy'} is for classes: a numeric target trains on mean squared error or Huber.`;
	if (loss === 'binary-cross-entropy' && classes !== undefined && classes !== 2)
		return `Binary cross-entropy trains one sigmoid output for two classes, and the target has ${classes}: use cross-entropy.`;
	return undefined;
}

/** Throws the first problem of the setup as a BenchtopError('bad-input'). */
export function checkBeforeTraining(setup: TrainingSetup): void {
	const [first, ...rest] = findTrainingProblems(setup);
	if (first !== undefined) {
		throw new BenchtopError('bad-input', first, rest.length > 0 ? rest.join('\n') : undefined);
	}
}
