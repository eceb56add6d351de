// k-means' fitter: centroids from the training rows (plain TypeScript, no TF.js), scored on the test rows
// (or the training rows when the test split has fewer than 2) by inertia and silhouette.
import { inertia as inertiaOf, silhouetteScore } from '../metrics/clustering.ts';
import { featurePoints as pointsOf } from '../models/kmeans/feature-points.ts';
import { fitKMeans, fitKMeansFrom, predictKMeans } from '../models/kmeans/kmeans.ts';
import type { Points } from '../metrics/clustering.ts';
import { continuedRecord, parentTestRows } from './continue-from.ts';
import type { KMeansSpec } from '../models/types.ts';
import { isolated } from '../phrase.ts';
import type { Fitter } from './fitter.ts';

export const fitKMeansRun: Fitter<KMeansSpec> = async (prepared, spec, settings, context) => {
	const { splits, features, base, started } = prepared;
	const points = pointsOf(splits.train, features);
	const init = context.init;
	// Trained further, k-means starts from the parent's centres (one Lloyd run, no restarts).
	const parent = init?.artifact.kind === 'kmeans' ? init.artifact.centroids : undefined;
	const fit = parent
		? fitKMeansFrom(points, parent, spec.maxIterations)
		: fitKMeans(points, spec, settings.seed);
	const useTest = splits.test.table.numRows() > 1;
	const scored = useTest ? pointsOf(splits.test, features) : points;
	const score = (centroids: number[][], rows: Points) => {
		const labels = predictKMeans({ ...fit.model, k: centroids.length, centroids }, rows);
		return {
			inertia: inertiaOf(rows, labels, Float64Array.from(centroids.flat())),
			silhouette:
				centroids.length > 1
					? silhouetteScore(rows, labels, { sampleSize: 2000, seed: settings.seed })
					: null,
			rows: rows.data.length / rows.width
		};
	};
	const metrics = score(fit.model.centroids, scored);
	const parentMetrics =
		init && parent && prepared.input
			? score(parent, useTest ? pointsOf(parentTestRows(prepared.input, splits, init), features) : points)
			: undefined;
	return {
		run: {
			...base,
			name: `k-means (k = ${spec.k}) · ${isolated(context.dataset.name)}`,
			status: 'completed',
			history: [],
			bestEpoch: 0,
			metrics: { test: metrics },
			...(init ? { continuedFrom: continuedRecord(init, context.dataset.hash, parentMetrics) } : {}),
			durationMs: Math.round(performance.now() - started)
		},
		artifact: { kind: 'kmeans', centroids: fit.model.centroids },
		model: null
	};
};
