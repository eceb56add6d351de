// A model brought into the studio from files: a TF.js zip Benchtop wrote (benchtop.json beside model.json
// and its weights, or k-means' centroids), or a plain TF.js Layers model (model.json + weight shards,
// zipped or as loose files). Everything is checked before any tensor is made (model-files.ts for
// Benchtop's, plain-tfjs-model.ts for plain ones); the zip itself is read with caps (capped-zip.ts).
// What comes out is a run record and its artifact, the two things a model version is saved from.
import { BenchtopError } from '../errors.ts';
import { BENCHTOP_MODEL_FILE } from '../models/benchtop-model-schema.ts';
import type { ModelArtifact } from '../models/artifact.ts';
import { MODEL_FILE } from '../models/network/files.ts';
import { parseModelSpec } from '../models/spec-schema.ts';
import type { ModelSpec, Task } from '../models/types.ts';
import { RECIPE_VERSION, type FittedRecipe, type Recipe } from '../prep/recipe/types.ts';
import { parseRecipe } from '../prep/recipe/validate-recipe.ts';
import { DEFAULT_TRAIN_SETTINGS, parseTrainSettings } from '../train/settings.ts';
import type { RunRecord } from '../train/run-record.ts';
import { arrayZipBytes, CappedZip } from './capped-zip.ts';
import { modelPrefix, readBenchtopModel, type ModelFiles, type ReadBenchtopModel } from './model-files.ts';
import { METADATA_FILE, readImageGraphModel, type ImageGraphModel } from './image-graph-model.ts';
import { readPlainTfjsModel, type PlainTfjsModel } from './plain-tfjs-model.ts';

export type ImportedModel =
	| { kind: 'benchtop'; run: RunRecord; artifact: ModelArtifact }
	| { kind: 'plain'; model: PlainTfjsModel }
	| { kind: 'image'; model: ImageGraphModel };

/** Files given by name (loose files a person picked, or a test's), read up to each cap. */
export function filesFromMap(files: ReadonlyMap<string, Uint8Array>, where: string): ModelFiles {
	return {
		where,
		has: (name) => files.has(name),
		read(name, maxBytes, needs) {
			const bytes = files.get(name)!;
			if (bytes.byteLength > maxBytes)
				throw new BenchtopError(
					'bad-input',
					`${name} is ${bytes.byteLength.toLocaleString('en')} bytes; ${needs} at most ${maxBytes.toLocaleString('en')} bytes: it is not read`
				);
			return bytes;
		}
	};
}

/** A zip's files: those beside benchtop.json, or else beside model.json (top level or one folder down). */
export function zipModelFiles(bytes: Uint8Array, label: string): ModelFiles {
	const zip = new CappedZip(arrayZipBytes(bytes), label);
	const names = zip.entries.map((entry) => entry.name);
	const prefix = modelPrefix(names, BENCHTOP_MODEL_FILE) ?? modelPrefix(names, MODEL_FILE);
	if (prefix === undefined)
		throw new BenchtopError(
			'bad-input',
			`${label} holds neither ${BENCHTOP_MODEL_FILE} nor ${MODEL_FILE}, so it is not a model (its files: ${names.slice(0, 5).join(', ') || 'none'})`
		);
	return {
		where: label,
		has: (name) => zip.find(prefix + name) !== undefined,
		read: (name, maxBytes, needs) => zip.read(zip.find(prefix + name)!, maxBytes, needs)
	};
}

/** Reads a model from its files: Benchtop's when benchtop.json is there, a plain TF.js model otherwise. */
export async function readImportedModel(files: ModelFiles): Promise<ImportedModel> {
	if (files.has(BENCHTOP_MODEL_FILE)) {
		const read = await readBenchtopModel(files);
		return { kind: 'benchtop', run: importedRunRecord(read, files.where), artifact: read.bundle.artifact };
	}
	// Teachable Machine writes metadata.json (labels, image size) beside its nested image model.
	if (files.has(METADATA_FILE)) return { kind: 'image', model: readImageGraphModel(files) };
	return { kind: 'plain', model: readPlainTfjsModel(files) };
}

/** A dropped .zip's bytes → the checked model. */
export async function readModelZip(bytes: Uint8Array, label: string): Promise<ImportedModel> {
	return readImportedModel(zipModelFiles(bytes, label));
}

const text = (value: unknown, fallback: string) =>
	typeof value === 'string' && value.length <= 500 ? value : fallback;
const number = (value: unknown, fallback: number) =>
	typeof value === 'number' && Number.isFinite(value) ? value : fallback;
const isObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/** Metrics as the studio shows them: numbers (or null) by name; anything else in the file is dropped. */
function plainMetrics(value: unknown): Record<string, number | null> | undefined {
	if (!isObject(value)) return undefined;
	const out: Record<string, number | null> = {};
	for (const [key, metric] of Object.entries(value))
		if (metric === null || (typeof metric === 'number' && Number.isFinite(metric))) out[key] = metric;
	return out;
}

function safely<T>(parse: () => T, fallback: T): T {
	try {
		return parse();
	} catch {
		return fallback;
	}
}

/**
 * The run record of an imported Benchtop model: the bundle's checked parts (task, columns, classes, spec,
 * fitted recipe) and, from benchtop.json's `run`, what the studio shows (name, metrics, lineage, settings),
 * each field kept only when it has the right type. The training history is not imported: it is not
 * checked, and an imported model is not trained further from it.
 */
export function importedRunRecord(read: ReadBenchtopModel, source: string): RunRecord {
	const { bundle, run } = read;
	const metrics = isObject(run.metrics) ? run.metrics : {};
	const validation = plainMetrics(metrics.validation);
	const test = plainMetrics(metrics.test);
	const rows = isObject(run.rows) ? run.rows : {};
	const split = isObject(run.split) ? run.split : {};
	return {
		id: text(run.id, crypto.randomUUID()),
		experimentId: text(run.experimentId, ''),
		datasetId: text(run.datasetId, ''),
		datasetHash: text(run.datasetHash, ''),
		name: text(run.name, `Imported from ${source}`),
		createdAt: text(run.createdAt, new Date().toISOString()),
		status: 'completed',
		task: bundle.task,
		targets: bundle.targets,
		...(bundle.classes ? { classes: bundle.classes } : {}),
		features: bundle.features,
		split: {
			method: 'random',
			train: number(split.train, 0),
			validation: number(split.validation, 0),
			test: number(split.test, 0),
			seed: number(split.seed, 0),
			counts: {
				train: number(rows.train, 0),
				validation: number(rows.validation, 0),
				test: number(rows.test, 0)
			},
			excludedRows: 0,
			indicesHash: text(split.indicesHash, ''),
			warnings: []
		},
		recipe: safely<Recipe>(() => parseRecipe(run.recipe), { version: RECIPE_VERSION, steps: [] }),
		fitted: bundle.fitted,
		spec: bundle.spec,
		settings: safely(() => parseTrainSettings(run.settings), DEFAULT_TRAIN_SETTINGS),
		seed: number(run.seed, 0),
		backend: { name: 'imported', reason: `imported from ${source}` },
		versions: {},
		history: [],
		bestEpoch: number(run.bestEpoch, 0),
		metrics: { ...(validation ? { validation } : {}), ...(test ? { test } : {}) },
		durationMs: number(run.durationMs, 0),
		rows: {
			train: number(rows.train, 0),
			validation: number(rows.validation, 0),
			test: number(rows.test, 0)
		},
		artifactId: null
	};
}

/** What a person says about a plain TF.js model, which carries no column names. */
export interface PlainModelAnswers {
	/** One input column name per input number, in order. */
	columns: readonly string[];
	/** Class labels in output order (classifiers); class_1 … class_k when omitted. */
	labels?: readonly string[];
	/** The predicted column's name (one per output for a regression); "prediction" when omitted. */
	targets?: readonly string[];
	/** The run's name; the file's when omitted. */
	name: string;
}

function names(
	list: readonly string[],
	want: number,
	what: string,
	fallback: (i: number) => string
): string[] {
	const clean = list.map((name) => name.trim()).filter((name) => name !== '');
	if (clean.length === 0) return Array.from({ length: want }, (_, i) => fallback(i));
	if (clean.length !== want)
		throw new BenchtopError('bad-input', `The model has ${want} ${what}; ${clean.length} names were given.`);
	const seen = new Set<string>();
	for (const name of clean) {
		if (name.length > 200)
			throw new BenchtopError('bad-input', `The name “${name.slice(0, 20)}…” is too long.`);
		if (seen.has(name)) throw new BenchtopError('bad-input', `The name “${name}” is given twice.`);
		seen.add(name);
	}
	return clean;
}

/**
 * A plain TF.js model as a run record the studio can save as a model version: its inputs are the columns
 * the person named (numbers, passed as they are: there is no fitted recipe), its outputs the labels or
 * targets named. It has no metrics and no data lineage: it was not trained here.
 */
export function plainModelRun(model: PlainTfjsModel, answers: PlainModelAnswers): RunRecord {
	if (answers.columns.map((c) => c.trim()).filter(Boolean).length === 0)
		throw new BenchtopError(
			'bad-input',
			`This TF.js model has no benchtop.json, so it does not say its input columns: name its ${model.inputs} inputs, in order.`
		);
	const columns = names(answers.columns, model.inputs, 'inputs', (i) => `x${i + 1}`);
	const classifier = model.outputActivation === 'softmax';
	const task: Task = classifier ? 'classification' : model.outputs === 1 ? 'regression' : 'multi-output';
	const classes = classifier
		? names(answers.labels ?? [], model.outputs, 'classes', (i) => `class_${i + 1}`)
		: undefined;
	const targets = classifier
		? names(answers.targets ?? [], 1, 'predicted column', () => 'label')
		: names(answers.targets ?? [], model.outputs, 'outputs', (i) =>
				model.outputs === 1 ? 'prediction' : `y${i + 1}`
			);
	for (const name of [...targets])
		if (columns.includes(name))
			throw new BenchtopError('bad-input', `“${name}” names both an input and the predicted column.`);
	const spec = safely<ModelSpec | undefined>(
		() =>
			parseModelSpec(
				model.inputShape
					? { family: 'cnn', task, layers: model.hidden, inputShape: model.inputShape }
					: {
							family: model.hidden.some((layer) => layer.type === 'dense') ? 'mlp' : 'linear',
							task,
							layers: model.hidden
						}
			),
		undefined
	);
	if (!spec)
		throw new BenchtopError('bad-input', 'The model’s layers are not ones a Benchtop network spec can hold.');
	const schema = columns.map((name) => ({ name, type: 'number' as const }));
	return importedRun({
		name: answers.name,
		task,
		targets,
		...(classes ? { classes } : {}),
		features: columns,
		schema,
		spec,
		reason: `a plain TF.js model (${model.origin})`
	});
}

/**
 * An image model (Teachable Machine's) as a run record the studio can save as a model version: each row is
 * one image (features: ["image"]), prepared as the spec's imageInput says, the classes metadata.json's
 * labels. Its spec lists no layers: the network is the artifact's (a nested MobileNet a spec cannot say).
 */
export function imageModelRun(model: ImageGraphModel, name: string): RunRecord {
	const spec = parseModelSpec({
		family: 'cnn',
		task: 'classification',
		layers: [],
		inputShape: model.inputShape,
		imageInput: model.imageInput
	});
	return importedRun({
		name,
		task: 'classification',
		targets: ['label'],
		classes: [...model.labels],
		features: ['image'],
		schema: [],
		spec,
		reason: `a Teachable Machine image model${model.tmVersion ? ` (TM ${model.tmVersion})` : ''}, ${model.origin}`
	});
}

/** An imported model's run record: no data set, no split and no metrics of its own, its recipe only the
 * input schema (nothing fitted), so "Save as model" keeps it as any trained run. */
function importedRun(run: {
	name: string;
	task: Task;
	targets: string[];
	classes?: string[];
	features: string[];
	schema: FittedRecipe['inputSchema'];
	spec: ModelSpec;
	reason: string;
}): RunRecord {
	const fitted: FittedRecipe = {
		version: RECIPE_VERSION,
		steps: [],
		inputSchema: run.schema,
		outputSchema: run.schema,
		fittedRows: 0
	};
	return {
		id: crypto.randomUUID(),
		experimentId: '',
		datasetId: '',
		datasetHash: '',
		name: run.name,
		createdAt: new Date().toISOString(),
		status: 'completed',
		task: run.task,
		targets: run.targets,
		...(run.classes ? { classes: run.classes } : {}),
		features: run.features,
		split: {
			method: 'random',
			train: 0,
			validation: 0,
			test: 0,
			seed: 0,
			counts: { train: 0, validation: 0, test: 0 },
			excludedRows: 0,
			indicesHash: '',
			warnings: []
		},
		recipe: { version: RECIPE_VERSION, steps: [] },
		fitted,
		spec: run.spec,
		settings: DEFAULT_TRAIN_SETTINGS,
		seed: 0,
		backend: { name: 'imported', reason: run.reason },
		versions: {},
		history: [],
		bestEpoch: 0,
		metrics: {},
		durationMs: 0,
		rows: { train: 0, validation: 0, test: 0 },
		artifactId: null
	};
}
