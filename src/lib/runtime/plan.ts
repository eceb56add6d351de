// What an exported bundle's model.js carries besides the weights: the input columns, the fitted recipe's
// steps (row-removing ones left out: a prediction answers every row), the forward pass as a list of plain
// operations, and how to read its outputs. Plain JSON, written by core/export and read by this runtime;
// tensors are references into model.bin, so the plan stays small whatever the model's size.

/** A column type as the studio names it (core/table/column-types.ts). */
export type RuntimeColumnType = 'integer' | 'number' | 'boolean' | 'date' | 'category' | 'text';

/** One tensor in model.bin: float32, float16, or int8 with one scale per channel (the last axis). */
export interface TensorRef {
	/** Byte offset into the weights; every tensor starts on a 4-byte boundary. */
	offset: number;
	shape: number[];
	dtype: 'float32' | 'float16' | 'int8';
	/** int8 only: the dequantisation scale of each channel (value = code × scale). */
	scales?: number[];
}

export type Activation = 'linear' | 'relu' | 'relu6' | 'tanh' | 'sigmoid' | 'elu' | 'selu' | 'softmax';

/** One operation of the forward pass on a row-major batch (channels last for images). */
export type LayerOp =
	| { op: 'dense'; units: number; activation: Activation; kernel: TensorRef; bias: TensorRef | null }
	| {
			op: 'conv2d';
			filters: number;
			kernel: [number, number];
			strides: [number, number];
			padding: 'valid' | 'same';
			activation: Activation;
			weights: TensorRef;
			bias: TensorRef | null;
	  }
	| { op: 'max-pool'; pool: [number, number]; strides: [number, number]; padding: 'valid' | 'same' }
	/** Only the shape changes: the batch stays row-major, so reshape and flatten only set it. */
	| { op: 'reshape'; shape: number[] }
	| {
			op: 'batch-norm';
			epsilon: number;
			gamma: TensorRef | null;
			beta: TensorRef | null;
			mean: TensorRef;
			variance: TensorRef;
	  }
	| { op: 'activation'; activation: Activation }
	/** Zeros around an image: [top, bottom, left, right] rows and columns. */
	| { op: 'zero-pad'; pad: [number, number, number, number] }
	/** One k×k filter per channel (depth multiplier 1), as Keras' DepthwiseConv2D. */
	| {
			op: 'depthwise-conv2d';
			kernel: [number, number];
			strides: [number, number];
			padding: 'valid' | 'same';
			activation: Activation;
			weights: TensorRef;
			bias: TensorRef | null;
	  }
	/** Each channel's mean over the image: [h, w, c] → [c]. */
	| { op: 'global-avg-pool' }
	/**
	 * A graph (Keras functional model, a residual block) run as one chain: `save` keeps a copy of the
	 * batch in a slot, `load` makes a slot the batch again, `add` adds a slot to the batch (Keras' Add).
	 */
	| { op: 'save'; slot: number }
	| { op: 'load'; slot: number }
	| { op: 'add'; slot: number };

/** How the features become predictions: a network's layers, or the nearest of k centroids. */
export type ModelPlan = { kind: 'network'; layers: LayerOp[] } | { kind: 'centroids'; centroids: TensorRef };

export interface InputColumn {
	name: string;
	type: RuntimeColumnType;
	/** Whether a row must give it (a column the recipe imputes or drops may be left out). */
	required: boolean;
}

export interface RecipeStepPlan {
	op: string;
	params: Record<string, unknown>;
	state: unknown;
}

/**
 * An image model's input: each row's \`image\` (an ImageData-like { width, height, data } of RGBA bytes) is
 * cropped to its centre square, resized to height × width (bilinear, half-pixel centres), and each RGB
 * value v becomes v × scale + offset (Teachable Machine: v / 127.5 − 1). A Float32Array of height ×
 * width × channels numbers is taken as already prepared.
 */
export interface ImageInput {
	height: number;
	width: number;
	channels: number;
	scale: number;
	offset: number;
}

export interface RuntimePlan {
	format: 'benchtop-runtime';
	version: 1;
	task: 'classification' | 'regression' | 'multi-output' | 'clustering';
	/** The raw columns a row may carry, in the training table's order (targets included, not required). */
	inputs: InputColumn[];
	targets: string[];
	classes: string[] | null;
	/** The prepared columns the model reads, in order. */
	features: string[];
	steps: RecipeStepPlan[];
	model: ModelPlan;
	/** An image model: rows carry \`image\` instead of columns (inputs, features and steps are then empty). */
	image?: ImageInput;
	/** Bytes of weights the plan refers to (model.bin's size). */
	weightBytes: number;
}
