// A search space: for each field a tuning run may change, a range (linear or log, whole or real numbers) or
// a set of choices. Plain JSON, checked here on every way in (a file given to `benchtop tune --space`, the
// Train page's editor, a saved search), so a typo costs one sentence instead of a wasted search.
import * as v from 'valibot';
import { BenchtopError } from '../errors.ts';
import { ACTIVATIONS } from '../models/types.ts';
import { OPTIMIZERS, TARGET_SCALINGS } from '../train/types.ts';

/** Families a search may choose between: those trained from a target in epochs or in closed form. */
export const SEARCH_FAMILIES = ['linear', 'mlp', 'cnn'] as const;
export const SCALERS = ['standard', 'min-max', 'robust'] as const;
export const ENCODERS = ['one-hot', 'ordinal'] as const;
/** The numeric columns' impute strategy (categories are always filled with the most frequent value). */
export const NUMERIC_IMPUTES = ['median', 'mean'] as const;

/** The fields a space may name, what kind of value each takes, and its hard limits. */
export const SEARCH_FIELDS = {
	family: { kind: 'choice', options: SEARCH_FAMILIES, label: 'Model family' },
	layers: { kind: 'number', integer: true, min: 1, max: 8, label: 'Hidden layers' },
	units: { kind: 'number', integer: true, min: 1, max: 4096, label: 'Units per layer' },
	activation: { kind: 'choice', options: ACTIVATIONS, label: 'Activation' },
	dropout: { kind: 'number', integer: false, min: 0, max: 0.9, label: 'Dropout' },
	l2: { kind: 'number', integer: false, min: 0, max: 1, label: 'L2' },
	optimizer: { kind: 'choice', options: OPTIMIZERS, label: 'Optimizer' },
	learningRate: { kind: 'number', integer: false, min: 1e-6, max: 10, label: 'Learning rate' },
	batchSize: { kind: 'number', integer: true, min: 1, max: 65_536, label: 'Batch size' },
	epochs: { kind: 'number', integer: true, min: 1, max: 100_000, label: 'Epochs' },
	patience: { kind: 'number', integer: true, min: 1, max: 100_000, label: 'Patience' },
	targetScaling: { kind: 'choice', options: TARGET_SCALINGS, label: 'Target scaling (regression)' },
	scaler: { kind: 'choice', options: SCALERS, label: 'Scaler' },
	encoder: { kind: 'choice', options: ENCODERS, label: 'Encoder' },
	impute: { kind: 'choice', options: NUMERIC_IMPUTES, label: 'Impute (numbers)' }
} as const;

export type SearchField = keyof typeof SEARCH_FIELDS;
export const SEARCH_FIELD_NAMES = Object.keys(SEARCH_FIELDS) as SearchField[];

export interface RangeDomain {
	type: 'int' | 'real';
	low: number;
	high: number;
	/** Sample the logarithm uniformly (learning rates, L2): each decade gets the same share. */
	log: boolean;
	/** Grid search only: how many points of the range to try (whole ranges of ints with fewer take all). */
	steps: number;
}

export interface ChoiceDomain {
	type: 'choice';
	options: (string | number)[];
}

export type Domain = RangeDomain | ChoiceDomain;

export interface SearchSpace {
	params: Partial<Record<SearchField, Domain>>;
}

/** One trial's values: a value for each field of the space. */
export type TrialParams = Partial<Record<SearchField, string | number>>;

const RANGE = v.strictObject(
	{
		type: v.picklist(['int', 'real']),
		low: v.pipe(v.number('low must be a number.'), v.finite('low must be finite.')),
		high: v.pipe(v.number('high must be a number.'), v.finite('high must be finite.')),
		log: v.optional(v.boolean('log must be true or false.'), false),
		steps: v.optional(
			v.pipe(v.number(), v.integer('steps must be a whole number.'), v.minValue(1), v.maxValue(100)),
			3
		)
	},
	(issue) =>
		issue.expected === 'never'
			? `a range has low, high, log and steps (got “${String(issue.input)}”).`
			: 'a range must be an object.'
);

const CHOICE = v.strictObject(
	{
		type: v.literal('choice'),
		options: v.pipe(
			v.array(v.union([v.string(), v.number()]), 'options must be a list.'),
			v.minLength(1, 'options must list at least one value.')
		)
	},
	(issue) =>
		issue.expected === 'never'
			? `a choice has only options (got “${String(issue.input)}”).`
			: 'a choice must be an object.'
);

const SPACE = v.strictObject(
	{
		params: v.record(
			v.string(),
			v.variant('type', [RANGE, CHOICE], 'each field needs "type": "int", "real" or "choice".')
		)
	},
	(issue) =>
		issue.expected === 'never'
			? `A search space has only "params" (got “${String(issue.input)}”).`
			: 'A search space must be an object: { "params": { "learningRate": { "type": "real", … } } }.'
);

export const searchSpaceSchema = SPACE;

/** What is wrong with one field's domain, in words; null when it is usable. */
function domainProblem(field: SearchField, domain: Domain): string | null {
	const rule = SEARCH_FIELDS[field];
	if (rule.kind === 'choice') {
		if (domain.type !== 'choice') return `${field} is a choice: give "options".`;
		const allowed = rule.options as readonly (string | number)[];
		const bad = domain.options.find((o) => !allowed.includes(o));
		return bad === undefined ? null : `${field} cannot be “${bad}” (one of ${allowed.join(', ')}).`;
	}
	if (domain.type === 'choice') {
		const bad = domain.options.find(
			(o) => typeof o !== 'number' || o < rule.min || o > rule.max || (rule.integer && !Number.isInteger(o))
		);
		return bad === undefined
			? null
			: `${field} options must be ${rule.integer ? 'whole ' : ''}numbers from ${rule.min} to ${rule.max} (got ${bad}).`;
	}
	if (rule.integer && domain.type !== 'int') return `${field} takes whole numbers: use "type": "int".`;
	if (domain.low > domain.high) return `${field}: low (${domain.low}) is above high (${domain.high}).`;
	if (domain.low < rule.min || domain.high > rule.max)
		return `${field} must stay from ${rule.min} to ${rule.max} (got ${domain.low} to ${domain.high}).`;
	if (domain.log && domain.low <= 0) return `${field}: a log range needs low above 0 (got ${domain.low}).`;
	return null;
}

/** A space from JSON, checked field by field; the message names the field and what to fix. */
export function parseSearchSpace(value: unknown): SearchSpace {
	const parsed = v.safeParse(SPACE, value);
	if (!parsed.success) {
		const issue = parsed.issues[0]!;
		const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
		throw new BenchtopError('bad-input', `Search space${path ? ` (${path})` : ''}: ${issue.message}`);
	}
	const params: SearchSpace['params'] = {};
	for (const [name, domain] of Object.entries(parsed.output.params)) {
		if (!(name in SEARCH_FIELDS))
			throw new BenchtopError(
				'bad-input',
				`Search space: no field “${name}” (fields: ${SEARCH_FIELD_NAMES.join(', ')}).`
			);
		const problem = domainProblem(name as SearchField, domain as Domain);
		if (problem) throw new BenchtopError('bad-input', `Search space: ${problem}`);
		params[name as SearchField] = domain as Domain;
	}
	if (Object.keys(params).length === 0)
		throw new BenchtopError('bad-input', 'Search space: name at least one field to search over.');
	return { params };
}

/** The fields of a space in a fixed order (SEARCH_FIELDS'), so sampling draws in the same order everywhere. */
export function spaceFields(space: SearchSpace): SearchField[] {
	return SEARCH_FIELD_NAMES.filter((name) => space.params[name] !== undefined);
}
