// How a table is split: the method, the three fractions and the seed. Every way a spec comes in (the UI, a
// saved project, the CLI) is checked here and gets its defaults filled.
import * as v from 'valibot';
import { BenchtopError } from '../../errors.ts';

export const SPLIT_METHODS = ['random', 'stratified', 'time', 'group'] as const;
export type SplitMethod = (typeof SPLIT_METHODS)[number];

/** Fractions are compared with this slack, so 0.7 + 0.15 + 0.15 (0.9999999999999999 in floats) is 1. */
export const FRACTION_TOLERANCE = 1e-9;

function fraction(name: string, fallback: number) {
	return v.optional(
		v.pipe(
			v.number(`The ${name} fraction must be a number.`),
			v.finite(`The ${name} fraction must be a finite number.`),
			v.minValue(0, (issue) => `The ${name} fraction must be at least 0 (got ${issue.input}).`),
			v.ltValue(1, (issue) => `The ${name} fraction must be below 1 (got ${issue.input}).`)
		),
		fallback
	);
}

const COLUMN_ROLE: Record<Exclude<SplitMethod, 'random'>, string> = {
	stratified: 'the class column to stratify by',
	time: 'the date or number column to order rows by',
	group: 'the column whose values keep rows together'
};

const SPLIT_SPEC = v.pipe(
	v.strictObject(
		{
			method: v.optional(
				v.picklist(
					SPLIT_METHODS,
					(issue) => `Split method must be one of ${SPLIT_METHODS.join(', ')} (got ${String(issue.input)}).`
				),
				'random'
			),
			train: fraction('train', 0.7),
			validation: fraction('validation', 0.15),
			test: fraction('test', 0.15),
			seed: v.optional(
				v.pipe(
					v.number('The seed must be a number.'),
					v.safeInteger((issue) => `The seed must be a whole number (got ${issue.input}).`)
				),
				42
			),
			column: v.optional(
				v.pipe(
					v.string('The split column must be a column name.'),
					v.minLength(1, 'The split column must be a column name.')
				)
			)
		},
		(issue) =>
			// The same message function is asked about unknown keys and about input that is not an object.
			issue.expected === 'never'
				? `A split spec has no setting “${String(issue.input)}”.`
				: `A split spec must be an object (got ${issue.received}).`
	),
	v.check((spec) => spec.train > 0, 'The train fraction must be above 0: a model needs rows to learn from.'),
	v.check(
		(spec) => Math.abs(spec.train + spec.validation + spec.test - 1) <= FRACTION_TOLERANCE,
		(issue) => {
			const { train, validation, test } = issue.input as { train: number; validation: number; test: number };
			const sum = Number((train + validation + test).toPrecision(12));
			return `Train, validation and test fractions must add up to 1 (got ${train} + ${validation} + ${test} = ${sum}).`;
		}
	),
	v.check(
		(spec) => spec.method === 'random' || spec.column !== undefined,
		(issue) => {
			const method = (issue.input as { method: Exclude<SplitMethod, 'random'> }).method;
			return `A ${method} split needs a column: ${COLUMN_ROLE[method]}.`;
		}
	)
);

export type SplitSpec = v.InferOutput<typeof SPLIT_SPEC>;
export type SplitSpecInput = v.InferInput<typeof SPLIT_SPEC>;
export const splitSpecSchema = SPLIT_SPEC;

/** A split spec from anywhere, checked, with defaults filled in; the message says what to fix. */
export function parseSplitSpec(value: unknown): SplitSpec {
	const parsed = v.safeParse(SPLIT_SPEC, value ?? {});
	if (!parsed.success) throw new BenchtopError('bad-input', parsed.issues[0]!.message);
	return parsed.output;
}
