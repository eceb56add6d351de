// What a trained model keeps: a network's weights as TF.js saves them, or k-means centroids. Defined here,
// in models, because each family's engine (engine.ts) saves and reads its own kind; train and predict
// import it from here.

export interface LayersArtifact {
	kind: 'layers';
	/** TF.js model topology JSON (model.json's modelTopology). */
	modelTopology: unknown;
	weightSpecs: unknown[];
	weightData: Blob;
}

export interface KMeansArtifact {
	kind: 'kmeans';
	centroids: number[][];
}

/** A trained model's weights as TF.js saves them, or k-means centroids. */
export type ModelArtifact = LayersArtifact | KMeansArtifact;
