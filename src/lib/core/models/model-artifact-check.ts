// Checks a TF.js Layers model (its topology, weights manifest and weight bytes) against what Benchtop
// builds, BEFORE any tensor is made: TF.js allocates every layer's weights from the topology before it
// reads the file, and it accepts too many bytes, zeros for a network, NaN weights and `Lambda` layers.
// Pure (no DOM, no Node), so the CLI, the studio and a later registry or bundle import share it.
// Every message names the file, the field and what was expected.
import { BenchtopError } from '../errors.ts';
import { LIMITS } from './spec-schema.ts';

/** File names as the messages use them. */
export const MODEL_JSON = 'model.json';

/**
 * The most weights a model may hold: 64 million float32 numbers (256 MiB), far beyond what trains in a
 * browser tab, and a bound on what a damaged or hostile file can make anyone allocate.
 */
export const MAX_PARAMETERS = 64 * 1024 * 1024;
/** Widest any layer's output may be, per row (a dense layer's units, a feature map's size). */
const MAX_ACTIVATION = 16 * 1024 * 1024;
/** Layer classes Benchtop's networks are made of (Dropout is Benchtop's seeded dropout). */
const KNOWN_LAYERS = [
	'Dense',
	'Dropout',
	'Conv2D',
	'MaxPooling2D',
	'Flatten',
	'BatchNormalization',
	'Reshape'
] as const;

export interface WeightSpec {
	name: string;
	shape: number[];
	dtype: 'float32';
}

/** What the model's record (benchtop.json) says the network takes and gives. */
export interface NetworkInterface {
	inputs: number;
	outputs: number;
}

function bad(message: string): never {
	throw new BenchtopError('bad-input', message);
}

const isObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);
const plural = (n: number, one: string, many = `${one}s`) =>
	`${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const show = (x: unknown) => {
	const text = JSON.stringify(x) ?? String(x);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

function wholeNumber(value: unknown, where: string, min: number, max: number): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
		bad(`${where} is ${show(value)}; expected a whole number from ${min} to ${max.toLocaleString('en')}`);
	return value;
}

function pair(value: unknown, where: string, min: number, max: number): [number, number] {
	const list = typeof value === 'number' ? [value, value] : value;
	if (!Array.isArray(list) || list.length !== 2)
		bad(`${where} is ${show(value)}; expected two whole numbers`);
	return [wholeNumber(list[0], where, min, max), wholeNumber(list[1], where, min, max)];
}

const product = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/**
 * The weights each layer of the topology needs, by name ("dense_1/kernel" → [4, 64]), in layer order,
 * found by walking the shapes through the layers as TF.js will; throws on anything Benchtop never writes.
 */
export function expectedWeights(topology: unknown, network: NetworkInterface): Map<string, number[]> {
	const top = `${MODEL_JSON} modelTopology`;
	if (!isObject(topology) || topology.class_name !== 'Sequential' || !isObject(topology.config))
		bad(`${top} is not a Sequential model; Benchtop writes Sequential networks`);
	const layers = topology.config.layers;
	if (!Array.isArray(layers) || layers.length === 0 || layers.length > LIMITS.layers + 2)
		bad(`${top}.config.layers must list 1 to ${LIMITS.layers + 2} layers`);
	const weights = new Map<string, number[]>();
	let shape: number[] = [];
	let parameters = 0;
	const add = (name: string, dims: number[], where: string) => {
		parameters += product(dims);
		if (parameters > MAX_PARAMETERS)
			bad(
				`${where} makes the network hold more than ${MAX_PARAMETERS.toLocaleString('en')} weights, the most a Benchtop model has`
			);
		weights.set(name, dims);
	};
	layers.forEach((layer: unknown, index: number) => {
		const kind = isObject(layer) ? layer.class_name : undefined;
		const where = `${MODEL_JSON}: layer ${index + 1}${isObject(layer) && isObject(layer.config) && typeof layer.config.name === 'string' ? ` (${layer.config.name})` : ''}`;
		if (!isObject(layer) || !isObject(layer.config))
			bad(`${where} is not a layer object with a class_name and a config`);
		if (!(KNOWN_LAYERS as readonly unknown[]).includes(kind))
			bad(
				`${where} is a ${show(kind)} layer; Benchtop models are made only of ${KNOWN_LAYERS.join(', ')} layers, so this file did not come from Benchtop`
			);
		const config = layer.config;
		const name = config.name;
		if (typeof name !== 'string' || name === '' || name.includes('/'))
			bad(`${where} has no usable config.name`);
		if (index === 0) {
			const input = config.batch_input_shape;
			if (!Array.isArray(input) || input.length !== 2 || input[0] !== null || input[1] !== network.inputs)
				bad(
					`${where} config.batch_input_shape is ${show(input)}; expected [null, ${network.inputs}], one input per feature benchtop.json lists`
				);
			shape = [network.inputs];
		} else if ('batch_input_shape' in config && config.batch_input_shape != null)
			bad(`${where} has a batch_input_shape; only the first layer may say what comes in`);
		const width = product(shape);
		switch (kind) {
			case 'Dense': {
				const last = index === layers.length - 1;
				const max = last ? Math.max(LIMITS.units[1], network.outputs) : LIMITS.units[1];
				const units = wholeNumber(config.units, `${where} config.units`, 1, max);
				if (last && units !== network.outputs)
					bad(
						`${where} config.units is ${units}; the output layer needs ${network.outputs}, one per class or target benchtop.json lists`
					);
				add(`${name}/kernel`, [width, units], where);
				if (config.use_bias !== false) add(`${name}/bias`, [units], where);
				shape = [units];
				break;
			}
			case 'Conv2D': {
				if (shape.length !== 3) bad(`${where} needs an image (height, width, channels) coming in`);
				const filters = wholeNumber(config.filters, `${where} config.filters`, ...LIMITS.filters);
				const [kh, kw] = pair(config.kernel_size, `${where} config.kernel_size`, ...LIMITS.kernel);
				const [sh, sw] = pair(config.strides ?? 1, `${where} config.strides`, ...LIMITS.stride);
				pair(config.dilation_rate ?? 1, `${where} config.dilation_rate`, 1, 1);
				const same = config.padding === 'same';
				if (!same && config.padding !== 'valid')
					bad(`${where} config.padding is ${show(config.padding)}; expected "same" or "valid"`);
				const [h, w, c] = shape as [number, number, number];
				const out = (side: number, k: number, s: number) =>
					same ? Math.ceil(side / s) : Math.floor((side - k) / s) + 1;
				shape = [out(h, kh, sh), out(w, kw, sw), filters];
				if (shape[0]! < 1 || shape[1]! < 1)
					bad(`${where} leaves no image: its kernel is larger than its input`);
				add(`${name}/kernel`, [kh, kw, c, filters], where);
				if (config.use_bias !== false) add(`${name}/bias`, [filters], where);
				break;
			}
			case 'MaxPooling2D': {
				if (shape.length !== 3) bad(`${where} needs an image (height, width, channels) coming in`);
				const [ph, pw] = pair(config.pool_size, `${where} config.pool_size`, ...LIMITS.poolSize);
				const [sh, sw] = pair(config.strides ?? [ph, pw], `${where} config.strides`, ...LIMITS.stride);
				const [h, w, c] = shape as [number, number, number];
				const same = config.padding === 'same';
				const out = (side: number, k: number, s: number) =>
					same ? Math.ceil(side / s) : Math.floor((side - k) / s) + 1;
				shape = [out(h, ph, sh), out(w, pw, sw), c];
				if (shape[0]! < 1 || shape[1]! < 1)
					bad(`${where} leaves no image: its pool is larger than its input`);
				break;
			}
			case 'Flatten':
				shape = [width];
				break;
			case 'Reshape': {
				const target = config.target_shape;
				if (!Array.isArray(target) || target.length !== 3)
					bad(`${where} config.target_shape is ${show(target)}; expected [height, width, channels]`);
				const dims = [
					wholeNumber(target[0], `${where} config.target_shape[0]`, ...LIMITS.imageSide),
					wholeNumber(target[1], `${where} config.target_shape[1]`, ...LIMITS.imageSide),
					wholeNumber(target[2], `${where} config.target_shape[2]`, ...LIMITS.channels)
				];
				if (product(dims) !== width)
					bad(
						`${where} config.target_shape ${show(target)} holds ${product(dims).toLocaleString('en')} values; its input has ${width.toLocaleString('en')}`
					);
				shape = dims;
				break;
			}
			case 'BatchNormalization': {
				if (config.axis !== undefined && config.axis !== -1 && config.axis !== shape.length)
					bad(`${where} config.axis is ${show(config.axis)}; Benchtop normalises the last axis (-1)`);
				const channels = [shape.at(-1)!];
				if (config.scale !== false) add(`${name}/gamma`, channels, where);
				if (config.center !== false) add(`${name}/beta`, channels, where);
				add(`${name}/moving_mean`, channels, where);
				add(`${name}/moving_variance`, channels, where);
				break;
			}
			case 'Dropout':
				break;
		}
		if (product(shape) > MAX_ACTIVATION)
			bad(
				`${where} outputs ${product(shape).toLocaleString('en')} values per row, more than a Benchtop model makes`
			);
	});
	const lastLayer = layers.at(-1) as { class_name?: unknown };
	if (lastLayer.class_name !== 'Dense')
		bad(
			`${MODEL_JSON}: the last layer is ${show(lastLayer.class_name)}; Benchtop networks end in a Dense output layer`
		);
	return weights;
}

/**
 * The weights manifest's entries, checked against the topology's needs: float32 only, no quantization,
 * every weight the layers need with exactly their shape and nothing else. Returns them in file order.
 */
export function checkWeightSpecs(specs: unknown, expected: Map<string, number[]>): WeightSpec[] {
	const where = `${MODEL_JSON} weightsManifest`;
	if (!Array.isArray(specs)) bad(`${where} has no list of weights`);
	const seen = new Set<string>();
	const checked = specs.map((spec: unknown, i: number): WeightSpec => {
		const at = `${where} weight ${i + 1}`;
		if (!isObject(spec) || typeof spec.name !== 'string') bad(`${at} has no name`);
		const name = spec.name;
		if (spec.dtype !== 'float32')
			bad(
				`${where} weight “${name}” has dtype ${show(spec.dtype)}; Benchtop weights are float32 (this file is not a Benchtop model's)`
			);
		if ('quantization' in spec && spec.quantization != null)
			bad(`${where} weight “${name}” is quantized; Benchtop weights are plain float32`);
		const want = expected.get(name);
		if (!want) bad(`${where} lists “${name}”, which no layer in modelTopology has`);
		if (seen.has(name)) bad(`${where} lists “${name}” twice`);
		seen.add(name);
		const shape = spec.shape;
		if (
			!Array.isArray(shape) ||
			shape.length !== want.length ||
			shape.some((d: unknown, k: number) => d !== want[k])
		)
			bad(`${where} weight “${name}” has shape ${show(shape)}; its layer needs ${show(want)}`);
		return { name, shape: want, dtype: 'float32' };
	});
	const missing = [...expected.keys()].filter((name) => !seen.has(name));
	if (missing.length > 0)
		bad(
			`${where} lacks ${missing
				.slice(0, 3)
				.map((n) => `“${n}”`)
				.join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}, which the layers need`
		);
	return checked;
}

/** Bytes the weights file must have: four per float32 number the manifest lists. */
export function weightByteLength(specs: readonly WeightSpec[]): number {
	return specs.reduce((sum, spec) => sum + product(spec.shape), 0) * 4;
}

/** The weight bytes: exactly the size the manifest needs, and every number finite. */
export function checkWeightBytes(bytes: Uint8Array, specs: readonly WeightSpec[], file: string): void {
	const need = weightByteLength(specs);
	if (bytes.byteLength !== need) {
		const numbers = plural(need / 4, 'float32 number');
		bad(
			bytes.byteLength === 0
				? `${file} is empty; ${MODEL_JSON}'s weights manifest needs ${plural(need, 'byte')} (${numbers})`
				: `${file} is ${plural(bytes.byteLength, 'byte')}; ${MODEL_JSON}'s weights manifest needs exactly ${plural(need, 'byte')} (${numbers}): the file is ${bytes.byteLength < need ? 'truncated' : 'too long'} or not this model's`
		);
	}
	const copy = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
	const values = new Float32Array(copy.buffer, copy.byteOffset, need / 4);
	let notFinite = 0;
	let first = -1;
	for (let i = 0; i < values.length; i++) {
		if (!Number.isFinite(values[i]!)) {
			notFinite++;
			if (first < 0) first = i;
		}
	}
	if (notFinite === 0) return;
	let offset = 0;
	const owner = specs.find((spec) => (offset += product(spec.shape)) > first)!;
	bad(
		`${file} holds ${plural(notFinite, 'number')} that ${notFinite === 1 ? 'is' : 'are'} not finite (NaN or ±Infinity), the first in “${owner.name}”: a trained model's weights are all finite`
	);
}

/** Lower-case hex SHA-256 of the bytes (Web Crypto, in browsers and Node alike). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	// A copy into a fresh Uint8Array: a Node Buffer's slice() is a view into a shared pool, not a copy.
	const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The recorded hash, when the record has one, must be the bytes' hash. */
export async function checkWeightHash(bytes: Uint8Array, expected: string | undefined, file: string) {
	if (expected === undefined) return;
	const actual = await sha256Hex(bytes);
	if (actual !== expected.toLowerCase())
		bad(
			`${file} has SHA-256 ${actual.slice(0, 12)}…, but benchtop.json records weightsSha256 ${expected.slice(0, 12)}…: the weights were changed or belong to another model`
		);
}

export interface LayersArtifactParts {
	modelTopology: unknown;
	weightSpecs: unknown;
	weights: Uint8Array;
	/** SHA-256 of the weights as recorded when the model was written, when it was. */
	weightsSha256?: string;
}

/** Every check, in order: topology, manifest, bytes, hash. Returns the checked weight specs. */
export async function checkLayersArtifact(
	parts: LayersArtifactParts,
	network: NetworkInterface,
	weightsFile = 'weights.bin'
): Promise<WeightSpec[]> {
	const specs = checkWeightSpecs(parts.weightSpecs, expectedWeights(parts.modelTopology, network));
	checkWeightBytes(parts.weights, specs, weightsFile);
	await checkWeightHash(parts.weights, parts.weightsSha256, weightsFile);
	return specs;
}

/** Inputs and outputs a network must have, from the model's record: one input per feature, one output
 * per class (classification) or per target (regression). */
export function networkInterface(record: {
	task: string;
	targets: readonly string[];
	classes?: readonly string[];
	features: readonly string[];
}): NetworkInterface {
	return {
		inputs: record.features.length,
		outputs: record.task === 'classification' ? (record.classes?.length ?? 0) : record.targets.length
	};
}
