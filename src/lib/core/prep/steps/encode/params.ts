// The encode step's parameters. maxLevels is capped at 1000 so that a column with a hundred thousand
// categories can never become a hundred thousand columns.
import * as v from 'valibot';

export const MAX_LEVELS_LIMIT = 1000;

export const ENCODE_PARAMS = v.object({
	columns: v.pipe(v.array(v.string()), v.minLength(1, 'Choose at least one column to encode.')),
	method: v.optional(
		v.picklist(['one-hot', 'ordinal'], 'The method must be “one-hot” or “ordinal”.'),
		'one-hot'
	),
	maxLevels: v.optional(
		v.pipe(
			v.number('maxLevels must be a number.'),
			v.integer('maxLevels must be a whole number.'),
			v.minValue(1, 'maxLevels must be at least 1.'),
			v.maxValue(
				MAX_LEVELS_LIMIT,
				`maxLevels is at most ${MAX_LEVELS_LIMIT}: more columns than that teach a model little and slow everything down; rarer categories share one “other” column.`
			)
		),
		20
	),
	/** What a category never seen in training becomes: see the encode step's fields for the words. */
	unseen: v.optional(
		v.picklist(['other', 'ignore', 'missing'], 'unseen must be “other”, “ignore” or “missing”.'),
		'other'
	)
});

export type EncodeParams = v.InferOutput<typeof ENCODE_PARAMS>;
