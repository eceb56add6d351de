// The second half of opening a link: the parsed JSON checked against the envelope schema, then each part
// through the parser the studio itself uses, then the caps and the cross-checks (the target is a column,
// inline columns are equally long and hold values of their type, the weights fit the topology and the
// spec's size). Nothing is stored or run until this returns.
import * as v from 'valibot';
import { BenchtopError } from '../errors.ts';
import { parseModelSpec } from '../models/spec-schema.ts';
import { summarizeNetwork } from '../models/summary.ts';
import {
	checkWeightBytes,
	checkWeightSpecs,
	expectedWeights,
	networkInterface
} from '../models/model-artifact-check.ts';
import { parseFittedRecipe, parseRecipe } from '../prep/recipe/validate-recipe.ts';
import { parseSplitSpec } from '../prep/split/split-spec.ts';
import { parseTrainSettings } from '../train/settings.ts';
import { findSample } from '../data/sample-manifest.ts';
import { isNumericType } from '../table/column-kinds.ts';
import { fromBase64 } from './base64url.ts';
import { SHARE_LIMITS as L } from './limits.ts';
import {
	SHARE_ENVELOPE,
	type InlineColumn,
	type RawShareModel,
	type ShareData,
	type ShareModel,
	type SharePayload
} from './payload.ts';
import { refuse } from './refusal.ts';

/** Runs one of the studio's parsers on a part of the link; its message is kept, with the part named. */
function part<T>(what: string, parse: () => T): T {
	try {
		return parse();
	} catch (error) {
		if (error instanceof BenchtopError) refuse('invalid', `In the link's ${what}: ${error.message}`);
		throw error;
	}
}

function pathOf(issue: v.BaseIssue<unknown>): string {
	const keys = (issue.path ?? []).map((item) => item.key);
	return keys
		.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key).slice(0, 40)}`))
		.join('')
		.replace(/^\./, '');
}

export function dataColumns(data: ShareData): { name: string; type: string }[] {
	return data.kind === 'sample' ? [] : data.columns;
}

function checkInline(columns: InlineColumn[]): void {
	const rows = columns[0]!.values.length;
	if (rows === 0) refuse('invalid', 'The link\u2019s inline data has no rows.');
	const names = new Set<string>();
	for (const column of columns) {
		if (names.has(column.name))
			refuse('invalid', `The link's inline data has the column “${column.name}” twice.`);
		names.add(column.name);
		if (column.values.length !== rows)
			refuse(
				'invalid',
				`The link's inline column “${column.name}” has ${column.values.length} values; the first column has ${rows}.`
			);
		const wanted = isNumericType(column.type) ? 'number' : column.type === 'boolean' ? 'boolean' : 'string';
		const wrong = column.values.findIndex((value) => value !== null && typeof value !== wanted);
		if (wrong >= 0)
			refuse(
				'invalid',
				`The link's inline column “${column.name}” (${column.type}) holds a ${typeof column.values[wrong]} in row ${wrong + 1}.`
			);
		if (column.type === 'integer' && column.values.some((x) => typeof x === 'number' && !Number.isInteger(x)))
			refuse('invalid', `The link's inline column “${column.name}” is integer but holds a fraction.`);
	}
	if (rows * columns.length > L.inlineCells)
		refuse(
			'over-limit',
			`The link's inline data has ${(rows * columns.length).toLocaleString('en')} cells; a link carries at most ${L.inlineCells.toLocaleString('en')}.`
		);
}

function checkModel(
	model: RawShareModel,
	payload: Pick<SharePayload, 'task' | 'targets' | 'spec'>
): ShareModel {
	const fitted = part('fitted recipe', () => parseFittedRecipe(model.fitted));
	if (payload.task === 'classification' && (!model.classes || model.classes.length < 2))
		refuse('invalid', 'The link\u2019s classification model names fewer than two classes.');
	const weights = model.weights;
	if (weights.kind === 'kmeans') {
		if (payload.spec.family !== 'kmeans')
			refuse('invalid', 'The link holds k-means centroids for a network.');
		if (weights.centroids.some((c) => c.length !== model.features.length))
			refuse(
				'invalid',
				`The link's centroids do not have one coordinate per feature (${model.features.length}).`
			);
		return { ...model, fitted, weights };
	}
	if (payload.spec.family === 'kmeans')
		refuse('invalid', 'The link holds network weights for a k-means model.');
	const network = networkInterface({
		task: payload.task,
		targets: payload.targets,
		classes: model.classes,
		features: model.features
	});
	const specs = part('weights', () =>
		checkWeightSpecs(weights.specs, expectedWeights(weights.topology, network))
	);
	const bytes = part('weights', () => {
		try {
			return fromBase64(weights.float32);
		} catch (error) {
			throw new BenchtopError('bad-input', error instanceof Error ? error.message : String(error));
		}
	});
	if (bytes.byteLength / 4 > L.weights)
		refuse(
			'over-limit',
			`The link carries ${bytes.byteLength / 4} weights; at most ${L.weights} travel in a link.`
		);
	part('weights', () => checkWeightBytes(bytes, specs, 'the weights'));
	return { ...model, fitted, weights: { ...weights, specs } };
}

/** Parameters the spec's network would have, worked out by formula; refused above the cap. */
function checkSize(payload: SharePayload, inputs: number): void {
	const spec = payload.spec;
	if (spec.family === 'kmeans') return;
	if (spec.layers.length > L.layers)
		refuse('over-limit', `The link's model has ${spec.layers.length} layers; at most ${L.layers}.`);
	const outputs = payload.model?.classes?.length ?? Math.max(1, payload.targets.length);
	const summary = summarizeNetwork(spec, {
		inputSize: Math.max(1, inputs),
		outputSize: Math.max(1, outputs)
	});
	if (summary.totalParams > L.parameters)
		refuse(
			'over-limit',
			`The link's model would have ${summary.totalParams.toLocaleString('en')} parameters; a link may ask for at most ${L.parameters.toLocaleString('en')}.`
		);
}

/** The parsed JSON of a link, checked whole; throws ShareRefusal with a specific message. */
export function validateSharePayload(json: unknown): SharePayload {
	const envelope = v.safeParse(SHARE_ENVELOPE, json);
	if (!envelope.success) {
		const issue = envelope.issues[0]!;
		const where = pathOf(issue);
		refuse('invalid', `The link is not a valid experiment: ${where ? `${where}: ` : ''}${issue.message}.`);
	}
	const raw = envelope.output;
	const recipe = part('recipe', () => parseRecipe(raw.recipe));
	const split = part('split', () => parseSplitSpec(raw.split));
	const spec = part('model spec', () => parseModelSpec(raw.spec));
	const settings = part('training settings', () => parseTrainSettings(raw.settings));
	if (spec.task !== raw.task)
		refuse(
			'invalid',
			`The link's model is set up for ${spec.task}, but the link says the task is ${raw.task}.`
		);
	if (settings.seed !== raw.seed)
		refuse('invalid', `The link's seed (${raw.seed}) is not the one in its settings (${settings.seed}).`);
	if (raw.task !== 'clustering' && raw.targets.length === 0)
		refuse('invalid', `The link's ${raw.task} experiment names no target column.`);
	if (raw.data.kind === 'sample' && !findSample(raw.data.sampleId))
		refuse('invalid', `The link names the sample “${raw.data.sampleId}”, which this Benchtop does not ship.`);
	if (raw.data.kind === 'inline') checkInline(raw.data.columns);
	const columns = dataColumns(raw.data).map((c) => c.name);
	if (columns.length > 0) {
		const missing = [...raw.targets, ...(split.column ? [split.column] : [])].find(
			(n) => !columns.includes(n)
		);
		if (missing !== undefined)
			refuse('invalid', `The link names the column “${missing}”, which its data does not have.`);
	}
	const { model: rawModel, ...rest } = raw;
	const payload: SharePayload = { ...rest, recipe, split, spec, settings };
	const model = rawModel ? checkModel(rawModel, payload) : undefined;
	// Without the trained model's feature list, the data's column count is the estimate (a lower bound:
	// one-hot encoding can widen it), so a huge first layer is still caught.
	const dataColumnCount =
		raw.data.kind === 'sample' ? (findSample(raw.data.sampleId)?.columns ?? 1) : columns.length;
	checkSize(payload, model ? model.features.length : Math.max(dataColumnCount - raw.targets.length, 1));
	return model ? { ...payload, model } : payload;
}
