// `benchtop train`'s options, read and checked before any file is opened, so a typo costs a one-line
// message instead of a training run.
import { BenchtopError } from '../lib/core/errors.ts';
import { requireFamily } from '../lib/core/models/families.ts';
import { LIMITS } from '../lib/core/models/spec-schema.ts';
import { FAMILIES, type ModelFamily } from '../lib/core/models/types.ts';
import { cliUsage } from '../lib/core/number-field.ts';
import { NUMBER_SETTINGS, parseTrainSettings } from '../lib/core/train/settings.ts';
import { LOSSES, OPTIMIZERS, type LossName, type OptimizerName } from '../lib/core/train/types.ts';
import { parseOptions } from './parse-options.ts';
import { parseThreads } from './train-threads.ts';

export const TRAIN_TASKS = ['auto', 'classification', 'regression', 'clustering'] as const;
export type TrainTaskOption = (typeof TRAIN_TASKS)[number];
export const TRAIN_MODELS = ['auto', ...FAMILIES] as const;

// The training settings the CLI sets are the ones whose core description names a flag.
export const TRAIN_USAGE = `<file> --target <col>[,<col>...] --out <dir> [--task ${TRAIN_TASKS.join('|')}] [--model ${TRAIN_MODELS.join('|')}] [--k <n>] [--recipe <recipe.json>] [--optimizer ${OPTIMIZERS.join('|')}] [--loss ${LOSSES.join('|')}] ${cliUsage(Object.values(NUMBER_SETTINGS))} [--test-size <fraction>] [--init <model-dir-or-zip> [--refit-recipe]] [--threads <n>] [--json]`;

export interface TrainOptions {
	file: string;
	/** Empty when clustering without a column to leave out. */
	targets: string[];
	out: string;
	task: TrainTaskOption;
	model: ModelFamily | 'auto';
	k?: number;
	recipe?: string;
	epochs?: number;
	seed: number;
	testSize: number;
	json: boolean;
	/** A saved model to train further (its folder or .zip); --epochs then counts the epochs added. */
	init?: string;
	/** With --init: fit the model's recipe again on the new training rows instead of keeping it. */
	refitRecipe: boolean;
	/** Training settings beyond epochs and seed, only those given (the studio's defaults otherwise). */
	optimizer?: OptimizerName;
	weightDecay?: number;
	loss?: LossName;
	huberDelta?: number;
	/** --threads: the fused dense engine's threads (train-threads.ts); absent: min(cores, 4). */
	threads?: number;
}

/** A decimal setting: a number, then the core's range check in its own words. */
function decimalSetting(option: string, text: string, key: 'weightDecay' | 'huberDelta'): number {
	const value = text.trim() === '' ? NaN : Number(text);
	if (Number.isNaN(value)) throw new BenchtopError('bad-input', `${option} must be a number (got "${text}")`);
	parseTrainSettings({ [key]: value });
	return value;
}

function wholeNumber(option: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
	// Number('') is 0 and Number('1e3') is 1000: only plain (optionally signed) digits are a whole number here.
	const value = /^[+-]?\d+$/.test(text.trim()) ? Number(text) : NaN;
	if (!Number.isSafeInteger(value))
		throw new BenchtopError('bad-input', `${option} must be a whole number (got "${text}")`);
	if (value < min || value > max)
		throw new BenchtopError(
			'bad-input',
			`${option} must be ${max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`} (got ${value})`
		);
	return value;
}

function oneOf<T extends string>(option: string, text: string, choices: readonly T[]): T {
	if (!(choices as readonly string[]).includes(text))
		throw new BenchtopError('bad-input', `${option} must be one of ${choices.join(', ')} (got "${text}")`);
	return text as T;
}

export function parseTrainOptions(args: string[]): TrainOptions {
	const { values, positionals } = parseOptions('train', args, {
		target: { type: 'string' },
		out: { type: 'string' },
		task: { type: 'string' },
		model: { type: 'string' },
		k: { type: 'string' },
		recipe: { type: 'string' },
		epochs: { type: 'string' },
		seed: { type: 'string' },
		'test-size': { type: 'string' },
		json: { type: 'boolean' },
		init: { type: 'string' },
		'refit-recipe': { type: 'boolean' },
		optimizer: { type: 'string' },
		loss: { type: 'string' },
		'weight-decay': { type: 'string' },
		'huber-delta': { type: 'string' },
		threads: { type: 'string' }
	});
	const [file, extra] = positionals;
	if (!file) throw new BenchtopError('bad-input', `train needs a file: benchtop train ${TRAIN_USAGE}`);
	if (extra) throw new BenchtopError('bad-input', `train takes one file, got also ${extra}`);
	if (values.out === undefined || values.out.trim() === '')
		throw new BenchtopError('bad-input', 'train needs --out <dir>: the folder the model files go to');

	const targets = (values.target ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
	if (values.target !== undefined && targets.length === 0)
		throw new BenchtopError('bad-input', '--target needs a column name (several: --target a,b,c)');
	const init = values.init;
	if (init !== undefined) {
		if (init.trim() === '') throw new BenchtopError('bad-input', '--init needs a model folder or .zip');
		// The saved model settles these: they cannot be chosen again for it.
		for (const flag of ['model', 'k', 'recipe', 'task', 'optimizer', 'loss'] as const)
			if (values[flag] !== undefined)
				throw new BenchtopError(
					'bad-input',
					`--${flag} cannot be used with --init: the saved model's own ${flag === 'k' ? 'clusters' : flag} are continued`
				);
	} else if (values['refit-recipe'])
		throw new BenchtopError('bad-input', '--refit-recipe goes with --init <model-dir-or-zip>');
	const task = oneOf('--task', values.task ?? 'auto', TRAIN_TASKS);
	const model = oneOf('--model', values.model ?? 'auto', TRAIN_MODELS);
	if (targets.length === 0 && task !== 'auto' && task !== 'clustering')
		throw new BenchtopError('bad-input', `--task ${task} needs --target <column>: the column to predict`);
	const clustering = task === 'clustering' || (task === 'auto' && targets.length === 0);
	// Whether the chosen family groups rows without a target: its engine's tasks say.
	const clusters = model !== 'auto' && requireFamily(model).tasks.includes('clustering');
	if (clustering && model !== 'auto' && !clusters)
		throw new BenchtopError(
			'bad-input',
			`--model ${model} learns from a target: give --target <column>, or cluster with --model kmeans`
		);
	if (!clustering && clusters)
		throw new BenchtopError(
			'bad-input',
			`--model ${model} clusters rows without a target: add --task clustering`
		);
	const k = values.k === undefined ? undefined : wholeNumber('--k', values.k, LIMITS.k[0], LIMITS.k[1]);
	if (k !== undefined && !clustering)
		throw new BenchtopError('bad-input', '--k is the number of clusters for k-means: add --task clustering');

	const optimizer =
		values.optimizer === undefined ? undefined : oneOf('--optimizer', values.optimizer, OPTIMIZERS);
	const loss = values.loss === undefined ? undefined : oneOf('--loss', values.loss, LOSSES);
	if ((optimizer !== undefined || loss !== undefined) && clustering)
		throw new BenchtopError('bad-input', '--optimizer and --loss train networks: k-means has neither');
	if (values['weight-decay'] !== undefined && optimizer !== 'adamw')
		throw new BenchtopError('bad-input', '--weight-decay is AdamW’s: add --optimizer adamw');
	if (values['huber-delta'] !== undefined && loss !== 'huber')
		throw new BenchtopError('bad-input', '--huber-delta is the Huber loss’s: add --loss huber');

	let testSize = 0.2;
	if (values['test-size'] !== undefined) {
		const text = values['test-size'];
		testSize = text.trim() === '' ? NaN : Number(text);
		if (!(testSize > 0 && testSize < 1))
			throw new BenchtopError(
				'bad-input',
				`--test-size must be a fraction between 0 and 1, e.g. 0.2 (got "${text}")`
			);
	}

	return {
		file,
		targets,
		out: values.out,
		task,
		model,
		k,
		recipe: values.recipe,
		epochs:
			values.epochs === undefined
				? undefined
				: // With --init, the epochs added: 0 keeps the saved weights (scored on this file's test rows).
					wholeNumber(
						'--epochs',
						values.epochs,
						init === undefined ? NUMBER_SETTINGS.epochs.min : 0,
						NUMBER_SETTINGS.epochs.max
					),
		// The studio's default seed, unless one is given.
		seed: values.seed === undefined ? NUMBER_SETTINGS.seed.default : wholeNumber('--seed', values.seed, 0),
		testSize,
		json: values.json === true,
		...(init !== undefined ? { init } : {}),
		refitRecipe: values['refit-recipe'] === true,
		...(optimizer ? { optimizer } : {}),
		...(values['weight-decay'] !== undefined
			? { weightDecay: decimalSetting('--weight-decay', values['weight-decay'], 'weightDecay') }
			: {}),
		...(loss ? { loss } : {}),
		...(values['huber-delta'] !== undefined
			? { huberDelta: decimalSetting('--huber-delta', values['huber-delta'], 'huberDelta') }
			: {}),
		...(values.threads !== undefined ? { threads: parseThreads(values.threads) } : {})
	};
}

/** The training settings the options choose beyond epochs and seed, for the run's settings. */
export function trainingChoices(
	options: Pick<TrainOptions, 'optimizer' | 'weightDecay' | 'loss' | 'huberDelta'>
): Partial<Pick<TrainOptions, 'optimizer' | 'weightDecay' | 'loss' | 'huberDelta'>> {
	const { optimizer, weightDecay, loss, huberDelta } = options;
	return {
		...(optimizer !== undefined ? { optimizer } : {}),
		...(weightDecay !== undefined ? { weightDecay } : {}),
		...(loss !== undefined ? { loss } : {}),
		...(huberDelta !== undefined ? { huberDelta } : {})
	};
}
