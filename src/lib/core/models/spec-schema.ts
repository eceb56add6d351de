// Validates a model spec from any way in (UI, file, share link, CLI) and says what is wrong in words that
// name the layer: "Layer 3 (dense): units must be a whole number from 1 to 4096".
import * as v from 'valibot';
import { BenchtopError } from '../errors.ts';
import { ACTIVATIONS, FAMILIES } from './types.ts';
import type { KMeansSpec, LayerSpec, ModelSpec, NetworkSpec } from './types.ts';

/**
 * Limits: wide enough for anything that trains in a browser tab, narrow enough that a typo (units 64000)
 * is caught before it allocates gigabytes.
 */
export const LIMITS = {
	units: [1, 4096],
	filters: [1, 512],
	kernel: [1, 11],
	stride: [1, 11],
	poolSize: [1, 11],
	layers: 64,
	/** Image side and channels of a CNN's input. */
	imageSide: [1, 4096],
	channels: [1, 16],
	k: [1, 100],
	restarts: [1, 50],
	maxIterations: [1, 10_000]
} as const;

function wholeNumber(what: string, [min, max]: readonly [number, number]) {
	const message = `${what} must be a whole number from ${min} to ${max}`;
	return v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
}

const activation = v.picklist(ACTIVATIONS, `activation must be one of ${ACTIVATIONS.join(', ')}`);
const l2Message = 'l2 must be a number from 0 to 1 (0 turns it off)';
const l2 = v.optional(v.pipe(v.number(l2Message), v.minValue(0, l2Message), v.maxValue(1, l2Message)));
const l1Message = 'l1 must be a number from 0 to 1 (0 turns it off)';
const l1 = v.optional(v.pipe(v.number(l1Message), v.minValue(0, l1Message), v.maxValue(1, l1Message)));
const rateMessage = 'rate must be a number from 0 up to (not including) 1';
const unknownSetting = 'is not a setting of this layer';

const LAYER_SCHEMAS = [
	v.strictObject(
		{ type: v.literal('dense'), units: wholeNumber('units', LIMITS.units), activation, l2, l1 },
		unknownSetting
	),
	v.strictObject(
		{
			type: v.literal('dropout'),
			rate: v.pipe(v.number(rateMessage), v.minValue(0, rateMessage), v.ltValue(1, rateMessage))
		},
		unknownSetting
	),
	v.strictObject({ type: v.literal('batch-norm') }, unknownSetting),
	v.strictObject(
		{
			type: v.literal('conv2d'),
			filters: wholeNumber('filters', LIMITS.filters),
			kernel: wholeNumber('kernel', LIMITS.kernel),
			stride: v.optional(wholeNumber('stride', LIMITS.stride)),
			padding: v.optional(v.picklist(['same', 'valid'], "padding must be 'same' or 'valid'")),
			activation,
			l2,
			l1
		},
		unknownSetting
	),
	v.strictObject({ type: v.literal('max-pool'), size: wholeNumber('size', LIMITS.poolSize) }, unknownSetting),
	v.strictObject({ type: v.literal('flatten') }, unknownSetting)
] as const;

export const LAYER_TYPES = LAYER_SCHEMAS.map((schema) => schema.entries.type.literal);

export const layerSchema = v.variant('type', LAYER_SCHEMAS, `type must be one of ${LAYER_TYPES.join(', ')}`);

const imageShape = v.tuple(
	[
		wholeNumber('inputShape height', LIMITS.imageSide),
		wholeNumber('inputShape width', LIMITS.imageSide),
		wholeNumber('inputShape channels', LIMITS.channels)
	],
	'inputShape must be [height, width, channels]'
);

const NETWORK_TASKS = ['classification', 'regression', 'multi-output'] as const;

function networkSchema<F extends NetworkSpec['family']>(family: F) {
	return v.strictObject(
		{
			family: v.literal(family),
			task: v.picklist(
				NETWORK_TASKS,
				`task must be one of ${NETWORK_TASKS.join(', ')} (clustering is the k-means family's)`
			),
			layers: v.optional(
				v.pipe(
					v.array(layerSchema, 'layers must be a list'),
					v.maxLength(LIMITS.layers, `at most ${LIMITS.layers} layers`)
				),
				[]
			),
			l2,
			inputShape: v.optional(imageShape),
			imageInput: v.optional(
				v.strictObject(
					{
						scale: v.pipe(v.number('imageInput scale must be a number'), v.finite()),
						offset: v.pipe(v.number('imageInput offset must be a number'), v.finite())
					},
					'is not a setting of imageInput'
				)
			)
		},
		'is not a setting of a model spec'
	);
}

const kmeansSchema = v.strictObject(
	{
		family: v.literal('kmeans'),
		task: v.literal('clustering', 'task must be clustering: k-means groups rows, it predicts no target'),
		k: wholeNumber('k', LIMITS.k),
		restarts: v.optional(wholeNumber('restarts', LIMITS.restarts), 10),
		maxIterations: v.optional(wholeNumber('maxIterations', LIMITS.maxIterations), 300)
	},
	'is not a setting of a k-means spec'
);

export const modelSpecSchema = v.variant(
	'family',
	[networkSchema('linear'), networkSchema('mlp'), networkSchema('cnn'), kmeansSchema],
	`family must be one of ${FAMILIES.join(', ')}`
);

// The schemas' output must be the declared types, so the two cannot drift apart.
type Assignable<A extends B, B> = A;
export type CheckedLayer = Assignable<v.InferOutput<typeof layerSchema>, LayerSpec>;
export type CheckedSpec = Assignable<v.InferOutput<typeof modelSpecSchema>, ModelSpec>;

/** Validates and fills in defaults (restarts, maxIterations, layers), or throws naming what is wrong. */
export function parseModelSpec(value: unknown): ModelSpec {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new BenchtopError(
			'bad-input',
			'A model spec must be an object like { "family": "mlp", "task": "classification", "layers": [...] }.'
		);
	}
	const result = v.safeParse(modelSpecSchema, value);
	if (!result.success) {
		const messages = [...new Set(result.issues.map((issue) => describeIssue(issue, value)))];
		const shown = messages.slice(0, 3).join('; ');
		const more = messages.length > 3 ? ` (and ${messages.length - 3} more)` : '';
		throw new BenchtopError('bad-input', `${shown}${more}.`, messages.join('\n'));
	}
	const spec = result.output;
	if (spec.family === 'kmeans') return spec satisfies KMeansSpec;
	if (spec.family === 'linear' && spec.layers.length > 0) {
		throw new BenchtopError(
			'bad-input',
			'A linear model has no hidden layers (the features go straight to the output): remove the layers, or choose the MLP family to keep them.'
		);
	}
	if (spec.family !== 'linear' && spec.l2 !== undefined) {
		throw new BenchtopError(
			'bad-input',
			`l2 beside the layers is the linear model's penalty; ${spec.family === 'mlp' ? 'an MLP' : 'a CNN'} takes l2 on each dense or conv2d layer.`
		);
	}
	if (spec.family === 'cnn' && !spec.inputShape) {
		throw new BenchtopError(
			'bad-input',
			'A CNN needs inputShape [height, width, channels]: the image each row of features is (digits: [8, 8, 1]).'
		);
	}
	if (spec.imageInput && (spec.family !== 'cnn' || spec.layers.length > 0))
		throw new BenchtopError(
			'bad-input',
			'imageInput is for imported image models (a CNN spec without layers: the network is the artifact’s).'
		);
	if (spec.family !== 'cnn' && spec.inputShape) {
		throw new BenchtopError(
			'bad-input',
			`inputShape is for CNNs only; a ${spec.family === 'mlp' ? 'MLP' : 'linear model'} reads each row as a flat list of numbers.`
		);
	}
	return spec;
}

/** "Layer 3 (dense): units must be …" for layer settings, "Model spec: k must be …" for the rest. */
function describeIssue(issue: v.BaseIssue<unknown>, input: unknown): string {
	const keys = (issue.path ?? []).map((item) => item.key);
	const unknownKey = issue.type === 'strict_object' && keys.length > 0;
	const setting = unknownKey ? `“${String(keys.at(-1))}” ${issue.message}` : issue.message;
	if (keys[0] === 'layers' && typeof keys[1] === 'number') {
		const layer = (input as { layers: unknown[] }).layers[keys[1]];
		const type = (layer as { type?: unknown } | null)?.type;
		const name = typeof type === 'string' && (LAYER_TYPES as string[]).includes(type) ? ` (${type})` : '';
		return `Layer ${keys[1] + 1}${name}: ${setting}`;
	}
	return `Model spec: ${setting}`;
}
