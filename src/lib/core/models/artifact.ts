// What a trained model keeps: a network's weights as TF.js saves them, or k-means centroids. Defined here,
// in models, because each family's engine (engine.ts) saves and reads its own kind; train and predict
// import it from here.

export interface LayersArtifact {
	kind: 'layers';
	/** TF.js model topology JSON (model.json's modelTopology). */
	modelTopology: unknown;
	weightSpecs: unknown[];
	weightData: Blob;
	/** The optimizer's state after the epoch the weights are from, so training can go on from them as if it
	 * had never stopped (core/train/optimizer-state.ts); absent on older runs and solved models. */
	optimizer?: OptimizerState;
}

/** An optimizer's state as plain arrays, in TF.js's layout whichever engine stepped the batches. */
export interface OptimizerState {
	/** The optimizer's class name as TF.js gives it, e.g. "Adam". */
	name: string;
	/** Steps taken (Adam's bias correction depends on it). */
	iterations: number;
	/** The optimizer's variables after the step count, in `optimizer.getWeights()` order. */
	variables: { name: string; shape: number[]; values: Float32Array }[];
}

export interface KMeansArtifact {
	kind: 'kmeans';
	centroids: number[][];
}

/** A trained model's weights as TF.js saves them, or k-means centroids. */
export type ModelArtifact = LayersArtifact | KMeansArtifact;
