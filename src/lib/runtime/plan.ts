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

export type Activation = 'linear' | 'relu' | 'tanh' | 'sigmoid' | 'elu' | 'selu' | 'softmax';

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
	| { op: 'activation'; activation: Activation };

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
	/** Bytes of weights the plan refers to (model.bin's size). */
	weightBytes: number;
}
