// `benchtop tune`'s options, read and checked before any file is opened: a typo costs one line, not a search.
import { BenchtopError } from '../lib/core/errors.ts';
import { NUMBER_SETTINGS } from '../lib/core/train/settings.ts';
import { MAX_FOLDS, MIN_FOLDS } from '../lib/core/tune/folds.ts';
import { BATCH, STRATEGIES, type Strategy } from '../lib/core/tune/search.ts';
import { SELECTION_LABELS, type SelectionMetric } from '../lib/core/tune/selection.ts';
import { parseOptions } from './parse-options.ts';

export const TUNE_USAGE =
	'<file> --target <col> [--space <space.json>] [--strategy grid|random|tpe|asha] [--trials <n>] [--time <60s|2m>] [--workers <n>] [--seed <n>] [--folds <k|0>] [--metric accuracy|f1_macro|r2] [--test-size <fraction>] [--recipe <recipe.json>] [--out <dir>] [--json]';

/** Trials when neither --trials nor --time is given: enough for TPE to leave its 10 random start trials. */
export const DEFAULT_TRIALS = 20;

export interface TuneOptions {
	file: string;
	target: string;
	space?: string;
	strategy: Strategy;
	trials?: number;
	timeMs?: number;
	workers: number;
	seed: number;
	/** k-fold selection on the search rows; 0: one validation split; absent: k-fold on small tables
	 * (core/tune/selection.ts). */
	folds?: number;
	/** What trials are compared on (scikit-learn's scoring names); absent: accuracy, or R² for a regression. */
	metric?: SelectionMetric;
	testSize: number;
	recipe?: string;
	out?: string;
	json: boolean;
}

function whole(option: string, text: string, min: number, max: number): number {
	const value = /^\+?\d+$/.test(text.trim()) ? Number(text) : NaN;
	if (!Number.isSafeInteger(value) || value < min || value > max)
		throw new BenchtopError(
			'bad-input',
			`${option} must be a whole number from ${min} to ${max} (got "${text}")`
		);
	return value;
}

/** --folds: k from MIN_FOLDS to MAX_FOLDS, or 0 for one validation split. */
function parseFolds(text: string): number {
	if (text.trim() === '0') return 0;
	try {
		return whole('--folds', text, MIN_FOLDS, MAX_FOLDS);
	} catch {
		throw new BenchtopError(
			'bad-input',
			`--folds must be a whole number from ${MIN_FOLDS} to ${MAX_FOLDS} (k-fold selection), or 0 (one validation split) (got "${text}")`
		);
	}
}

/** --metric: one of the scores a search can select on; whether it fits the task is checked once the task is
 * known (core/tune/selection.ts). */
function parseMetric(text: string): SelectionMetric {
	const names = Object.keys(SELECTION_LABELS) as SelectionMetric[];
	const name = text.trim() as SelectionMetric;
	if (!names.includes(name))
		throw new BenchtopError(
			'bad-input',
			`--metric must be one of ${names.join(', ')}: accuracy or macro F1 for a classifier, R² for a regression (got "${text}")`
		);
	return name;
}

/** "90", "90s", "2m", "1.5m", "500ms" as milliseconds. */
export function parseDuration(text: string): number {
	const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(text.trim());
	const scale = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
	const ms = match ? Number(match[1]) * scale[(match[2] ?? 's') as keyof typeof scale] : NaN;
	if (!(ms > 0))
		throw new BenchtopError(
			'bad-input',
			`--time must be a duration like 60s, 2m or 90 (seconds) (got "${text}")`
		);
	return Math.round(ms);
}

export function parseTuneOptions(args: string[]): TuneOptions {
	const { values, positionals } = parseOptions('tune', args, {
		target: { type: 'string' },
		space: { type: 'string' },
		strategy: { type: 'string' },
		trials: { type: 'string' },
		time: { type: 'string' },
		workers: { type: 'string' },
		seed: { type: 'string' },
		folds: { type: 'string' },
		metric: { type: 'string' },
		'test-size': { type: 'string' },
		recipe: { type: 'string' },
		out: { type: 'string' },
		json: { type: 'boolean' }
	});
	const [file, extra] = positionals;
	if (!file) throw new BenchtopError('bad-input', `tune needs a file: benchtop tune ${TUNE_USAGE}`);
	if (extra) throw new BenchtopError('bad-input', `tune takes one file, got also ${extra}`);
	const target = values.target?.trim();
	if (!target)
		throw new BenchtopError('bad-input', 'tune needs --target <column>: the column the models predict');
	if (target.includes(','))
		throw new BenchtopError(
			'bad-input',
			'--target takes one column for tune (a search compares models on it)'
		);
	const strategy = values.strategy ?? 'tpe';
	if (!(STRATEGIES as readonly string[]).includes(strategy))
		throw new BenchtopError(
			'bad-input',
			`--strategy must be one of ${STRATEGIES.join(', ')} (got "${strategy}")`
		);
	const timeMs = values.time === undefined ? undefined : parseDuration(values.time);
	const trials =
		values.trials === undefined
			? timeMs === undefined
				? DEFAULT_TRIALS
				: undefined
			: whole('--trials', values.trials, 1, 100_000);
	let testSize = 0.2;
	if (values['test-size'] !== undefined) {
		testSize = Number(values['test-size']);
		if (!(testSize > 0 && testSize < 1))
			throw new BenchtopError(
				'bad-input',
				`--test-size must be a fraction between 0 and 1, e.g. 0.2 (got "${values['test-size']}")`
			);
	}
	if (values.out !== undefined && values.out.trim() === '')
		throw new BenchtopError('bad-input', '--out needs a folder: where the winning model is written');
	return {
		file,
		target,
		space: values.space,
		strategy: strategy as Strategy,
		trials,
		timeMs,
		workers: values.workers === undefined ? 1 : whole('--workers', values.workers, 1, BATCH),
		seed: values.seed === undefined ? NUMBER_SETTINGS.seed.default : whole('--seed', values.seed, 0, 2 ** 31),
		...(values.folds === undefined ? {} : { folds: parseFolds(values.folds) }),
		...(values.metric === undefined ? {} : { metric: parseMetric(values.metric) }),
		testSize,
		recipe: values.recipe,
		out: values.out,
		json: values.json === true
	};
}
