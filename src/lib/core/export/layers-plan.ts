// A TF.js Layers artifact as the edge runtime's operations: the Keras topology read layer by layer
// (Dense, Conv2D, DepthwiseConv2D, MaxPooling2D, GlobalAveragePooling2D, ZeroPadding2D, Flatten, Reshape,
// BatchNormalization, ReLU, Add, Dropout, Activation), each with its weights from the artifact's manifest.
// Nested models (a Sequential or functional Model used as a layer, as Teachable Machine nests its truncated
// MobileNet) are flattened into the one chain; a functional graph runs as that chain with saved slots for
// its skip connections (save / load / add). Anything else is refused by name: the bundle must never guess.
import { BenchtopError } from '../errors.ts';
import type { LayersArtifact } from '../models/artifact.ts';
import type { Activation, LayerOp } from '../../runtime/plan.ts';
import type { WeightWriter } from './weight-writer.ts';

const ACTIVATIONS: readonly string[] = [
	'linear',
	'relu',
	'relu6',
	'tanh',
	'sigmoid',
	'elu',
	'selu',
	'softmax'
];

interface KerasLayer {
	class_name: string;
	config: Record<string, unknown>;
	/** Functional models: the layers feeding this one (Keras 2 / TF.js: [[[name, node, tensor, kwargs]]]). */
	inbound_nodes?: unknown;
}

function layersOf(topology: unknown): KerasLayer[] {
	const model = (topology ?? {}) as { class_name?: unknown; config?: unknown; model_config?: unknown };
	const root = (model.model_config ?? model) as { class_name?: unknown; config?: unknown };
	if (root.class_name !== 'Sequential')
		throw new BenchtopError(
			'bad-input',
			`The edge bundle runs Sequential TF.js models; this one is ${String(root.class_name)}.`
		);
	const config = root.config as { layers?: unknown } | unknown[];
	const layers = Array.isArray(config) ? config : (config as { layers?: unknown })?.layers;
	if (!Array.isArray(layers)) throw new BenchtopError('bad-input', 'The model topology lists no layers.');
	return layers as KerasLayer[];
}

/** The weights by name (“dense_1/kernel”), read from the artifact's float32 bytes in manifest order. */
async function weightsByName(
	artifact: LayersArtifact
): Promise<Map<string, { values: Float32Array; shape: number[] }>> {
	const bytes = new Uint8Array(await artifact.weightData.arrayBuffer());
	const out = new Map<string, { values: Float32Array; shape: number[] }>();
	let offset = 0;
	for (const spec of artifact.weightSpecs as { name: string; shape: number[]; dtype?: string }[]) {
		if ((spec.dtype ?? 'float32') !== 'float32')
			throw new BenchtopError(
				'bad-input',
				`Weight ${spec.name} is ${spec.dtype}; the bundle reads float32 weights.`
			);
		const count = spec.shape.reduce((a, b) => a * b, 1);
		const values = new Float32Array(bytes.slice(offset, offset + count * 4).buffer);
		if (values.length !== count)
			throw new BenchtopError(
				'bad-input',
				`The weights end before ${spec.name}: the weight data is too short.`
			);
		out.set(spec.name, { values, shape: spec.shape });
		offset += count * 4;
	}
	return out;
}

const pair = (value: unknown, name: string): [number, number] => {
	const list = typeof value === 'number' ? [value, value] : value;
	if (!Array.isArray(list) || list.length !== 2 || !list.every((x) => Number.isInteger(x) && x > 0))
		throw new BenchtopError(
			'bad-input',
			`Layer setting ${name} is ${JSON.stringify(value)}; expected two whole numbers.`
		);
	return list as [number, number];
};

function activation(value: unknown, layer: string): Activation {
	const name = value ?? 'linear';
	if (typeof name !== 'string' || !ACTIVATIONS.includes(name))
		throw new BenchtopError(
			'bad-input',
			`Layer ${layer} uses activation ${JSON.stringify(name)}, which the edge runtime lacks.`
		);
	return name as Activation;
}

function padding(value: unknown, layer: string): 'valid' | 'same' {
	if (value === undefined || value === 'valid' || value === 'same')
		return (value ?? 'valid') as 'valid' | 'same';
	throw new BenchtopError(
		'bad-input',
		`Layer ${layer} pads with ${JSON.stringify(value)}; the edge runtime pads valid or same.`
	);
}

/** The layers feeding a functional model's layer, by name (TF.js / Keras 2 inbound_nodes). */
function inboundOf(layer: KerasLayer, name: string): string[] {
	const nodes = layer.inbound_nodes;
	if (!Array.isArray(nodes) || nodes.length === 0) return [];
	if (nodes.length !== 1 || !Array.isArray(nodes[0]))
		throw new BenchtopError(
			'bad-input',
			`Layer ${name} is used ${nodes.length} times; the edge runtime runs each layer once.`
		);
	return (nodes[0] as unknown[]).map((input) => {
		if (!Array.isArray(input) || typeof input[0] !== 'string')
			throw new BenchtopError('bad-input', `Layer ${name} has inbound_nodes the edge runtime cannot read.`);
		return input[0];
	});
}

/** The layers as runtime operations, their tensors written into `writer` (kernels quantised as it says). */
export async function layersPlan(artifact: LayersArtifact, writer: WeightWriter): Promise<LayerOp[]> {
	const weights = await weightsByName(artifact);
	const tensor = (layer: string, key: string, large: boolean, optional = false) => {
		const found = weights.get(`${layer}/${key}`);
		if (!found) {
			if (optional) return null;
			throw new BenchtopError('bad-input', `Layer ${layer} has no ${key} in the weights.`);
		}
		return writer.add(found.values, found.shape, large);
	};
	const ops: LayerOp[] = [];
	let slots = 0;
	/** The input shape the first layer declares: the flat row becomes that image before anything else. */
	let shaped = false;
	const input = (config: Record<string, unknown>) => {
		const shape = (config.batch_input_shape ?? config.batch_shape) as unknown[] | undefined;
		if (!shaped && Array.isArray(shape) && shape.length === 4)
			ops.push({ op: 'reshape', shape: shape.slice(1).map(Number) });
		shaped = true;
	};

	/** A Sequential's layers one after another. */
	function chain(layers: KerasLayer[]) {
		for (const layer of layers) one(layer);
	}

	/**
	 * A functional model as one chain: its layers are listed in an order that runs (Keras writes them so);
	 * an output some later layer reads while another runs first is saved to a slot and loaded back.
	 */
	function graph(config: Record<string, unknown>, name: string) {
		const layers = (config.layers ?? []) as KerasLayer[];
		const inputs = layers.map((layer) => inboundOf(layer, String(layer.config?.name)));
		const slotOf = new Map<string, number>();
		layers.forEach((layer, i) => {
			const own = String(layer.config?.name);
			// Read by a layer other than the next one: kept in a slot.
			if (inputs.some((from, j) => j !== i + 1 && from.includes(own))) slotOf.set(own, slots++);
		});
		let current = '';
		layers.forEach((layer, i) => {
			const own = String(layer.config?.name);
			const from = inputs[i]!;
			const ensure = (source: string) => {
				if (source === current) return;
				const slot = slotOf.get(source);
				if (slot === undefined)
					throw new BenchtopError('bad-input', `Layer ${own} in ${name} reads ${source}, which has not run.`);
				ops.push({ op: 'load', slot });
			};
			if (layer.class_name === 'InputLayer') {
				if (i !== 0)
					throw new BenchtopError(
						'bad-input',
						`Model ${name} has more than one input; the edge runtime runs models of one input.`
					);
				input(layer.config);
			} else if (layer.class_name === 'Add') {
				if (from.length !== 2)
					throw new BenchtopError(
						'bad-input',
						`Layer ${own} adds ${from.length} inputs; the edge runtime adds two.`
					);
				const [a, b] = from[1] === current ? [from[1], from[0]!] : [from[0]!, from[1]!];
				ensure(a);
				const slot = slotOf.get(b);
				if (slot === undefined || b === a)
					throw new BenchtopError('bad-input', `Layer ${own} in ${name} adds ${b}, which has not run.`);
				ops.push({ op: 'add', slot });
			} else {
				if (from.length !== 1)
					throw new BenchtopError(
						'bad-input',
						`Layer ${own} in ${name} reads ${from.length} inputs; only Add may read two.`
					);
				ensure(from[0]!);
				one(layer);
			}
			current = own;
			const slot = slotOf.get(own);
			if (slot !== undefined) ops.push({ op: 'save', slot });
		});
		const outputs = config.output_layers as unknown[][] | undefined;
		if (!Array.isArray(outputs) || outputs.length !== 1 || outputs[0]?.[0] !== current)
			throw new BenchtopError(
				'bad-input',
				`Model ${name} does not end in its last layer; the edge runtime runs models of one output.`
			);
	}

	function one({ class_name: kind, config }: KerasLayer) {
		const name = String(config.name);
		if (config.data_format !== undefined && config.data_format !== 'channels_last')
			throw new BenchtopError(
				'bad-input',
				`Layer ${name} is ${String(config.data_format)}; the runtime reads channels last.`
			);
		if (kind !== 'Sequential' && kind !== 'Model' && kind !== 'Functional') input(config);
		const bias = config.use_bias !== false;
		switch (kind) {
			case 'Sequential': {
				const layers = Array.isArray(config) ? config : config.layers;
				chain(layers as KerasLayer[]);
				break;
			}
			case 'Model':
			case 'Functional':
				graph(config, name);
				break;
			case 'InputLayer':
				break;
			case 'Dense':
				ops.push({
					op: 'dense',
					units: Number(config.units),
					activation: activation(config.activation, name),
					kernel: tensor(name, 'kernel', true)!,
					bias: bias ? tensor(name, 'bias', false) : null
				});
				break;
			case 'Conv2D':
			case 'DepthwiseConv2D': {
				const dilation = pair(config.dilation_rate ?? 1, 'dilation_rate');
				if (dilation[0] !== 1 || dilation[1] !== 1)
					throw new BenchtopError(
						'bad-input',
						`Layer ${name} dilates its kernel; the edge runtime does not.`
					);
				const common = {
					kernel: pair(config.kernel_size, 'kernel_size'),
					strides: pair(config.strides ?? 1, 'strides'),
					padding: padding(config.padding, name),
					activation: activation(config.activation, name),
					bias: bias ? tensor(name, 'bias', false) : null
				};
				if (kind === 'Conv2D')
					ops.push({
						op: 'conv2d',
						filters: Number(config.filters),
						weights: tensor(name, 'kernel', true)!,
						...common
					});
				else {
					if ((config.depth_multiplier ?? 1) !== 1)
						throw new BenchtopError(
							'bad-input',
							`Layer ${name} has depth_multiplier ${String(config.depth_multiplier)}; the edge runtime's depthwise convolutions have 1.`
						);
					ops.push({ op: 'depthwise-conv2d', weights: tensor(name, 'depthwise_kernel', true)!, ...common });
				}
				break;
			}
			case 'MaxPooling2D': {
				const pool = pair(config.pool_size ?? 2, 'pool_size');
				ops.push({
					op: 'max-pool',
					pool,
					strides: pair(config.strides ?? pool, 'strides'),
					padding: padding(config.padding, name)
				});
				break;
			}
			case 'GlobalAveragePooling2D':
				if (config.keepdims === true)
					throw new BenchtopError(
						'bad-input',
						`Layer ${name} keeps its pooled dimensions; the edge runtime pools to one number per channel.`
					);
				ops.push({ op: 'global-avg-pool' });
				break;
			case 'ZeroPadding2D': {
				const p = config.padding ?? 1;
				const [[t, b], [l, r]] = (typeof p === 'number'
					? [
							[p, p],
							[p, p]
						]
					: (p as unknown[]).map((x) => (typeof x === 'number' ? [x, x] : x))) as number[][] as [
					[number, number],
					[number, number]
				];
				ops.push({ op: 'zero-pad', pad: [t, b, l, r] });
				break;
			}
			case 'ReLU': {
				const max = config.max_value ?? null;
				if (max !== null && max !== 6)
					throw new BenchtopError(
						'bad-input',
						`Layer ${name} caps ReLU at ${String(max)}; the edge runtime caps at 6 (ReLU6) or not at all.`
					);
				if ((config.negative_slope ?? 0) !== 0 || (config.threshold ?? 0) !== 0)
					throw new BenchtopError(
						'bad-input',
						`Layer ${name} is a leaky or thresholded ReLU; the edge runtime has plain ReLU and ReLU6.`
					);
				ops.push({ op: 'activation', activation: max === 6 ? 'relu6' : 'relu' });
				break;
			}
			case 'Reshape':
				ops.push({ op: 'reshape', shape: (config.target_shape as number[]).map(Number) });
				break;
			case 'Flatten':
				ops.push({ op: 'reshape', shape: [-1] });
				break;
			case 'BatchNormalization': {
				const axis = config.axis ?? -1;
				if (Array.isArray(axis) ? axis.length !== 1 || axis[0] !== -1 : typeof axis !== 'number')
					throw new BenchtopError(
						'bad-input',
						`Layer ${name} normalises axis ${JSON.stringify(axis)}; the runtime normalises the last.`
					);
				ops.push({
					op: 'batch-norm',
					epsilon: Number(config.epsilon ?? 0.001),
					gamma: config.scale === false ? null : tensor(name, 'gamma', false),
					beta: config.center === false ? null : tensor(name, 'beta', false),
					mean: tensor(name, 'moving_mean', false)!,
					variance: tensor(name, 'moving_variance', false)!
				});
				break;
			}
			case 'Dropout':
				break; // inference: dropout passes its input through unchanged
			case 'Activation':
				ops.push({ op: 'activation', activation: activation(config.activation, name) });
				break;
			default:
				throw new BenchtopError(
					'bad-input',
					`Layer ${name} is a ${kind}, which the edge runtime cannot run.`
				);
		}
	}

	chain(layersOf(artifact.modelTopology));
	return ops;
}
