// The k-means family: groups rows into k clusters around centres, with no target. Fitted by kmeans.ts in
// plain TypeScript (no TensorFlow); scan-k.ts helps choose k.
import { BenchtopError } from '../../errors.ts';
import type { KMeansArtifact } from '../artifact.ts';
import type { ModelEngine } from '../engine.ts';
import type { DataShape } from '../family-definition.ts';
import { LIMITS } from '../spec-schema.ts';
import type { KMeansSpec, Task } from '../types.ts';

function unsuitable(task: Task, data: DataShape): string | null {
	if (task !== 'clustering') {
		return `k-means groups rows without a target; to predict a target (${task}), choose a linear model or an MLP.`;
	}
	if (data.rowCount < 2) return 'k-means needs at least 2 rows to group.';
	return null;
}

/**
 * k: the scan's best silhouette when one ran, else 3 (a small number of groups a person can still tell
 * apart and name), never more than the rows. 10 restarts and 300 iterations are scikit-learn's KMeans
 * defaults (n_init=10, max_iter=300): restarts guard against a poor start, and k-means converges long
 * before 300 iterations on almost any data.
 */
export const KMEANS_DEFAULTS = { k: 3, restarts: 10, maxIterations: 300 } as const;

export const kmeansFamily: ModelEngine<KMeansSpec, KMeansArtifact> = {
	family: 'kmeans',
	label: 'k-means clustering',
	summary:
		'Splits the rows into k groups, each around a centre, so that rows in a group are close to each other. No target needed; scale the features first, since distance counts every feature in its own units.',
	tasks: ['clustering'],
	unsuitable,
	defaultSpec(task, data) {
		const reason = unsuitable(task, data);
		if (reason) throw new BenchtopError('bad-input', reason);
		const wanted = data.suggestedK ?? KMEANS_DEFAULTS.k;
		const k = Math.max(1, Math.min(wanted, data.rowCount, LIMITS.k[1]));
		return {
			family: 'kmeans',
			task: 'clustering',
			k,
			restarts: KMEANS_DEFAULTS.restarts,
			maxIterations: KMEANS_DEFAULTS.maxIterations
		};
	},
	artifactKind: 'kmeans',
	editor: { layerTypes: [], k: true },
	trainsInEpochs: false,
	// Prediction is the nearest centroid: squared distances and an arg-min, no library.
	runtime: { library: 'none', ops: ['squared-euclidean-distance', 'argmin'] },
	needsConvolutions: () => false,
	summarize: (spec) => ({
		facts: [
			['Clusters (k)', spec.k],
			['Restarts', spec.restarts],
			['Most iterations', spec.maxIterations]
		],
		network: null
	}),
	// The centroids are small: they go into benchtop.json itself, with no file beside it.
	serialize: async (artifact) => ({ record: { centroids: artifact.centroids }, files: [] }),
	async deserialize(source, model) {
		const { centroids } = source.record;
		if (!centroids)
			throw new BenchtopError(
				'bad-input',
				`${source.where}: a k-means model stores its centroids, and these are missing`
			);
		const wrong = centroids.findIndex((c) => c.length !== model.features.length);
		if (wrong >= 0)
			throw new BenchtopError(
				'bad-input',
				`${source.where}: centroid ${wrong + 1} has ${centroids[wrong]!.length} numbers; expected ${model.features.length}, one per feature`
			);
		return { kind: 'kmeans', centroids };
	}
};
