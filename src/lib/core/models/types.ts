// What a model is, declaratively: the task, the family and, for networks, the layers. Plain JSON, so a
// spec travels into workers, run records, share links and exported bundles, and is validated on every way
// in (spec-schema.ts). The output layer is not part of `layers`: it follows from the task and the targets.

export const TASKS = ['classification', 'regression', 'multi-output', 'clustering'] as const;
export type Task = (typeof TASKS)[number];

export const FAMILIES = ['linear', 'mlp', 'cnn', 'kmeans'] as const;
export type ModelFamily = (typeof FAMILIES)[number];

export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'elu', 'selu', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export type LayerSpec =
	| { type: 'dense'; units: number; activation: Activation; l2?: number; l1?: number }
	| { type: 'dropout'; rate: number }
	| { type: 'batch-norm' }
	| {
			type: 'conv2d';
			filters: number;
			kernel: number;
			stride?: number;
			padding?: 'same' | 'valid';
			activation: Activation;
			l2?: number;
			l1?: number;
	  }
	| { type: 'max-pool'; size: number }
	| { type: 'flatten' };

export type LayerType = LayerSpec['type'];

export interface NetworkSpec {
	family: 'linear' | 'mlp' | 'cnn';
	task: Exclude<Task, 'clustering'>;
	/** Hidden layers, in order; empty for linear and logistic regression. */
	layers: LayerSpec[];
	/**
	 * Linear models only: the L2 penalty on the output weights, as a layer's l2 (Keras: l2 × Σw² added to the
	 * mean loss). Absent: none for logistic regression, and scikit-learn's Ridge α = 1 for a linear regression
	 * solved exactly (ridge.ts), whose α is l2 × rows × outputs otherwise.
	 */
	l2?: number;
	/** For CNNs: the image each row is, [height, width, channels]. */
	inputShape?: [number, number, number];
	/**
	 * For CNNs whose rows carry one image file each (an imported Teachable Machine model) rather than pixel
	 * columns: the image is cropped to its centre square, resized to inputShape and each RGB value v becomes
	 * v × scale + offset (Teachable Machine: scale 1/127.5, offset −1). `layers` then lists no layers: the
	 * network (a nested MobileNet) is the artifact's, beyond what a spec's layers can say.
	 */
	imageInput?: { scale: number; offset: number };
}

export interface KMeansSpec {
	family: 'kmeans';
	task: 'clustering';
	k: number;
	/** Restarts from different seeded k-means++ starts; the lowest inertia wins (scikit-learn's n_init). */
	restarts: number;
	maxIterations: number;
}

export type ModelSpec = NetworkSpec | KMeansSpec;

/** What the prepared data looks like to a model: built from the fitted recipe's output and the targets. */
export interface ModelShape {
	/** Feature columns, in order. */
	features: string[];
	/** Target columns (empty for clustering). */
	targets: string[];
	/** Class labels for classification, in output order. */
	classes?: string[];
}
