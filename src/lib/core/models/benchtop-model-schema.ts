// benchtop.json, the record beside an exported model's files (input columns and types, features, classes,
// the fitted recipe, the spec, the run record): one valibot schema, used wherever the file is read, and
// messages that name the field and say what was expected. The format version is checked first, so a newer
// file is told apart from a damaged one.
import * as v from 'valibot';
import { COLUMN_TYPES, type ColumnType } from '../table/column-types.ts';
import { BenchtopError } from '../errors.ts';
import { parseTrainingProfile } from '../drift/profile-schema.ts';
import type { TrainingProfile } from '../drift/training-profile.ts';
import type { FittedRecipe } from '../prep/recipe/types.ts';
import { parseFittedRecipe } from '../prep/recipe/validate-recipe.ts';
import { parseModelSpec } from './spec-schema.ts';
import { TASKS, type ModelSpec, type Task } from './types.ts';

export const BENCHTOP_MODEL_FILE = 'benchtop.json';
export const BENCHTOP_MODEL_FORMAT = 'benchtop-model';
/** The version this code writes and reads; it changes when an older reader would misread a file. */
export const BENCHTOP_MODEL_VERSION = 1;

const names = (what: string) =>
	v.pipe(
		v.array(v.string(`each of ${what} must be text`), `must be a list of ${what}`),
		v.check((list) => new Set(list).size === list.length, `must not repeat any of ${what}`)
	);

const finite = v.pipe(v.number('must be numbers'), v.finite('must be finite numbers'));

const RECORD = v.object({
	task: v.picklist(TASKS, `must be one of ${TASKS.join(', ')}`),
	targets: names('the target columns'),
	classes: v.nullish(
		v.pipe(names('the class labels'), v.minLength(2, 'must list at least two class labels'))
	),
	features: v.pipe(
		names('the model input columns'),
		v.minLength(1, 'is empty; a model needs at least one input column')
	),
	inputSchema: v.pipe(
		v.array(
			v.object({
				name: v.string('must be text'),
				type: v.picklist(COLUMN_TYPES, `must be one of ${COLUMN_TYPES.join(', ')}`)
			}),
			'must be a list of { name, type } columns'
		)
	),
	spec: v.unknown(),
	recipe: v.unknown(),
	centroids: v.optional(
		v.pipe(
			v.array(v.array(finite, 'must be lists of numbers'), 'must be a list of centroids'),
			v.minLength(1, 'is empty; k-means needs at least one centroid')
		)
	),
	weightsSha256: v.optional(
		v.pipe(v.string('must be text'), v.regex(/^[0-9a-f]{64}$/i, 'must be 64 hexadecimal digits'))
	),
	run: v.optional(v.record(v.string(), v.unknown(), 'must be an object')),
	trainingProfile: v.optional(v.unknown())
});

/** What turns raw rows into a model's inputs and names its outputs: shared by benchtop.json and the
 * predictor's bundle (core/predict/model-bundle.ts). */
export interface ModelDescription {
	task: Task;
	/** Target columns (empty for clustering). */
	targets: string[];
	/** Class labels in output order (classification only). */
	classes?: string[];
	/** Model input columns after the recipe, in order. */
	features: string[];
	/** The raw columns the recipe was fitted on (targets included), with their types. */
	inputSchema: { name: string; type: ColumnType }[];
	spec: ModelSpec;
	fitted: FittedRecipe;
}

export interface BenchtopModelRecord extends ModelDescription {
	centroids?: number[][];
	weightsSha256?: string;
	/** The run record as written (history, metrics, settings, ...). */
	run: Record<string, unknown>;
	/** The training rows' profile for drift reports (core/drift), when the model recorded one. */
	trainingProfile?: TrainingProfile;
}

function fail(message: string, code: 'bad-input' | 'newer-version' = 'bad-input'): never {
	throw new BenchtopError(code, `${BENCHTOP_MODEL_FILE}: ${message}`);
}

function fieldPath(issue: v.BaseIssue<unknown>): string {
	return (issue.path ?? [])
		.map((item, i) => (typeof item.key === 'number' ? `[${item.key}]` : `${i ? '.' : ''}${String(item.key)}`))
		.join('');
}

/** Checks a parsed benchtop.json; throws a message naming the field and what was expected. */
export function parseBenchtopModel(json: unknown): BenchtopModelRecord {
	if (typeof json !== 'object' || json === null || Array.isArray(json))
		fail('is not an object; it is not a model benchtop train wrote');
	const value = json as Record<string, unknown>;
	if (value.format !== BENCHTOP_MODEL_FORMAT)
		fail(
			`“format” is ${JSON.stringify(value.format) ?? 'missing'}; expected "${BENCHTOP_MODEL_FORMAT}": it is not a model benchtop train wrote`
		);
	const version = value.version;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
		fail(
			`“version” is ${JSON.stringify(version) ?? 'missing'}${typeof version === 'string' ? ' (text)' : ''}; expected a whole number from 1 (this benchtop writes version ${BENCHTOP_MODEL_VERSION})`
		);
	if (version > BENCHTOP_MODEL_VERSION)
		fail(
			`format version ${version}; this benchtop reads version ${BENCHTOP_MODEL_VERSION}: update benchtop to read it`,
			'newer-version'
		);
	const result = v.safeParse(RECORD, value);
	if (!result.success) {
		const issue = result.issues[0];
		const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more problems)` : '';
		fail(`“${fieldPath(issue)}” ${issue.message}${more}`);
	}
	const record = result.output;
	const label = (field: string, parse: () => unknown) => {
		try {
			return parse();
		} catch (error) {
			fail(`“${field}”: ${(error as Error).message}`);
		}
	};
	const spec = label('spec', () => parseModelSpec(record.spec)) as ModelSpec;
	const fitted = label('recipe', () => parseFittedRecipe(record.recipe)) as FittedRecipe;
	const trainingProfile =
		record.trainingProfile === undefined
			? undefined
			: (label('trainingProfile', () => parseTrainingProfile(record.trainingProfile)) as TrainingProfile);
	// An image model (spec.imageInput: an imported Teachable Machine model) reads one picture per row, not
	// columns, so its recipe's input schema is empty; any other model reads at least one column.
	if (record.inputSchema.length === 0 && !('imageInput' in spec && spec.imageInput))
		fail('“inputSchema” is empty; a model reads at least one column');
	if (spec.task !== record.task)
		fail(`“spec.task” is ${spec.task} but “task” is ${record.task}; they must agree`);
	if (record.task === 'classification' && !record.classes)
		fail('“classes” is missing; a classifier lists its class labels');
	if (record.task !== 'clustering' && record.targets.length === 0)
		fail(`“targets” is empty; a ${record.task} model names the columns it predicts`);
	if (spec.family === 'kmeans') {
		if (!record.centroids) fail('“centroids” is missing; a k-means model stores its centroids');
		const width = record.features.length;
		const wrong = record.centroids.findIndex((c) => c.length !== width);
		if (wrong >= 0)
			fail(
				`“centroids[${wrong}]” has ${record.centroids[wrong]!.length} numbers; expected ${width}, one per feature`
			);
	}
	return {
		task: record.task,
		targets: record.targets,
		...(record.classes ? { classes: record.classes } : {}),
		features: record.features,
		inputSchema: record.inputSchema.map(({ name, type }) => ({ name, type })),
		spec,
		fitted,
		...(record.centroids ? { centroids: record.centroids } : {}),
		...(record.weightsSha256 ? { weightsSha256: record.weightsSha256.toLowerCase() } : {}),
		run: record.run ?? {},
		...(trainingProfile ? { trainingProfile } : {})
	};
}
