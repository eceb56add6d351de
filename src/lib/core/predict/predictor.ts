// A loaded model that predicts prepared rows: a TF.js Layers network rebuilt from its stored topology and
// weights, or k-means centroids. Outputs are read asynchronously (a WebGPU device must never be read
// synchronously) and in chunks, so a large file never needs one huge tensor.
import * as tf from '@tensorflow/tfjs';
import { BenchtopError } from '../errors.ts';
import type { LayersArtifact, ModelArtifact } from '../models/artifact.ts';
import { engineFor } from '../models/families.ts';
import { predictKMeans, type KMeansModel } from '../models/kmeans/kmeans.ts';
import { checkLayersArtifact, networkInterface } from '../models/model-artifact-check.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { featureMatrix } from './feature-matrix.ts';
import type { ModelBundle } from './model-bundle.ts';

export { bundleFromRun, type ModelBundle } from './model-bundle.ts';

export interface Predictions {
	rows: number;
	/** Classification: row-major n × k class probabilities, in `bundle.classes` order. */
	proba?: Float32Array;
	/** Regression: one array per target, in `bundle.targets` order, in target units. */
	values?: Float64Array[];
	/** Clustering: the nearest centroid of each row. */
	clusters?: Int32Array;
}

export interface Predictor {
	bundle: ModelBundle;
	/** Rows already through the fitted recipe; every feature must be a finite number. */
	predictPrepared(prepared: PrepTable): Promise<Predictions>;
	dispose(): void;
}

/** Rows per predict call: bounded tensors on any backend, and a chance for progress between chunks. */
const CHUNK_ROWS = 8192;

/**
 * The half of a family's engine (core/models/engine.ts) that needs TF.js model loading: how each kind of
 * artifact becomes a predictor. Keyed by artifact kind (the networks share 'layers') and typed over every
 * kind, so a new kind does not compile until it has a line here.
 */
const LOADERS: {
	[K in ModelArtifact['kind']]: (
		bundle: ModelBundle,
		artifact: Extract<ModelArtifact, { kind: K }>
	) => Promise<Predictor>;
} = {
	layers: loadLayersPredictor,
	kmeans: async (bundle, artifact) => kmeansPredictor(bundle, artifact.centroids)
};

export async function loadPredictor(bundle: ModelBundle): Promise<Predictor> {
	const { artifact } = bundle;
	const engine = engineFor(bundle.spec);
	if (artifact.kind !== engine.artifactKind)
		throw new BenchtopError(
			'bad-input',
			`This ${engine.label} model has no ${engine.artifactKind === 'kmeans' ? 'centroids' : 'weights'} stored.`
		);
	const load = LOADERS[artifact.kind] as (bundle: ModelBundle, artifact: ModelArtifact) => Promise<Predictor>;
	return load(bundle, artifact);
}

async function loadLayersPredictor(bundle: ModelBundle, artifact: LayersArtifact): Promise<Predictor> {
	const weightData = await artifact.weightData.arrayBuffer();
	// Every model read, from a file or from storage, is checked before TF.js makes a tensor of it.
	await checkLayersArtifact(
		{
			modelTopology: artifact.modelTopology,
			weightSpecs: artifact.weightSpecs,
			weights: new Uint8Array(weightData)
		},
		networkInterface(bundle)
	);
	const model = await tf.loadLayersModel(
		tf.io.fromMemory({
			modelTopology: artifact.modelTopology as tf.io.ModelArtifacts['modelTopology'],
			weightSpecs: artifact.weightSpecs as tf.io.WeightsManifestEntry[],
			weightData
		})
	);
	return networkPredictor(bundle, model);
}

function kmeansPredictor(bundle: ModelBundle, centroids: number[][]): Predictor {
	const width = centroids[0]?.length ?? 0;
	if (centroids.length === 0 || width !== bundle.features.length) {
		throw new BenchtopError(
			'bad-input',
			`This k-means model has ${centroids.length} centroids of ${width} numbers for ${bundle.features.length} features.`
		);
	}
	const model: KMeansModel = {
		k: centroids.length,
		width,
		centroids,
		inertia: 0,
		iterations: 0,
		converged: true
	};
	return {
		bundle,
		async predictPrepared(prepared) {
			const matrix = featureMatrix(prepared, bundle.features);
			if (matrix.n === 0) return { rows: 0, clusters: new Int32Array(0) };
			return { rows: matrix.n, clusters: predictKMeans(model, matrix) };
		},
		dispose() {}
	};
}

function networkPredictor(bundle: ModelBundle, model: tf.LayersModel): Predictor {
	const classification = bundle.task === 'classification';
	const outputs = classification ? (bundle.classes?.length ?? 0) : bundle.targets.length;
	const modelOutputs = (model.outputs[0]?.shape ?? []).at(-1);
	if (modelOutputs !== outputs) {
		model.dispose();
		throw new BenchtopError(
			'bad-input',
			`The model has ${modelOutputs} outputs, but its record lists ${outputs} ${classification ? 'classes' : 'targets'}.`
		);
	}
	return {
		bundle,
		async predictPrepared(prepared) {
			const { data, n, width } = featureMatrix(prepared, bundle.features);
			const raw = new Float32Array(n * outputs);
			for (let start = 0; start < n; start += CHUNK_ROWS) {
				const end = Math.min(n, start + CHUNK_ROWS);
				const input = tf.tensor2d(Float32Array.from(data.subarray(start * width, end * width)), [
					end - start,
					width
				]);
				const output = model.predict(input) as tf.Tensor;
				try {
					raw.set((await output.data()) as Float32Array, start * outputs);
				} finally {
					input.dispose();
					output.dispose();
				}
			}
			if (classification) return { rows: n, proba: raw };
			const values = bundle.targets.map((_, j) =>
				Float64Array.from({ length: n }, (_, i) => raw[i * outputs + j]!)
			);
			return { rows: n, values };
		},
		dispose() {
			model.dispose();
		}
	};
}
