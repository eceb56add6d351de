// A plain TF.js Layers model (model.json + weight shards, as tensorflowjs_converter, Teachable Machine or
// `model.save()` write them) read without trusting it, BEFORE any tensor is made: model.json through a
// valibot schema, layer classes from an allow-list, every shape walked through the layers and the total
// number of weights capped, manifest dtypes from an allow-list, and the shards' bytes matching exactly what
// the manifest's dtypes need. What comes out is a canonical Sequential topology (only the config fields
// Benchtop reads, so no initializer, regularizer or constraint of the file reaches TF.js) and float32
// weights (quantized uint8/uint16/float16 weights are dequantized here), which Benchtop's own checker and
// predictor accept. Table models (a vector of numbers in, Dense out) and small image models (an image per
// row, Conv2D / MaxPooling2D / Flatten, then Dense: what Benchtop's own CNNs are made of) are imported;
// nested models (Teachable Machine's truncated MobileNet) and average pooling are refused, saying why.
import * as v from 'valibot';
import type { LayersArtifact } from '../models/artifact.ts';
import { MAX_PARAMETERS, type WeightSpec } from '../models/model-artifact-check.ts';
import { MAX_JSON_BYTES, MODEL_FILE, parseJson } from '../models/network/files.ts';
import { LIMITS } from '../models/spec-schema.ts';
import { ACTIVATIONS, type Activation, type LayerSpec } from '../models/types.ts';
import type { ModelFiles } from './model-files.ts';
import { bad, count, isObject, pairOf, show, whole } from './model-json-fields.ts';

/** Layer classes a plain model may hold: what Benchtop's table networks and CNNs are made of. */
export const PLAIN_LAYER_CLASSES = [
	'InputLayer',
	'Dense',
	'Dropout',
	'BatchNormalization',
	'Conv2D',
	'MaxPooling2D',
	'Flatten'
] as const;
/** Layer classes that hold other layers: a nested model. */
const NESTED_CLASSES = ['Sequential', 'Model', 'Functional'];
/** Weight dtypes a manifest may list, and quantized storage dtypes with their bytes per number. */
export const PLAIN_DTYPES = ['float32'] as const;
export const QUANTIZED_BYTES = { uint8: 1, uint16: 2, float16: 2 } as const;
export const PLAIN_LIMITS = {
	/** Input numbers per row. */
	inputs: 100_000,
	/** Units of one Dense layer. */
	units: LIMITS.units[1],
	layers: LIMITS.layers + 2,
	parameters: MAX_PARAMETERS,
	/** Weight files in the manifest. */
	shards: 1000
} as const;

const fileName = v.pipe(
	v.string('must be text'),
	v.check(
		(name) => name !== '' && name !== '.' && name !== '..' && !/[/\\\0:]/.test(name),
		'must be a plain file name beside model.json (no folders, “..” or absolute paths)'
	)
);
const finite = v.pipe(v.number('must be a number'), v.finite('must be a finite number'));
const WEIGHT = v.object({
	name: v.pipe(v.string('must be text'), v.minLength(1, 'must not be empty')),
	shape: v.pipe(
		v.array(
			v.pipe(
				v.number('must be whole numbers'),
				v.integer('must be whole numbers'),
				v.minValue(1, 'must be at least 1')
			),
			'must be a list of whole numbers'
		),
		v.maxLength(4, 'has more than 4 dimensions, more than a convolution’s weights')
	),
	dtype: v.picklist(PLAIN_DTYPES, `must be ${PLAIN_DTYPES.join(' or ')} (a network's weights)`),
	quantization: v.nullish(
		v.object({
			dtype: v.picklist(
				Object.keys(QUANTIZED_BYTES) as (keyof typeof QUANTIZED_BYTES)[],
				`must be one of ${Object.keys(QUANTIZED_BYTES).join(', ')}`
			),
			scale: v.optional(finite),
			min: v.optional(finite)
		})
	)
});
const MODEL_JSON_SCHEMA = v.object({
	format: v.optional(v.string('must be text')),
	generatedBy: v.nullish(v.string('must be text')),
	convertedBy: v.nullish(v.string('must be text')),
	modelTopology: v.object(
		{
			class_name: v.string('must be text'),
			config: v.union(
				[
					v.object({ name: v.optional(v.string()), layers: v.array(v.unknown(), 'must be a list') }),
					v.array(v.unknown())
				],
				'must hold the list of layers'
			)
		},
		'must be an object with class_name and config'
	),
	weightsManifest: v.pipe(
		v.array(
			v.object({
				paths: v.pipe(
					v.array(fileName, 'must be a list of file names'),
					v.minLength(1, 'must name at least one file')
				),
				weights: v.array(WEIGHT, 'must be a list of weights')
			}),
			'must be a list of { paths, weights } groups'
		),
		v.minLength(1, 'is empty; a model with weights lists them')
	)
});
export type ManifestWeight = v.InferOutput<typeof WEIGHT>;

function fieldPath(issue: v.BaseIssue<unknown>): string {
	return (issue.path ?? [])
		.map((item, i) => (typeof item.key === 'number' ? `[${item.key}]` : `${i ? '.' : ''}${String(item.key)}`))
		.join('');
}

/** One layer of the canonical topology, with only the fields Benchtop's checker and TF.js need. */
export interface PlainLayer {
	class_name: 'Dense' | 'Dropout' | 'BatchNormalization' | 'Conv2D' | 'MaxPooling2D' | 'Flatten' | 'Reshape';
	config: Record<string, unknown> & { name: string };
}

export interface PlainTfjsModel {
	/** Numbers per input row. */
	inputs: number;
	/** Numbers per output row: classes (softmax) or targets (linear). */
	outputs: number;
	outputActivation: 'softmax' | 'linear';
	/** Image models: the image each row is, [height, width, channels] (its numbers row-major, channels last). */
	inputShape?: [number, number, number];
	/** Hidden layers as a Benchtop spec says them, for the spec of the model version. */
	hidden: LayerSpec[];
	parameters: number;
	/** Weights that were stored quantized (and are dequantized here), by storage dtype. */
	quantized: Partial<Record<keyof typeof QUANTIZED_BYTES, number>>;
	/** model.json's generatedBy / convertedBy, for the summary. */
	origin: string;
	artifact: LayersArtifact;
}

/**
 * The input from a batch shape (Keras 2 batch_input_shape, Keras 3 batch_shape): [n] for a table model
 * ([null, n]: n numbers per row), [height, width, channels] for an image model ([null, h, w, c]).
 */
function inputShapeOf(config: Record<string, unknown>, where: string): number[] | undefined {
	const shape = config.batch_input_shape ?? config.batch_shape;
	if (shape === undefined || shape === null) return undefined;
	if (!Array.isArray(shape) || shape[0] !== null || (shape.length !== 2 && shape.length !== 4))
		bad(
			`${where} takes input of shape ${show(shape)}; Benchtop imports table models (shape [null, n]: n numbers per row) and image models (shape [null, height, width, channels])`
		);
	if (shape.length === 2) return [whole(shape[1], `${where} input width`, 1, PLAIN_LIMITS.inputs)];
	const image = [
		whole(shape[1], `${where} input height`, 1, LIMITS.imageSide[1]),
		whole(shape[2], `${where} input width`, 1, LIMITS.imageSide[1]),
		whole(shape[3], `${where} input channels`, 1, LIMITS.channels[1])
	];
	tableWidth(image, where);
	return image;
}

/** An image's numbers per row, refused past what a table row may give a model. */
function tableWidth(image: readonly number[], where: string): number {
	const numbers = image.reduce((a, b) => a * b, 1);
	if (numbers > PLAIN_LIMITS.inputs)
		bad(
			`${where} takes ${image.join('×')} images: ${count(numbers)} numbers per row, more than the ${count(PLAIN_LIMITS.inputs)} columns a Benchtop table may give a model`
		);
	return numbers;
}

/** Why a nested model (a layer that is itself a model) is refused, naming what is inside it. */
function nestedModel(kind: string, config: Record<string, unknown>, where: string): never {
	const raw = Array.isArray(config) ? config : Array.isArray(config.layers) ? config.layers : [];
	const inner = (raw as unknown[]).filter(isObject);
	const classes = [...new Set(inner.map((layer) => String(layer.class_name)))];
	const foreign = classes.filter((c) => !(PLAIN_LAYER_CLASSES as readonly string[]).includes(c));
	const first = inner
		.map((layer) => (isObject(layer.config) ? layer.config : {}))
		.find((c) => Array.isArray(c.batch_input_shape) || Array.isArray(c.batch_shape));
	const shape = (first?.batch_input_shape ?? first?.batch_shape) as unknown[] | undefined;
	const image = shape && shape.length === 4 ? shape.slice(1).map(Number) : undefined;
	const numbers = image ? image.reduce((a, b) => a * b, 1) : 0;
	bad(
		`${where} is a nested ${kind} model of ${inner.length} layers` +
			(image ? ` taking ${image.join('×')} images` : '') +
			(foreign.length ? ` with ${foreign.slice(0, 4).join(', ')} layers` : '') +
			` (Teachable Machine's image models nest a truncated MobileNet this way). Without metadata.json, Benchtop imports one flat Sequential list of ${PLAIN_LAYER_CLASSES.slice(1).join(', ')} layers` +
			`; a Teachable Machine model is imported with its metadata.json (labels, imageSize) beside model.json and weights.bin, and then reads one image per row` +
			(numbers > 0 ? ` (not ${count(numbers)} table columns)` : '')
	);
}

/** A spatial window as TensorFlow computes it: output size for 'valid' or 'same' padding. */
const windowOut = (size: number, k: number, stride: number, padding: string) =>
	padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - k) / stride) + 1;

interface Walked {
	inputs: number;
	inputShape?: [number, number, number];
	layers: PlainLayer[];
	/** Weight names and shapes in layer order, as the canonical topology names them. */
	expected: { name: string; shape: number[] }[];
	hidden: PlainTfjsModel['hidden'];
	outputs: number;
	outputActivation: 'softmax' | 'linear';
	parameters: number;
}

/** Walks the layers: classes from the allow-list, shapes through each, parameters under the cap. */
function walkLayers(rawLayers: unknown[]): Walked {
	if (rawLayers.length === 0 || rawLayers.length > PLAIN_LIMITS.layers)
		bad(
			`${MODEL_FILE} modelTopology must list 1 to ${PLAIN_LIMITS.layers} layers; it lists ${rawLayers.length}`
		);
	/** A row's shape after the layers so far: [n] numbers, or an [height, width, channels] feature map. */
	let shape: number[] | undefined;
	let inputShape: number[] | undefined;
	const layers: PlainLayer[] = [];
	const expected: Walked['expected'] = [];
	const hidden: LayerSpec[] = [];
	let parameters = 0;
	const names = new Set<string>();
	const add = (name: string, weight: number[], where: string) => {
		parameters += weight.reduce((a, b) => a * b, 1);
		if (parameters > PLAIN_LIMITS.parameters)
			bad(
				`${where} makes the model hold more than ${count(PLAIN_LIMITS.parameters)} weights, the most Benchtop imports`
			);
		expected.push({ name, shape: weight });
	};
	/** The first layer says what comes in: a flat row, reshaped to the image first for an image model. */
	const first = () => {
		if (layers.length > 0) return {};
		if (inputShape!.length === 1) return { batch_input_shape: [null, inputShape![0]] };
		layers.push({
			class_name: 'Reshape',
			config: {
				name: 'imported_image',
				target_shape: inputShape,
				batch_input_shape: [null, tableWidth(inputShape!, MODEL_FILE)]
			}
		});
		return {};
	};
	rawLayers.forEach((layer, index) => {
		const label =
			isObject(layer) && isObject(layer.config) && typeof layer.config.name === 'string'
				? ` (${layer.config.name})`
				: '';
		const where = `${MODEL_FILE}: layer ${index + 1}${label}`;
		if (!isObject(layer) || !(isObject(layer.config) || Array.isArray(layer.config)))
			bad(`${where} is not a layer object with a class_name and a config`);
		const kind = layer.class_name;
		if (NESTED_CLASSES.includes(kind as string))
			nestedModel(kind as string, layer.config as Record<string, unknown>, where);
		if (kind === 'AveragePooling2D' || kind === 'GlobalAveragePooling2D')
			bad(
				`${where} is ${kind === 'AveragePooling2D' ? 'an' : 'a'} ${kind} layer; Benchtop's networks pool by maximum only (MaxPooling2D), so its model checker and specs cannot hold average pooling`
			);
		if (!(PLAIN_LAYER_CLASSES as readonly unknown[]).includes(kind))
			bad(
				`${where} is a ${show(kind)} layer; an imported model may hold only ${PLAIN_LAYER_CLASSES.join(', ')} layers (a table network or a small CNN)`
			);
		const config = layer.config as Record<string, unknown>;
		const name = config.name;
		if (typeof name !== 'string' || name === '' || name.length > 200 || /[/\\]/.test(name))
			bad(`${where} has no usable config.name (text without “/”)`);
		if (kind === 'InputLayer') {
			if (index !== 0) bad(`${where}: an InputLayer may only come first`);
			inputShape = inputShapeOf(config, where);
			if (inputShape === undefined)
				bad(`${where} has no batch_input_shape; the model's input shape is unknown`);
			shape = [...inputShape];
			return;
		}
		if (names.has(name) || name === 'imported_image') bad(`${where}: the name “${name}” is used twice`);
		names.add(name);
		const declared = inputShapeOf(config, where);
		if (shape === undefined) {
			if (declared === undefined)
				bad(`${where} is the first layer and has no batch_input_shape; the model's input shape is unknown`);
			inputShape = declared;
			shape = [...declared];
		} else if (
			declared !== undefined &&
			(layers.length > 0 || declared.length !== shape.length || declared.some((d, k) => d !== shape![k]))
		)
			bad(`${where} has a batch_input_shape; only the first layer may say what comes in`);
		const image = shape.length === 3;
		if (config.data_format !== undefined && config.data_format !== 'channels_last')
			bad(`${where} config.data_format is ${show(config.data_format)}; Benchtop reads images channels last`);
		const last = index === rawLayers.length - 1;
		if (kind === 'Dense') {
			if (image)
				bad(
					`${where} is a Dense layer on a ${shape.join('×')} feature map; Benchtop's networks flatten an image (a Flatten layer) before any Dense layer`
				);
			const width = shape[0]!;
			const units = whole(config.units, `${where} config.units`, 1, PLAIN_LIMITS.units);
			const activation = config.activation ?? 'linear';
			const useBias = config.use_bias !== false;
			if (last) {
				if (activation !== 'softmax' && activation !== 'linear')
					bad(
						`${where} is the output layer with activation ${show(activation)}; Benchtop imports classifiers ending in softmax and regressions ending in linear`
					);
				if (activation === 'softmax' && units < 2)
					bad(`${where} is a softmax output with ${units} unit; a classifier needs at least two classes`);
			} else if (!(ACTIVATIONS as readonly unknown[]).includes(activation))
				bad(
					`${where} config.activation is ${show(activation)}; a hidden layer may use ${ACTIVATIONS.join(', ')}`
				);
			add(`${name}/kernel`, [width, units], where);
			if (useBias) add(`${name}/bias`, [units], where);
			const at = first();
			layers.push({ class_name: 'Dense', config: { name, units, activation, use_bias: useBias, ...at } });
			if (!last) hidden.push({ type: 'dense', units, activation: activation as Activation });
			shape = [units];
		} else if (kind === 'Conv2D' || kind === 'MaxPooling2D') {
			if (!image)
				bad(
					`${where} is a ${kind} layer on a flat row of ${count(shape[0]!)} numbers; it needs an image input (batch_input_shape [null, height, width, channels])`
				);
			const [h, w, c] = shape as [number, number, number];
			const conv = kind === 'Conv2D';
			const [kh, kw] = pairOf(
				conv ? config.kernel_size : (config.pool_size ?? 2),
				`${where} config.${conv ? 'kernel_size' : 'pool_size'}`,
				conv ? LIMITS.kernel[1] : LIMITS.poolSize[1]
			);
			const [sh, sw] = pairOf(
				config.strides ?? (conv ? 1 : [kh, kw]),
				`${where} config.strides`,
				LIMITS.stride[1]
			);
			const padding = config.padding ?? 'valid';
			if (padding !== 'valid' && padding !== 'same')
				bad(`${where} config.padding is ${show(padding)}; expected "valid" or "same"`);
			if (kh !== kw || sh !== sw)
				bad(
					`${where} has a ${kh}×${kw} window moving ${sh}×${sw}; Benchtop's ${conv ? 'convolutions' : 'pooling layers'} have square windows and the same step both ways`
				);
			if (conv) {
				const [dh, dw] = pairOf(config.dilation_rate ?? 1, `${where} config.dilation_rate`, 64);
				if (dh !== 1 || dw !== 1)
					bad(`${where} dilates its kernel (${dh}×${dw}); Benchtop's convolutions do not`);
			} else if (sh !== kh || padding !== 'valid')
				bad(
					`${where} pools ${kh}×${kh} windows moving ${sh} with ${padding} padding; Benchtop's max pooling moves by its size with valid padding`
				);
			const out = [windowOut(h, kh, sh, padding), windowOut(w, kw, sw, padding)];
			if (out[0]! < 1 || out[1]! < 1)
				bad(`${where} has a ${kh}×${kw} window, larger than its ${h}×${w} input`);
			const at = first();
			if (conv) {
				const filters = whole(config.filters, `${where} config.filters`, 1, LIMITS.filters[1]);
				const activation = config.activation ?? 'linear';
				if (!(ACTIVATIONS as readonly unknown[]).includes(activation))
					bad(
						`${where} config.activation is ${show(activation)}; a hidden layer may use ${ACTIVATIONS.join(', ')}`
					);
				const useBias = config.use_bias !== false;
				add(`${name}/kernel`, [kh, kw, c, filters], where);
				if (useBias) add(`${name}/bias`, [filters], where);
				layers.push({
					class_name: 'Conv2D',
					config: {
						name,
						filters,
						kernel_size: [kh, kw],
						strides: [sh, sw],
						padding,
						activation,
						use_bias: useBias,
						data_format: 'channels_last',
						dilation_rate: [1, 1],
						...at
					}
				});
				hidden.push({
					type: 'conv2d',
					filters,
					kernel: kh,
					stride: sh,
					padding,
					activation: activation as Activation
				});
				shape = [out[0]!, out[1]!, filters];
			} else {
				layers.push({
					class_name: 'MaxPooling2D',
					config: {
						name,
						pool_size: [kh, kw],
						strides: [sh, sw],
						padding,
						data_format: 'channels_last',
						...at
					}
				});
				hidden.push({ type: 'max-pool', size: kh });
				shape = [out[0]!, out[1]!, c];
			}
		} else if (kind === 'Flatten') {
			const at = first();
			layers.push({ class_name: 'Flatten', config: { name, ...at } });
			if (image) hidden.push({ type: 'flatten' });
			shape = [shape.reduce((a, b) => a * b, 1)];
		} else if (kind === 'Dropout') {
			const rate = config.rate;
			if (typeof rate !== 'number' || !(rate >= 0 && rate < 1))
				bad(`${where} config.rate is ${show(rate)}; expected a number from 0 up to (not including) 1`);
			layers.push({ class_name: 'Dropout', config: { name, rate, ...first() } });
			hidden.push({ type: 'dropout', rate });
		} else {
			const axis =
				Array.isArray(config.axis) && config.axis.length === 1 ? config.axis[0] : (config.axis ?? -1);
			if (axis !== -1 && axis !== shape.length)
				bad(
					`${where} config.axis is ${show(config.axis)}; Benchtop normalises the last axis (features, or an image's channels)`
				);
			const width = shape.at(-1)!;
			const epsilon = config.epsilon ?? 0.001;
			if (typeof epsilon !== 'number' || !(epsilon > 0 && epsilon < 1))
				bad(`${where} config.epsilon is ${show(config.epsilon)}; expected a small positive number`);
			const scale = config.scale !== false;
			const center = config.center !== false;
			if (scale) add(`${name}/gamma`, [width], where);
			if (center) add(`${name}/beta`, [width], where);
			add(`${name}/moving_mean`, [width], where);
			add(`${name}/moving_variance`, [width], where);
			layers.push({
				class_name: 'BatchNormalization',
				config: { name, axis: -1, epsilon, scale, center, ...first() }
			});
			hidden.push({ type: 'batch-norm' });
		}
	});
	const lastLayer = layers.at(-1);
	if (
		!lastLayer ||
		lastLayer.class_name !== 'Dense' ||
		rawLayers.at(-1) === undefined ||
		(rawLayers.at(-1) as { class_name?: unknown }).class_name !== 'Dense'
	)
		bad(
			`${MODEL_FILE}: the last layer is ${show((rawLayers.at(-1) as { class_name?: unknown } | undefined)?.class_name)}; a model must end in a Dense output layer`
		);
	return {
		inputs: inputShape!.reduce((a, b) => a * b, 1),
		...(inputShape!.length === 3 ? { inputShape: inputShape as [number, number, number] } : {}),
		layers,
		expected,
		hidden,
		outputs: lastLayer.config.units as number,
		outputActivation: lastLayer.config.activation as 'softmax' | 'linear',
		parameters
	};
}

/** Which manifest entry holds each expected weight: the same name, or a name ending in "/" + it. */
export function matchWeights(
	manifest: ManifestWeight[],
	expected: { name: string; shape: number[] }[]
): ManifestWeight[] {
	const where = `${MODEL_FILE} weightsManifest`;
	const used = new Set<ManifestWeight>();
	const matched = expected.map((want) => {
		const found =
			manifest.find((w) => w.name === want.name) ?? manifest.find((w) => w.name.endsWith(`/${want.name}`));
		if (!found) bad(`${where} has no weight “${want.name}”, which its layer needs`);
		if (used.has(found)) bad(`${where} lists “${found.name}” for two weights`);
		used.add(found);
		if (found.shape.length !== want.shape.length || found.shape.some((d, k) => d !== want.shape[k]))
			bad(
				`${where} weight “${found.name}” has shape ${show(found.shape)}; its layer needs ${show(want.shape)}`
			);
		return found;
	});
	const extra = manifest.filter((w) => !used.has(w));
	if (extra.length > 0)
		bad(
			`${where} lists “${extra[0]!.name}”${extra.length > 1 ? ` and ${extra.length - 1} more` : ''}, which no layer has`
		);
	return matched;
}

const bytesPerNumber = (w: ManifestWeight) => (w.quantization ? QUANTIZED_BYTES[w.quantization.dtype] : 4);
const numbersOf = (w: ManifestWeight) => w.shape.reduce((a, b) => a * b, 1);

/** IEEE half-precision bits → number. */
function halfToNumber(h: number): number {
	const sign = h & 0x8000 ? -1 : 1;
	const exponent = (h >> 10) & 0x1f;
	const fraction = h & 0x3ff;
	if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
	if (exponent === 31) return fraction ? NaN : sign * Infinity;
	return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** One weight's numbers as float32, from its stored bytes (dequantized as TF.js does: min + scale × q). */
function decode(w: ManifestWeight, bytes: Uint8Array, file: string): Float32Array {
	const n = numbersOf(w);
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const out = new Float32Array(n);
	const q = w.quantization;
	if (!q) for (let i = 0; i < n; i++) out[i] = view.getFloat32(i * 4, true);
	else if (q.dtype === 'float16')
		for (let i = 0; i < n; i++) out[i] = halfToNumber(view.getUint16(i * 2, true));
	else {
		if (q.scale === undefined || q.min === undefined)
			bad(`${MODEL_FILE} weight “${w.name}” is quantized to ${q.dtype} without its scale and min`);
		for (let i = 0; i < n; i++)
			out[i] = q.min + q.scale * (q.dtype === 'uint8' ? view.getUint8(i) : view.getUint16(i * 2, true));
	}
	const wrong = out.findIndex((x) => !Number.isFinite(x));
	if (wrong >= 0)
		bad(
			`${file} holds a number that is not finite (NaN or ±Infinity) in “${w.name}”: a trained model's weights are all finite`
		);
	return out;
}

/** model.json against its schema: a TF.js Layers model with a topology and a weights manifest. */
export function checkModelJsonSchema(json: unknown): v.InferOutput<typeof MODEL_JSON_SCHEMA> {
	if (!isObject(json)) bad(`${MODEL_FILE} is not an object; it is not a TF.js Layers model`);
	if (json.format !== undefined && json.format !== 'layers-model')
		bad(
			`${MODEL_FILE} “format” is ${show(json.format)}; only TF.js Layers models ("layers-model") are imported, not graph models`
		);
	const result = v.safeParse(MODEL_JSON_SCHEMA, json);
	if (!result.success) {
		const issue = result.issues[0];
		bad(`${MODEL_FILE}: “${fieldPath(issue)}” ${issue.message}`);
	}
	return result.output;
}

/** The manifest's files, each listed once and not too many. */
export function manifestPaths(weightsManifest: { paths: string[] }[]): string[] {
	const paths = weightsManifest.flatMap((group) => group.paths);
	if (paths.length > PLAIN_LIMITS.shards)
		bad(`${MODEL_FILE} lists ${count(paths.length)} weight files; at most ${PLAIN_LIMITS.shards} are read`);
	if (new Set(paths).size !== paths.length) bad(`${MODEL_FILE} lists a weight file twice`);
	return paths;
}

/** model.json checked against its schema and its layers walked: what the weights must be. */
export function parsePlainModelJson(json: unknown) {
	const { modelTopology, weightsManifest, generatedBy, convertedBy } = checkModelJsonSchema(json);
	if (modelTopology.class_name !== 'Sequential')
		bad(
			`${MODEL_FILE} modelTopology is a ${show(modelTopology.class_name)} model; only Sequential models (one layer after another) are imported`
		);
	const raw = Array.isArray(modelTopology.config) ? modelTopology.config : modelTopology.config.layers;
	const walked = walkLayers(raw);
	const paths = manifestPaths(weightsManifest);
	// TF.js concatenates every group's files in manifest order; the entries follow the same order.
	const manifest = weightsManifest.flatMap((group) => group.weights);
	const matched = matchWeights(manifest, walked.expected);
	const origin = [generatedBy, convertedBy].filter(Boolean).join(', converted by ');
	return { walked, manifest, matched, paths, origin };
}

/** Reads and checks a plain TF.js Layers model from its files; no tensor is made. */
export function readPlainTfjsModel(files: ModelFiles): PlainTfjsModel {
	if (!files.has(MODEL_FILE)) bad(`${files.where} has no ${MODEL_FILE}: it is not a TF.js Layers model`);
	const json = parseJson(files.read(MODEL_FILE, MAX_JSON_BYTES, `a ${MODEL_FILE} may hold`), MODEL_FILE);
	const { walked, manifest, matched, paths, origin } = parsePlainModelJson(json);
	const { weightData, weightSpecs, quantized } = readWeights(
		files,
		manifest,
		paths,
		walked.expected,
		matched
	);
	return {
		inputs: walked.inputs,
		...(walked.inputShape ? { inputShape: walked.inputShape } : {}),
		outputs: walked.outputs,
		outputActivation: walked.outputActivation,
		hidden: walked.hidden,
		parameters: walked.parameters,
		quantized,
		origin: origin || 'unknown',
		artifact: {
			kind: 'layers',
			modelTopology: { class_name: 'Sequential', config: { name: 'imported', layers: walked.layers } },
			weightSpecs,
			weightData
		}
	};
}

/**
 * The weight shards read (each capped at what the manifest still needs), their bytes checked against the
 * manifest, and the expected weights as float32 in layer order, named as the canonical topology names them.
 */
export function readWeights(
	files: ModelFiles,
	manifest: ManifestWeight[],
	paths: string[],
	expected: { name: string; shape: number[] }[],
	matched: ManifestWeight[]
): { weightData: Blob; weightSpecs: WeightSpec[]; quantized: PlainTfjsModel['quantized'] } {
	const need = manifest.reduce((sum, w) => sum + numbersOf(w) * bytesPerNumber(w), 0);
	const parts: Uint8Array[] = [];
	let read = 0;
	for (const path of paths) {
		if (!files.has(path)) bad(`${files.where} lacks ${path}, a weight file ${MODEL_FILE} lists`);
		const bytes = files.read(
			path,
			need - read,
			`${MODEL_FILE}'s weights manifest needs ${count(need)} bytes of weights in all, so ${path} may hold`
		);
		parts.push(bytes);
		read += bytes.byteLength;
	}
	const shards = paths.join(' + ');
	if (read !== need)
		bad(
			`${shards} hold${paths.length === 1 ? 's' : ''} ${count(read)} bytes; ${MODEL_FILE}'s weights manifest needs exactly ${count(need)} bytes (its dtypes and shapes): the weights are truncated or not this model's`
		);
	const all = new Uint8Array(read);
	let offset = 0;
	for (const part of parts) {
		all.set(part, offset);
		offset += part.byteLength;
	}
	const at = new Map<ManifestWeight, number>();
	offset = 0;
	for (const w of manifest) {
		at.set(w, offset);
		offset += numbersOf(w) * bytesPerNumber(w);
	}
	// The float32 weights in layer order, named as the canonical topology names them.
	const out = new Float32Array(expected.reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1), 0));
	let put = 0;
	const quantized: PlainTfjsModel['quantized'] = {};
	const weightSpecs: WeightSpec[] = expected.map((want, i) => {
		const w = matched[i]!;
		const start = at.get(w)!;
		const numbers = decode(w, all.subarray(start, start + numbersOf(w) * bytesPerNumber(w)), shards);
		out.set(numbers, put);
		put += numbers.length;
		if (w.quantization) quantized[w.quantization.dtype] = (quantized[w.quantization.dtype] ?? 0) + 1;
		return { name: want.name, shape: want.shape, dtype: 'float32' };
	});
	return { weightData: new Blob([out.buffer]), weightSpecs, quantized };
}
