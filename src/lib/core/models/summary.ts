// A network's layers, output shapes and parameter counts, worked out by formula (no TensorFlow), with shape
// problems explained in words before anything trains. buildNetwork builds exactly these rows.
import type { LayerSpec, LayerType, NetworkSpec } from './types.ts';

export interface NetworkIO {
	/** Numbers per row of features. */
	inputSize: number;
	/** Classes (classification) or target columns (regression, multi-output). */
	outputSize: number;
}

export interface SummaryRow {
	/** Position in the built model's `layers`. */
	index: number;
	/** The layer's name in the built model: reshape, dense_1, conv2d_2, ..., output. */
	name: string;
	type: LayerType | 'reshape';
	/** 1-based position in spec.layers; null for the input reshape and the output layer. */
	specLayer: number | null;
	/** Keras style, batch first: [null, 8, 8, 16]. Null when an earlier problem leaves it unknown. */
	outputShape: (number | null)[] | null;
	params: number;
	trainableParams: number;
}

export interface NetworkSummary {
	rows: SummaryRow[];
	totalParams: number;
	trainableParams: number;
	/** What stops this network from being built, in words; empty when it can be. */
	problems: string[];
}

type Shape = { kind: 'flat'; size: number } | { kind: 'image'; h: number; w: number; c: number };

/** The layer's name in messages: "dense", "max-pool 2". */
export function describeLayer(layer: LayerSpec): string {
	return layer.type === 'max-pool' ? `max-pool ${layer.size}` : layer.type;
}

const imageText = (s: { h: number; w: number; c?: number }) =>
	s.c === undefined || s.c === 1 ? `${s.h} × ${s.w}` : `${s.h} × ${s.w} × ${s.c}`;

/** What conv2d does when padding and stride are left out; buildNetwork uses the same. */
export const CONV_DEFAULTS = { padding: 'same', stride: 1 } as const;

export function summarizeNetwork(spec: NetworkSpec, io: NetworkIO): NetworkSummary {
	const rows: SummaryRow[] = [];
	const problems: string[] = [];
	const counters = new Map<string, number>();
	const nameFor = (type: string) => {
		const n = (counters.get(type) ?? 0) + 1;
		counters.set(type, n);
		return `${type.replace('-', '_')}_${n}`;
	};
	let shape: Shape | null = { kind: 'flat', size: io.inputSize };
	let lastFlatten: number | null = null;

	if (!Number.isInteger(io.inputSize) || io.inputSize < 1) {
		problems.push(`The model needs at least one feature column (got ${io.inputSize}).`);
	}
	if (!Number.isInteger(io.outputSize) || io.outputSize < 1) {
		problems.push(`The model needs at least one output (got ${io.outputSize}).`);
	} else if (spec.task === 'classification' && io.outputSize < 2) {
		problems.push('Classification needs at least 2 classes, but the target has only 1 in the training rows.');
	}

	if (spec.family === 'cnn' && spec.inputShape) {
		const [h, w, c] = spec.inputShape;
		if (h * w * c !== io.inputSize) {
			problems.push(
				`The input shape ${imageText({ h, w, c })}${c === 1 ? ' × 1' : ''} holds ${h * w * c} numbers, but each row has ${io.inputSize} features: set inputShape to the image the features are, or check the recipe keeps every pixel column.`
			);
		}
		shape = { kind: 'image', h, w, c };
		rows.push(row(rows.length, 'reshape', 'reshape', null, shape, 0, 0));
	}

	spec.layers.forEach((layer, i) => {
		const at = `Layer ${i + 1} (${describeLayer(layer)})`;
		const name = nameFor(layer.type);
		let params = 0;
		let trainable = 0;
		const input: Shape | null = shape;
		if (input !== null) {
			switch (layer.type) {
				case 'dense': {
					const features = input.kind === 'flat' ? input.size : input.c;
					params = trainable = features * layer.units + layer.units;
					if (input.kind === 'image') {
						problems.push(
							`${at} gets a ${imageText(input)} image: a dense layer after conv2d needs a flatten layer first.`
						);
						shape = { ...input, c: layer.units };
					} else shape = { kind: 'flat', size: layer.units };
					break;
				}
				case 'conv2d': {
					if (input.kind === 'flat') {
						problems.push(needsImage(at, 'conv2d', input.size, lastFlatten, spec, io));
						shape = null;
						break;
					}
					const stride = layer.stride ?? CONV_DEFAULTS.stride;
					const same = (layer.padding ?? CONV_DEFAULTS.padding) === 'same';
					const side = (n: number) =>
						same ? Math.ceil(n / stride) : Math.floor((n - layer.kernel) / stride) + 1;
					const [h, w] = [side(input.h), side(input.w)];
					params = trainable = layer.kernel * layer.kernel * input.c * layer.filters + layer.filters;
					if (h < 1 || w < 1) {
						problems.push(
							`${at} with a ${layer.kernel} × ${layer.kernel} kernel would shrink the ${imageText(input)} image to nothing: use padding 'same' or a smaller kernel.`
						);
						shape = null;
					} else shape = { kind: 'image', h, w, c: layer.filters };
					break;
				}
				case 'max-pool': {
					if (input.kind === 'flat') {
						problems.push(needsImage(at, 'max-pool', input.size, lastFlatten, spec, io));
						shape = null;
						break;
					}
					// Pooling windows do not overlap (stride = size) and partial windows at the edge are dropped.
					const [h, w] = [Math.floor(input.h / layer.size), Math.floor(input.w / layer.size)];
					if (h < 1 || w < 1) {
						problems.push(
							`${at} would shrink the ${imageText(input)} image to nothing: use a smaller pool or remove the layer.`
						);
						shape = null;
					} else shape = { kind: 'image', h, w, c: input.c };
					break;
				}
				case 'flatten': {
					if (input.kind === 'flat') {
						problems.push(
							`${at} has nothing to flatten: its input is already a flat row of ${input.size} numbers. Remove it.`
						);
						shape = null;
					} else {
						shape = { kind: 'flat', size: input.h * input.w * input.c };
						lastFlatten = i + 1;
					}
					break;
				}
				case 'batch-norm': {
					// Scale and shift learn; the running mean and variance are counted, not trained.
					const features = input.kind === 'flat' ? input.size : input.c;
					params = 4 * features;
					trainable = 2 * features;
					break;
				}
				case 'dropout':
					break;
			}
		}
		rows.push(row(rows.length, name, layer.type, i + 1, shape, params, trainable));
	});

	let outputParams = 0;
	const last: Shape | null = shape;
	if (last !== null) {
		if (last.kind === 'image') {
			problems.push(
				`The output layer needs a flat row, but the last layer gives a ${imageText(last)} image: add a flatten layer after the last conv2d or max-pool layer.`
			);
		}
		outputParams = (last.kind === 'flat' ? last.size : last.c) * io.outputSize + io.outputSize;
	}
	const outputShape: Shape | null =
		last === null
			? null
			: last.kind === 'flat'
				? { kind: 'flat', size: io.outputSize }
				: { ...last, c: io.outputSize };
	rows.push(row(rows.length, 'output', 'dense', null, outputShape, outputParams, outputParams));

	return {
		rows,
		totalParams: rows.reduce((sum, r) => sum + r.params, 0),
		trainableParams: rows.reduce((sum, r) => sum + r.trainableParams, 0),
		problems
	};
}

function needsImage(
	at: string,
	type: string,
	size: number,
	lastFlatten: number | null,
	spec: NetworkSpec,
	io: NetworkIO
) {
	if (lastFlatten !== null) {
		return `${at} comes after the flatten layer (layer ${lastFlatten}), which turned the image into a flat row of ${size} numbers: move the ${type} layer before the flatten.`;
	}
	if (spec.family === 'cnn') {
		return `${at} needs an image, but a dense layer before it made a flat row of ${size} numbers: put ${type} layers before any dense layer.`;
	}
	return `${at} needs an image, but the input is a flat row of ${io.inputSize} numbers: use a CNN only on image-shaped data (like digits' 8 × 8 pixels) or remove the ${type} layer.`;
}

function row(
	index: number,
	name: string,
	type: SummaryRow['type'],
	specLayer: number | null,
	shape: Shape | null,
	params: number,
	trainableParams: number
): SummaryRow {
	const outputShape =
		shape === null ? null : shape.kind === 'flat' ? [null, shape.size] : [null, shape.h, shape.w, shape.c];
	return { index, name, type, specLayer, outputShape, params, trainableParams };
}

const KERAS_NAMES: Record<SummaryRow['type'], string> = {
	reshape: 'Reshape',
	dense: 'Dense',
	dropout: 'Dropout',
	'batch-norm': 'BatchNormalization',
	conv2d: 'Conv2D',
	'max-pool': 'MaxPooling2D',
	flatten: 'Flatten'
};

/** The summary as the text table Keras' model.summary() prints. */
export function formatSummary(summary: NetworkSummary): string {
	const count = (n: number) => n.toLocaleString('en');
	const lines = summary.rows.map((r) => [
		`${r.name} (${KERAS_NAMES[r.type]})`,
		r.outputShape === null ? '?' : `(${r.outputShape.map((d) => (d === null ? 'None' : d)).join(', ')})`,
		count(r.params)
	]);
	const header = ['Layer (type)', 'Output Shape', 'Param #'];
	const widths = header.map((h, col) => Math.max(h.length, ...lines.map((cells) => cells[col]!.length)) + 3);
	const format = (cells: string[]) =>
		cells
			.map((cell, col) => cell.padEnd(widths[col]!))
			.join('')
			.trimEnd();
	const rule = (char: string) => char.repeat(widths.reduce((a, b) => a + b, 0) - 3);
	const body = lines.flatMap((cells, i) => (i === 0 ? [format(cells)] : [rule('_'), format(cells)]));
	return [
		rule('_'),
		format(header),
		rule('='),
		...body,
		rule('='),
		`Total params: ${count(summary.totalParams)}`,
		`Trainable params: ${count(summary.trainableParams)}`,
		`Non-trainable params: ${count(summary.totalParams - summary.trainableParams)}`,
		rule('_'),
		...summary.problems.map((p) => `Problem: ${p}`)
	].join('\n');
}
