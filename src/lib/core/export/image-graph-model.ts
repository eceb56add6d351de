// A Teachable Machine image model (model.json + weights.bin + metadata.json) read without trusting it,
// BEFORE any tensor is made. TM nests its network: an outer Sequential of two Sequentials, the first
// holding a functional Model (MobileNetV2 at alpha 0.35, truncated at out_relu) and a
// GlobalAveragePooling2D, the second TM's head (Dense 100 relu, Dense N softmax). The walk goes into every
// nested model: layer classes from an allow-list (exactly what that network is made of), each config
// field Benchtop reads checked, the shapes carried through every layer (through a functional model's
// inbound_nodes, with Add's two inputs of one shape), weights and activations capped. metadata.json (its
// own valibot schema) gives the labels and the image size. What comes out is a canonical topology (each
// layer only with the config fields TF.js needs, the nesting kept, so `tf.loadLayersModel` still reads
// it), float32 weights in layer order, and the image input: TM's preparation (centre square, resized to
// imageSize, v / 127.5 − 1).
import * as v from 'valibot';
import type { LayersArtifact } from '../models/artifact.ts';
import { MAX_JSON_BYTES, MODEL_FILE, parseJson } from '../models/network/files.ts';
import { LIMITS } from '../models/spec-schema.ts';
import type { ModelFiles } from './model-files.ts';
import { bad, count, isObject, pairOf, show, whole } from './model-json-fields.ts';
import {
	checkModelJsonSchema,
	manifestPaths,
	matchWeights,
	PLAIN_LIMITS,
	readWeights,
	type PlainTfjsModel
} from './plain-tfjs-model.ts';

export const METADATA_FILE = 'metadata.json';

/** Layer classes an image graph may hold: Teachable Machine's nested, truncated MobileNetV2 and head. */
export const GRAPH_LAYER_CLASSES = [
	'Sequential',
	'Model',
	'Functional',
	'InputLayer',
	'ZeroPadding2D',
	'Conv2D',
	'DepthwiseConv2D',
	'BatchNormalization',
	'ReLU',
	'Add',
	'GlobalAveragePooling2D',
	'Dense',
	'Dropout'
] as const;

export const GRAPH_LIMITS = {
	/** Layers in all, nested ones counted (TM's MobileNetV2: 157). */
	layers: 400,
	/** Nesting depth of models inside models (TM: 3). */
	depth: 4,
	/** Numbers one layer may output per image (TM at 224: 112 × 112 × 96 = 1.2 million). */
	activation: 8 * 1024 * 1024
} as const;

/** TM's preparation: RGB bytes v → v / 127.5 − 1. */
export const TEACHABLE_IMAGE_INPUT = { scale: 1 / 127.5, offset: -1 } as const;

const METADATA_SCHEMA = v.object({
	packageName: v.optional(
		v.literal('@teachablemachine/image', 'is not "@teachablemachine/image" (this reads TM image models only)')
	),
	tmVersion: v.optional(v.pipe(v.string('must be text'), v.maxLength(40, 'is too long'))),
	modelName: v.optional(v.pipe(v.string('must be text'), v.maxLength(200, 'is too long'))),
	imageSize: v.pipe(
		v.number('must be a number'),
		v.integer('must be a whole number'),
		v.minValue(8, 'must be at least 8'),
		v.maxValue(1024, 'must be at most 1024')
	),
	labels: v.pipe(
		v.array(
			v.pipe(v.string('must be text'), v.minLength(1, 'must not be empty'), v.maxLength(200, 'is too long')),
			'must be a list of class names'
		),
		v.minLength(2, 'must name at least two classes'),
		v.maxLength(1000, 'names more than 1,000 classes'),
		v.check((list) => new Set(list).size === list.length, 'names a class twice')
	)
});

export type TeachableMetadata = v.InferOutput<typeof METADATA_SCHEMA>;

export interface ImageGraphModel extends PlainTfjsModel {
	inputShape: [number, number, number];
	labels: string[];
	imageInput: { scale: number; offset: number };
	/** Layers in all, nested ones counted, and the classes they are (for the summary). */
	layerCount: number;
	/** metadata.json's modelName and tmVersion, where given. */
	name?: string;
	tmVersion?: string;
}

const product = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

export function parseTeachableMetadata(json: unknown): TeachableMetadata {
	const result = v.safeParse(METADATA_SCHEMA, json);
	if (!result.success) {
		const issue = result.issues[0];
		const path = (issue.path ?? [])
			.map((p) => (typeof p.key === 'number' ? `[${p.key}]` : String(p.key)))
			.join('.');
		bad(`${METADATA_FILE}: ${path ? `“${path}” ` : ''}${issue.message}`);
	}
	return result.output;
}

interface Walk {
	expected: { name: string; shape: number[] }[];
	parameters: number;
	layers: number;
	names: Set<string>;
}

type Shape = number[];

/**
 * One layer: its class from the allow-list, its config checked, its output shape from its input's, the
 * weights it needs added; returns its canonical form (only the fields TF.js needs) and its output shape.
 */
function layer(
	raw: unknown,
	input: Shape | undefined,
	where: string,
	walk: Walk,
	depth: number
): [Record<string, unknown>, Shape] {
	if (!isObject(raw) || !(isObject(raw.config) || Array.isArray(raw.config)))
		bad(`${where} is not a layer object with a class_name and a config`);
	const kind = raw.class_name;
	if (!(GRAPH_LAYER_CLASSES as readonly unknown[]).includes(kind))
		bad(
			`${where} is a ${show(kind)} layer; an imported image model may hold only ${GRAPH_LAYER_CLASSES.join(', ')} layers (Teachable Machine's MobileNet and head)`
		);
	if (++walk.layers > GRAPH_LIMITS.layers)
		bad(`${MODEL_FILE} holds more than ${GRAPH_LIMITS.layers} layers, the most Benchtop imports`);
	const config = (Array.isArray(raw.config) ? { layers: raw.config } : raw.config) as Record<string, unknown>;
	const name = config.name;
	if (typeof name !== 'string' || name === '' || name.length > 200 || /[/\\]/.test(name))
		bad(`${where} has no usable config.name (text without “/”)`);
	const at = `${where} (${name})`;
	if (walk.names.has(name)) bad(`${at}: the name “${name}” is used twice`);
	walk.names.add(name);
	if (config.data_format !== undefined && config.data_format !== 'channels_last')
		bad(`${at} config.data_format is ${show(config.data_format)}; Benchtop reads images channels last`);
	const add = (key: string, shape: number[]) => {
		walk.parameters += product(shape);
		if (walk.parameters > PLAIN_LIMITS.parameters)
			bad(
				`${at} makes the model hold more than ${count(PLAIN_LIMITS.parameters)} weights, the most Benchtop imports`
			);
		walk.expected.push({ name: `${name}/${key}`, shape });
	};
	const declared = config.batch_input_shape ?? config.batch_shape;
	let shape = input;
	if (
		declared !== undefined &&
		declared !== null &&
		kind !== 'Sequential' &&
		kind !== 'Model' &&
		kind !== 'Functional'
	) {
		if (!Array.isArray(declared) || declared[0] !== null || (declared.length !== 2 && declared.length !== 4))
			bad(
				`${at} config.batch_input_shape is ${show(declared)}; expected [null, n] or [null, height, width, channels]`
			);
		const dims = declared
			.slice(1)
			.map((d, i) =>
				whole(
					d,
					`${at} config.batch_input_shape[${i + 1}]`,
					1,
					declared.length === 4 ? (i < 2 ? LIMITS.imageSide[1] : LIMITS.channels[1]) : PLAIN_LIMITS.units * 4
				)
			);
		if (shape && shape.join() !== dims.join())
			bad(`${at} declares input ${show(declared)}, but the layer before gives ${show([null, ...shape])}`);
		shape = dims;
	}
	const image = (what: string): [number, number, number] => {
		if (!shape || shape.length !== 3)
			bad(
				`${at} is a ${what} layer and needs an image (height, width, channels) coming in; it gets ${show(shape)}`
			);
		return shape as [number, number, number];
	};
	const base = { name };
	let out: Shape;
	let canonical: Record<string, unknown>;
	switch (kind) {
		case 'Sequential':
		case 'Model':
		case 'Functional': {
			if (depth >= GRAPH_LIMITS.depth) bad(`${at} nests models more than ${GRAPH_LIMITS.depth} deep`);
			const nested =
				kind === 'Sequential'
					? sequential(config, shape, at, walk, depth + 1)
					: functional(config, shape, at, walk, depth + 1);
			return [{ class_name: kind, config: nested.config }, nested.shape];
		}
		case 'InputLayer':
			if (!shape) bad(`${at} has no batch_input_shape; the model's input shape is unknown`);
			return [
				{
					class_name: kind,
					config: { ...base, batch_input_shape: [null, ...shape], dtype: 'float32', sparse: false }
				},
				shape
			];
		case 'ZeroPadding2D': {
			const [h, w, c] = image(kind);
			const p = config.padding ?? 1;
			const list =
				typeof p === 'number'
					? [
							[p, p],
							[p, p]
						]
					: Array.isArray(p)
						? p.map((x) => (typeof x === 'number' ? [x, x] : x))
						: null;
			if (!list || list.length !== 2 || !list.every((x) => Array.isArray(x) && x.length === 2))
				bad(`${at} config.padding is ${show(p)}; expected [[top, bottom], [left, right]]`);
			const [t, b, l, r] = (list as unknown[][]).flatMap((pair, i) =>
				pair.map((x, j) => whole(x, `${at} config.padding[${i}][${j}]`, 0, 64))
			) as [number, number, number, number];
			canonical = {
				...base,
				padding: [
					[t, b],
					[l, r]
				]
			};
			out = [h + t! + b!, w + l! + r!, c];
			break;
		}
		case 'Conv2D':
		case 'DepthwiseConv2D': {
			const [h, w, c] = image(kind);
			const [kh, kw] = pairOf(config.kernel_size, `${at} config.kernel_size`, LIMITS.kernel[1]);
			const [sh, sw] = pairOf(config.strides ?? 1, `${at} config.strides`, LIMITS.stride[1]);
			const [dh, dw] = pairOf(config.dilation_rate ?? 1, `${at} config.dilation_rate`, 64);
			if (dh !== 1 || dw !== 1)
				bad(`${at} dilates its kernel (${dh}×${dw}); the edge runtime's convolutions do not`);
			const padding = config.padding ?? 'valid';
			if (padding !== 'valid' && padding !== 'same')
				bad(`${at} config.padding is ${show(padding)}; expected "valid" or "same"`);
			const activation = config.activation ?? 'linear';
			if (activation !== 'linear' && activation !== 'relu')
				bad(
					`${at} config.activation is ${show(activation)}; an image graph's convolutions use linear or relu (ReLU6 is its own layer)`
				);
			const useBias = config.use_bias !== false;
			const size = (side: number, k: number, s: number) =>
				padding === 'same' ? Math.ceil(side / s) : Math.floor((side - k) / s) + 1;
			const filters = kind === 'Conv2D' ? whole(config.filters, `${at} config.filters`, 1, 4096) : c;
			if (kind === 'DepthwiseConv2D') {
				const multiplier = config.depth_multiplier ?? 1;
				if (multiplier !== 1)
					bad(
						`${at} config.depth_multiplier is ${show(multiplier)}; the edge runtime's depthwise convolutions have 1`
					);
				add('depthwise_kernel', [kh, kw, c, 1]);
			} else add('kernel', [kh, kw, c, filters]);
			if (useBias) add('bias', [filters]);
			canonical = {
				...base,
				...(kind === 'Conv2D' ? { filters } : { depth_multiplier: 1 }),
				kernel_size: [kh, kw],
				strides: [sh, sw],
				padding,
				data_format: 'channels_last',
				dilation_rate: [1, 1],
				activation,
				use_bias: useBias
			};
			out = [size(h, kh, sh), size(w, kw, sw), filters];
			if (out[0]! < 1 || out[1]! < 1) bad(`${at} has a ${kh}×${kw} window, larger than its ${h}×${w} input`);
			break;
		}
		case 'BatchNormalization': {
			if (!shape) bad(`${at} has no input`);
			const axis =
				Array.isArray(config.axis) && config.axis.length === 1 ? config.axis[0] : (config.axis ?? -1);
			if (axis !== -1 && axis !== shape.length)
				bad(`${at} config.axis is ${show(config.axis)}; Benchtop normalises the last axis`);
			const epsilon = config.epsilon ?? 0.001;
			if (typeof epsilon !== 'number' || !(epsilon > 0 && epsilon < 1))
				bad(`${at} config.epsilon is ${show(epsilon)}; expected a small positive number`);
			const width = [shape.at(-1)!];
			const scale = config.scale !== false;
			const center = config.center !== false;
			if (scale) add('gamma', width);
			if (center) add('beta', width);
			add('moving_mean', width);
			add('moving_variance', width);
			canonical = { ...base, axis: -1, epsilon, scale, center };
			out = shape;
			break;
		}
		case 'ReLU': {
			if (!shape) bad(`${at} has no input`);
			const max = config.max_value ?? null;
			if (max !== null && max !== 6)
				bad(`${at} config.max_value is ${show(max)}; the edge runtime caps ReLU at 6 (ReLU6) or not at all`);
			if ((config.negative_slope ?? 0) !== 0 || (config.threshold ?? 0) !== 0)
				bad(
					`${at} is a leaky or thresholded ReLU (negative_slope ${show(config.negative_slope)}, threshold ${show(config.threshold)}); the edge runtime has ReLU and ReLU6`
				);
			canonical = { ...base, max_value: max };
			out = shape;
			break;
		}
		case 'GlobalAveragePooling2D': {
			const [, , c] = image(kind);
			if (config.keepdims === true)
				bad(`${at} config.keepdims is true; Benchtop pools to one number per channel`);
			canonical = { ...base, data_format: 'channels_last' };
			out = [c];
			break;
		}
		case 'Dense': {
			if (!shape || shape.length !== 1)
				bad(
					`${at} is a Dense layer on ${show(shape)}; it needs a flat input (pool or flatten the image first)`
				);
			const units = whole(config.units, `${at} config.units`, 1, PLAIN_LIMITS.units);
			const activation = config.activation ?? 'linear';
			if (!['linear', 'relu', 'softmax', 'sigmoid', 'tanh'].includes(activation as string))
				bad(
					`${at} config.activation is ${show(activation)}; expected linear, relu, softmax, sigmoid or tanh`
				);
			const useBias = config.use_bias !== false;
			add('kernel', [shape[0]!, units]);
			if (useBias) add('bias', [units]);
			canonical = { ...base, units, activation, use_bias: useBias };
			out = [units];
			break;
		}
		case 'Dropout': {
			if (!shape) bad(`${at} has no input`);
			const rate = config.rate;
			if (typeof rate !== 'number' || !(rate >= 0 && rate < 1))
				bad(`${at} config.rate is ${show(rate)}; expected a number from 0 up to 1`);
			canonical = { ...base, rate };
			out = shape;
			break;
		}
		default: // Add: shapes are checked by the functional walk, which knows both inputs
			if (!shape) bad(`${at} has no input`);
			canonical = { ...base };
			out = shape;
	}
	if (product(out) > GRAPH_LIMITS.activation)
		bad(
			`${at} outputs ${count(product(out))} numbers per image, more than the ${count(GRAPH_LIMITS.activation)} Benchtop allows one layer`
		);
	if (declared !== undefined && declared !== null) canonical.batch_input_shape = [null, ...shape!];
	return [{ class_name: kind, config: canonical }, out];
}

function sequential(
	config: Record<string, unknown>,
	input: Shape | undefined,
	where: string,
	walk: Walk,
	depth: number
) {
	const raw = config.layers;
	if (!Array.isArray(raw) || raw.length === 0) bad(`${where} lists no layers`);
	let shape = input;
	const layers = raw.map((item, i) => {
		const [canonical, out] = layer(item, shape, `${where}: layer ${i + 1}`, walk, depth);
		shape = out;
		return canonical;
	});
	return { config: { name: config.name, layers }, shape: shape! };
}

/** A node reference [name, node index, tensor index, kwargs] as TF.js and Keras 2 write inbound_nodes. */
function inbound(raw: Record<string, unknown>, at: string): string[] {
	const nodes = raw.inbound_nodes;
	if (!Array.isArray(nodes)) bad(`${at} has no inbound_nodes list (TF.js / Keras 2 functional format)`);
	if (nodes.length === 0) return [];
	if (nodes.length > 1 || !Array.isArray(nodes[0]))
		bad(`${at} is called ${nodes.length} times (shared layers); the edge runtime runs each layer once`);
	return (nodes[0] as unknown[]).map((ref) => {
		if (!Array.isArray(ref) || typeof ref[0] !== 'string' || ref[1] !== 0 || ref[2] !== 0)
			bad(`${at} inbound_nodes holds ${show(ref)}; expected [layer name, 0, 0, {}]`);
		return ref[0] as string;
	});
}

function functional(
	config: Record<string, unknown>,
	input: Shape | undefined,
	where: string,
	walk: Walk,
	depth: number
) {
	const raw = config.layers;
	if (!Array.isArray(raw) || raw.length === 0) bad(`${where} lists no layers`);
	const shapes = new Map<string, Shape>();
	const layers: Record<string, unknown>[] = [];
	let last = '';
	raw.forEach((item, i) => {
		const at = `${where}: layer ${i + 1}`;
		if (!isObject(item)) bad(`${at} is not a layer object`);
		const from = inbound(item, `${at} (${show((item.config as { name?: unknown } | undefined)?.name)})`);
		const missing = from.find((name) => !shapes.has(name));
		if (missing !== undefined) bad(`${at} reads “${missing}”, which no earlier layer of ${where} makes`);
		const inShapes = from.map((name) => shapes.get(name)!);
		if (item.class_name === 'InputLayer' ? i !== 0 : from.length === 0)
			bad(`${at}: only the first layer may be the input (Benchtop imports models of one input)`);
		if (item.class_name === 'Add') {
			if (inShapes.length !== 2 || inShapes[0]!.join() !== inShapes[1]!.join())
				bad(
					`${at} (Add) adds ${inShapes.map((s) => show(s)).join(' and ')}; it needs two inputs of one shape`
				);
		} else if (from.length > 1) bad(`${at} reads ${from.length} inputs; only Add may read two`);
		const [canonical, out] = layer(item, i === 0 ? input : inShapes[0], at, walk, depth);
		const name = (canonical.config as { name: string }).name;
		shapes.set(name, out);
		layers.push({ ...canonical, name, inbound_nodes: from.length ? [from.map((f) => [f, 0, 0, {}])] : [] });
		last = name;
	});
	const first = (layers[0]!.config as { name: string }).name;
	const ends = (list: unknown, what: string) => {
		if (!Array.isArray(list) || list.length !== 1 || !Array.isArray(list[0]))
			bad(`${where} config.${what} is ${show(list)}; Benchtop imports models of one input and one output`);
		return list[0][0];
	};
	if (ends(config.input_layers, 'input_layers') !== first)
		bad(`${where} config.input_layers does not name its first layer`);
	if (ends(config.output_layers, 'output_layers') !== last)
		bad(
			`${where} config.output_layers does not name its last layer; the edge runtime runs a graph to its last layer`
		);
	return {
		config: { name: config.name, layers, input_layers: [[first, 0, 0]], output_layers: [[last, 0, 0]] },
		shape: shapes.get(last)!
	};
}

/** Whether model.json's topology nests a model (a Sequential or Model among its layers). */
export function nestsModels(json: unknown): boolean {
	const layers = (json as { modelTopology?: { config?: { layers?: unknown } } })?.modelTopology?.config
		?.layers;
	return (
		Array.isArray(layers) &&
		layers.some((l) => isObject(l) && ['Sequential', 'Model', 'Functional'].includes(l.class_name as string))
	);
}

/**
 * What the image and classes must be when they are known already, and the file that says so: Benchtop's
 * own TF.js zip of an imported image model carries them in benchtop.json instead of metadata.json.
 */
export interface KnownImageModel {
	imageSize: number;
	labels: string[];
	/** The file that gave them, named in refusals ("benchtop.json says imageSize …"). */
	from: string;
}

/**
 * Reads and checks a Teachable Machine image model from its three files, or (with `known`) from model.json
 * and its weights alone, as Benchtop's TF.js zip holds it; no tensor is made.
 */
export function readImageGraphModel(files: ModelFiles, known?: KnownImageModel): ImageGraphModel {
	for (const name of known ? [MODEL_FILE] : [MODEL_FILE, METADATA_FILE])
		if (!files.has(name))
			bad(
				known
					? `${files.where} has no ${name} beside ${known.from}`
					: `${files.where} has no ${name}: a Teachable Machine image model is model.json, weights.bin and metadata.json`
			);
	const metadata: Pick<TeachableMetadata, 'imageSize' | 'labels' | 'modelName' | 'tmVersion'> =
		known ??
		parseTeachableMetadata(
			parseJson(files.read(METADATA_FILE, 1024 * 1024, `a ${METADATA_FILE} may hold`), METADATA_FILE)
		);
	const said = known?.from ?? METADATA_FILE;
	const json = checkModelJsonSchema(
		parseJson(files.read(MODEL_FILE, MAX_JSON_BYTES, `a ${MODEL_FILE} may hold`), MODEL_FILE)
	);
	const topology = json.modelTopology;
	if (topology.class_name !== 'Sequential')
		bad(
			`${MODEL_FILE} modelTopology is a ${show(topology.class_name)} model; Teachable Machine's image models are a Sequential`
		);
	const walk: Walk = { expected: [], parameters: 0, layers: 0, names: new Set() };
	const outer = sequential(
		Array.isArray(topology.config) ? { name: 'sequential', layers: topology.config } : topology.config,
		undefined,
		`${MODEL_FILE}`,
		walk,
		1
	);
	const input = findInput(outer.config.layers);
	if (!input || input.length !== 3)
		bad(
			`${MODEL_FILE} does not take images: its first layer's input is ${show(input)}; expected [height, width, channels]`
		);
	const [h, w, c] = input as [number, number, number];
	if (h !== metadata.imageSize || w !== metadata.imageSize)
		bad(`${said} says imageSize ${metadata.imageSize}, but ${MODEL_FILE} takes ${h}×${w} images`);
	if (c !== 3) bad(`${MODEL_FILE} takes images of ${c} channels; Teachable Machine's take 3 (RGB)`);
	const lastLayer = lastOf(outer.config.layers);
	if (!lastLayer || lastLayer.class_name !== 'Dense' || lastLayer.config.activation !== 'softmax')
		bad(`${MODEL_FILE} does not end in a softmax Dense layer; Benchtop imports image classifiers`);
	if (outer.shape.length !== 1 || outer.shape[0] !== metadata.labels.length)
		bad(
			`${said} names ${metadata.labels.length} classes, but ${MODEL_FILE} gives ${show(outer.shape)} outputs`
		);
	const paths = manifestPaths(json.weightsManifest);
	const manifest = json.weightsManifest.flatMap((group) => group.weights);
	const matched = matchWeights(manifest, walk.expected);
	const { weightData, weightSpecs, quantized } = readWeights(files, manifest, paths, walk.expected, matched);
	const artifact: LayersArtifact = {
		kind: 'layers',
		modelTopology: { class_name: 'Sequential', config: outer.config },
		weightSpecs,
		weightData
	};
	return {
		inputs: h * w * c,
		inputShape: [h, w, c],
		outputs: metadata.labels.length,
		outputActivation: 'softmax',
		hidden: [],
		parameters: walk.parameters,
		quantized,
		origin: [json.generatedBy, json.convertedBy].filter(Boolean).join(', converted by ') || 'unknown',
		artifact,
		labels: [...metadata.labels],
		imageInput: { ...TEACHABLE_IMAGE_INPUT },
		layerCount: walk.layers,
		...(metadata.modelName ? { name: metadata.modelName } : {}),
		...(metadata.tmVersion ? { tmVersion: metadata.tmVersion } : {})
	};
}

type Canonical = { class_name: string; config: Record<string, unknown> & { layers?: Canonical[] } };

function findInput(layers: unknown): number[] | undefined {
	const first = (layers as Canonical[])[0];
	if (!first) return undefined;
	if (first.config.layers) return findInput(first.config.layers);
	const shape = first.config.batch_input_shape as unknown[] | undefined;
	return shape?.slice(1) as number[] | undefined;
}

function lastOf(layers: unknown): Canonical | undefined {
	const last = (layers as Canonical[]).at(-1);
	return last?.config.layers ? lastOf(last.config.layers) : last;
}
