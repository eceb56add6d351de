// What a share link holds (format 1): the experiment — the data set (a sample's id, the data itself when
// small, or "bring your own file" with its columns and content hash), the target, recipe, split, model
// spec, settings and seed — the metrics it reached, and, when they fit, the trained model. Plain JSON.
// The envelope is a valibot schema; the parts Benchtop already validates (recipe, fitted recipe, spec,
// settings, split) go through their own parsers, so a link is held to exactly the rules the studio is.
import * as v from 'valibot';
import type { ColumnSchema, ColumnType } from '../table/column-types.ts';
import { COLUMN_TYPES } from '../table/column-types.ts';
import type { FittedRecipe, Recipe } from '../prep/recipe/types.ts';
import type { SplitRecord } from '../prep/split/types.ts';
import type { SplitSpec } from '../prep/split/split-spec.ts';
import type { ModelSpec, Task } from '../models/types.ts';
import { TASKS } from '../models/types.ts';
import type { EpochRecord, TrainSettings } from '../train/types.ts';
import type { WeightSpec } from '../models/model-artifact-check.ts';
import { SHARE_LIMITS as L } from './limits.ts';

/** The share format this Benchtop writes and reads. A link of another format is refused by name. */
export const SHARE_FORMAT = 1;

export type InlineValue = number | string | boolean | null;

export interface InlineColumn {
	name: string;
	type: ColumnType;
	/** One value per row; numbers for integer and number columns, true/false for boolean, text otherwise
	 * (dates as ISO 8601 text). */
	values: InlineValue[];
}

export type ShareData =
	| { kind: 'sample'; sampleId: string; name: string; hash: string }
	| { kind: 'inline'; name: string; hash: string; columns: InlineColumn[] }
	| { kind: 'file'; name: string; hash: string; rows: number; columns: ColumnSchema[] };

export type ShareWeights =
	| {
			kind: 'layers';
			/** TF.js Sequential topology, checked layer by layer against what Benchtop builds. */
			topology: unknown;
			specs: WeightSpec[];
			/** float32, little-endian, base64 (standard alphabet, padded). */
			float32: string;
	  }
	| { kind: 'kmeans'; centroids: number[][] };

/** The trained model and what its run record needs to be stored and used at once. */
export interface ShareModel {
	features: string[];
	classes?: string[];
	fitted: FittedRecipe;
	split: SplitRecord;
	/** As recorded; a value JSON cannot hold (NaN) travels as null. */
	history: ShareEpoch[];
	bestEpoch: number;
	status: 'completed' | 'early-stopping' | 'stopped' | 'diverged';
	rows: { train: number; validation: number; test: number };
	validationHeldBack?: number;
	durationMs: number;
	backend: string;
	versions: Record<string, string>;
	weights: ShareWeights;
}

export type ShareEpoch = {
	[K in keyof EpochRecord]: K extends 'epoch' ? number : EpochRecord[K] | null;
};

export type MetricValue = number | null | string[] | Record<string, Record<string, number | null>>;
export type ShareMetrics = { validation?: Record<string, MetricValue>; test?: Record<string, MetricValue> };

export interface SharePayload {
	format: typeof SHARE_FORMAT;
	/** The run's name, for the person opening the link. */
	name: string;
	data: ShareData;
	task: Task;
	targets: string[];
	recipe: Recipe;
	split: SplitSpec;
	spec: ModelSpec;
	settings: TrainSettings;
	seed: number;
	/** What the run reached, so a retrain can be compared with it. */
	metrics: ShareMetrics;
	model?: ShareModel;
}

// ---- The envelope's schema --------------------------------------------------------------------------

const text = (what: string, max: number = L.nameChars) =>
	v.pipe(
		v.string(`${what} must be text`),
		v.minLength(1, `${what} must not be empty`),
		v.maxLength(max, `${what} is longer than ${max} characters`)
	);
const whole = (what: string, max: number) =>
	v.pipe(
		v.number(`${what} must be a number`),
		v.integer(`${what} must be a whole number`),
		v.minValue(0, `${what} must not be negative`),
		v.maxValue(max, `${what} must be at most ${max.toLocaleString('en')}`)
	);
const finite = (what: string) =>
	v.pipe(v.number(`${what} must be a number`), v.finite(`${what} must be finite`));
const hash = v.pipe(
	v.string('the content hash must be text'),
	v.regex(/^[0-9a-f]{64}$/, 'the content hash must be 64 lower-case hex digits (SHA-256)')
);
const columnType = v.picklist(COLUMN_TYPES, `a column type must be one of ${COLUMN_TYPES.join(', ')}`);
const unknownField =
	(where: string) => (issue: { expected: string | null; input: unknown; received: string }) =>
		issue.expected === 'never'
			? `${where} has no field “${String(issue.input).slice(0, 40)}”`
			: `${where} must be an object (got ${issue.received})`;

const cell = v.union(
	[v.pipe(v.number(), v.finite()), v.pipe(v.string(), v.maxLength(L.cellChars)), v.boolean(), v.null()],
	`a cell must be a finite number, true/false, null or text of at most ${L.cellChars} characters`
);

const INLINE_COLUMN = v.strictObject(
	{
		name: text('a column name'),
		type: columnType,
		values: v.pipe(
			v.array(cell, 'values must be a list'),
			v.maxLength(L.inlineRows, `at most ${L.inlineRows.toLocaleString('en')} rows travel inline`)
		)
	},
	unknownField('an inline column')
);

const DATA = v.variant(
	'kind',
	[
		v.strictObject(
			{
				kind: v.literal('sample'),
				sampleId: text('the sample id', 64),
				name: text('the data set name'),
				hash
			},
			unknownField('the data reference')
		),
		v.strictObject(
			{
				kind: v.literal('inline'),
				name: text('the data set name'),
				hash,
				columns: v.pipe(
					v.array(INLINE_COLUMN, 'columns must be a list'),
					v.minLength(1, 'inline data needs at least one column'),
					v.maxLength(L.columns, `at most ${L.columns} columns`)
				)
			},
			unknownField('the inline data')
		),
		v.strictObject(
			{
				kind: v.literal('file'),
				name: text('the file name'),
				hash,
				rows: whole('rows', Number.MAX_SAFE_INTEGER),
				columns: v.pipe(
					v.array(
						v.strictObject({ name: text('a column name'), type: columnType }, unknownField('a column')),
						'columns must be a list'
					),
					v.minLength(1, 'the file needs at least one column'),
					v.maxLength(L.columns, `at most ${L.columns} columns`)
				)
			},
			unknownField('the file reference')
		)
	],
	'the data must be a sample, inline data or a file reference (kind: sample, inline or file)'
);

const EPOCH = v.strictObject(
	{
		epoch: whole('an epoch number', L.epochs * 100),
		loss: v.nullable(v.number('a loss must be a number')),
		metric: v.optional(v.nullable(v.number())),
		valLoss: v.optional(v.nullable(v.number())),
		valMetric: v.optional(v.nullable(v.number()))
	},
	unknownField('an epoch record')
);

const METRIC_VALUE = v.union(
	[
		v.nullable(v.number()),
		v.pipe(v.array(v.pipe(v.string(), v.maxLength(1000))), v.maxLength(20)),
		v.pipe(
			v.record(v.pipe(v.string(), v.maxLength(L.nameChars)), v.record(v.string(), v.nullable(v.number()))),
			v.check((r) => Object.keys(r).length <= L.columns, 'too many outputs')
		)
	],
	'a metric must be a number, null, a list of notes or per-output numbers'
);
const METRICS_OF_SPLIT = v.pipe(
	v.record(v.pipe(v.string(), v.maxLength(64)), METRIC_VALUE),
	v.check((r) => Object.keys(r).length <= 64, 'at most 64 metrics per split')
);

const SPLIT_RECORD = v.strictObject(
	{
		method: v.picklist(['random', 'stratified', 'time', 'group'], 'the split method is unknown'),
		train: finite('the train fraction'),
		validation: finite('the validation fraction'),
		test: finite('the test fraction'),
		seed: v.pipe(v.number(), v.safeInteger('the split seed must be a whole number')),
		column: v.optional(text('the split column')),
		counts: v.strictObject(
			{
				train: whole('train rows', Number.MAX_SAFE_INTEGER),
				validation: whole('validation rows', Number.MAX_SAFE_INTEGER),
				test: whole('test rows', Number.MAX_SAFE_INTEGER)
			},
			unknownField('the split counts')
		),
		excludedRows: whole('excluded rows', Number.MAX_SAFE_INTEGER),
		indicesHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/, 'the split hash must be 16 hex digits')),
		warnings: v.pipe(v.array(v.pipe(v.string(), v.maxLength(1000))), v.maxLength(20))
	},
	unknownField('the split record')
);

const WEIGHTS = v.variant(
	'kind',
	[
		v.strictObject(
			{
				kind: v.literal('layers'),
				topology: v.unknown(),
				specs: v.pipe(v.array(v.unknown(), 'the weight list must be a list'), v.maxLength(4 * L.layers + 8)),
				float32: v.pipe(
					v.string('the weights must be base64 text'),
					v.maxLength(Math.ceil((L.weights * 4) / 3) + 4, `at most ${L.weights.toLocaleString('en')} weights`)
				)
			},
			unknownField('the weights')
		),
		v.strictObject(
			{
				kind: v.literal('kmeans'),
				centroids: v.pipe(
					v.array(v.pipe(v.array(finite('a centroid coordinate')), v.maxLength(L.columns * 10))),
					v.minLength(1, 'k-means needs at least one centroid'),
					v.maxLength(100, 'at most 100 centroids')
				)
			},
			unknownField('the centroids')
		)
	],
	'the weights must be a network’s (layers) or k-means centroids (kmeans)'
);

const MODEL = v.strictObject(
	{
		features: v.pipe(v.array(text('a feature name')), v.maxLength(L.columns * 100, 'too many features')),
		classes: v.optional(
			v.pipe(v.array(v.pipe(v.string(), v.maxLength(L.nameChars))), v.maxLength(L.classes))
		),
		fitted: v.unknown(),
		split: SPLIT_RECORD,
		history: v.pipe(v.array(EPOCH), v.maxLength(L.epochs, `at most ${L.epochs} epochs of history`)),
		bestEpoch: whole('the best epoch', L.epochs * 100),
		status: v.picklist(['completed', 'early-stopping', 'stopped', 'diverged'], 'the run status is unknown'),
		rows: v.strictObject(
			{
				train: whole('train rows', Number.MAX_SAFE_INTEGER),
				validation: whole('validation rows', Number.MAX_SAFE_INTEGER),
				test: whole('test rows', Number.MAX_SAFE_INTEGER)
			},
			unknownField('the row counts')
		),
		validationHeldBack: v.optional(whole('rows held back', Number.MAX_SAFE_INTEGER)),
		durationMs: v.pipe(finite('the duration'), v.minValue(0, 'the duration must not be negative')),
		backend: text('the backend', 64),
		versions: v.pipe(
			v.record(v.pipe(v.string(), v.maxLength(64)), v.pipe(v.string(), v.maxLength(64))),
			v.check((r) => Object.keys(r).length <= 16, 'at most 16 library versions')
		),
		weights: WEIGHTS
	},
	unknownField('the model')
);

export type RawShareModel = v.InferOutput<typeof MODEL>;

/** The envelope. recipe, split, spec, settings and the fitted recipe are `unknown` here on purpose: their
 * own parsers (with their own, specific messages) check them next. */
export const SHARE_ENVELOPE = v.strictObject(
	{
		format: v.literal(SHARE_FORMAT),
		name: text('the run name'),
		data: DATA,
		task: v.picklist(TASKS, `the task must be one of ${TASKS.join(', ')}`),
		targets: v.pipe(v.array(text('a target name')), v.maxLength(64, 'at most 64 targets')),
		recipe: v.unknown(),
		split: v.unknown(),
		spec: v.unknown(),
		settings: v.unknown(),
		seed: v.pipe(v.number('the seed must be a number'), v.safeInteger('the seed must be a whole number')),
		metrics: v.strictObject(
			{ validation: v.optional(METRICS_OF_SPLIT), test: v.optional(METRICS_OF_SPLIT) },
			unknownField('the metrics')
		),
		model: v.optional(MODEL)
	},
	unknownField('the link')
);
