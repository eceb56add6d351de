// Training settings from anywhere (a form, a saved run, a share link, the CLI): checked, defaults filled in,
// and a last look at the data before a run starts, so a doomed run is refused with words instead of a NaN.
import * as v from 'valibot';
import type { Task } from '../models/types.ts';
import { BenchtopError } from '../errors.ts';
import { OPTIMIZERS, type OptimizerName, type TrainSettings } from './types.ts';

/**
 * A learning rate per optimizer, used when the settings name an optimizer but no rate. Measured on the
 * scaled sample tables (iris, wine, penguins, diabetes; 16 hidden units, batches of 32): at these rates
 * each reaches its best validation loss within 10 to 70 epochs; at a tenth of them most still improve
 * at epoch 100.
 */
export const DEFAULT_LEARNING_RATES: Record<OptimizerName, number> = {
	// Ten times Keras's 0.001: small tables give few batches per epoch, and 0.001 needs hundreds of epochs.
	adam: 0.01,
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

function wholeNumber(name: string, min: number, fallback: number, max = Number.MAX_SAFE_INTEGER) {
	return v.optional(
		v.pipe(
			v.number(`${name} must be a number.`),
			v.integer((issue) => `${name} must be a whole number (got ${issue.input}).`),
			v.minValue(min, (issue) => `${name} must be at least ${min} (got ${issue.input}).`),
			v.maxValue(max, (issue) => `${name} must be at most ${max} (got ${issue.input}).`)
		),
		fallback
	);
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
		patience: wholeNumber('Early stopping patience', 1, defaults.earlyStopping.patience),
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
			epochs: wholeNumber('Epochs', 1, defaults.epochs, 100_000),
			batchSize: wholeNumber('Batch size', 1, defaults.batchSize),
			optimizer: v.optional(
				v.picklist(
					OPTIMIZERS,
					(issue) => `The optimizer must be one of ${OPTIMIZERS.join(', ')} (got ${String(issue.input)}).`
				),
				defaults.optimizer
			),
			// No default here: it follows the optimizer (see the transform below).
			learningRate: v.optional(
				v.pipe(
					v.number('The learning rate must be a number.'),
					v.finite((issue) => `The learning rate must be a finite number (got ${issue.input}).`),
					v.gtValue(0, (issue) => `The learning rate must be above 0 (got ${issue.input}).`)
				)
			),
			momentum: v.optional(
				v.pipe(
					v.number('Momentum must be a number.'),
					v.minValue(0, (issue) => `Momentum must be from 0 to below 1 (got ${issue.input}).`),
					v.ltValue(1, (issue) => `Momentum must be from 0 to below 1 (got ${issue.input}).`)
				),
				defaults.momentum
			),
			validationFraction: v.optional(
				v.pipe(
					v.number('The validation fraction must be a number.'),
					v.minValue(0, (issue) => `The validation fraction must be from 0 to 0.5 (got ${issue.input}).`),
					v.maxValue(0.5, (issue) => `The validation fraction must be from 0 to 0.5 (got ${issue.input}).`)
				),
				defaults.validationFraction
			),
			classWeights: v.optional(
				v.picklist(
					['none', 'balanced'],
					(issue) => `Class weights must be “none” or “balanced” (got ${String(issue.input)}).`
				),
				defaults.classWeights
			),
			earlyStopping: v.optional(EARLY_STOPPING, {}),
			seed: v.optional(
				v.pipe(
					v.number('The seed must be a number.'),
					v.safeInteger((issue) => `The seed must be a whole number (got ${issue.input}).`)
				),
				defaults.seed
			)
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
	const problems: string[] = [];
	if (!Number.isInteger(settings.epochs) || settings.epochs < 1) {
		problems.push(`Epochs must be a whole number of at least 1 (got ${settings.epochs}).`);
	}
	// A batch larger than the table is fine: the epoch is one batch of every row.
	if (!Number.isInteger(settings.batchSize) || settings.batchSize < 1) {
		problems.push(`Batch size must be a whole number of at least 1 (got ${settings.batchSize}).`);
	}
	if (!Number.isFinite(settings.learningRate) || settings.learningRate <= 0) {
		problems.push(`The learning rate must be a finite number above 0 (got ${settings.learningRate}).`);
	}
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

/** Throws the first problem of the setup as a BenchtopError('bad-input'). */
export function checkBeforeTraining(setup: TrainingSetup): void {
	const [first, ...rest] = findTrainingProblems(setup);
	if (first !== undefined) {
		throw new BenchtopError('bad-input', first, rest.length > 0 ? rest.join('\n') : undefined);
	}
}
