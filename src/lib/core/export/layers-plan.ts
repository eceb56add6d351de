// A TF.js Layers artifact as the edge runtime's operations: the Keras topology read layer by layer
// (Dense, Conv2D, MaxPooling2D, Flatten, Reshape, BatchNormalization, Dropout, Activation), each with its
// weights from the artifact's manifest. Anything else is refused by name: the bundle must never guess.
import { BenchtopError } from '../errors.ts';
import type { LayersArtifact } from '../models/artifact.ts';
import type { Activation, LayerOp } from '../../runtime/plan.ts';
import type { WeightWriter } from './weight-writer.ts';

const ACTIVATIONS: readonly string[] = ['linear', 'relu', 'tanh', 'sigmoid', 'elu', 'selu', 'softmax'];

interface KerasLayer {
	class_name: string;
	config: Record<string, unknown>;
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
	for (const { class_name: kind, config } of layersOf(artifact.modelTopology)) {
		const name = String(config.name);
		if (config.data_format !== undefined && config.data_format !== 'channels_last')
			throw new BenchtopError(
				'bad-input',
				`Layer ${name} is ${String(config.data_format)}; the runtime reads channels last.`
			);
		const bias = config.use_bias !== false;
		switch (kind) {
			case 'Dense':
				ops.push({
					op: 'dense',
					units: Number(config.units),
					activation: activation(config.activation, name),
					kernel: tensor(name, 'kernel', true)!,
					bias: bias ? tensor(name, 'bias', false) : null
				});
				break;
			case 'Conv2D': {
				const dilation = pair(config.dilation_rate ?? 1, 'dilation_rate');
				if (dilation[0] !== 1 || dilation[1] !== 1)
					throw new BenchtopError(
						'bad-input',
						`Layer ${name} dilates its kernel; the edge runtime does not.`
					);
				ops.push({
					op: 'conv2d',
					filters: Number(config.filters),
					kernel: pair(config.kernel_size, 'kernel_size'),
					strides: pair(config.strides ?? 1, 'strides'),
					padding: padding(config.padding, name),
					activation: activation(config.activation, name),
					weights: tensor(name, 'kernel', true)!,
					bias: bias ? tensor(name, 'bias', false) : null
				});
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
	return ops;
}
