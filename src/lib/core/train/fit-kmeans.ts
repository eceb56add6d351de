// k-means' fitter: centroids from the training rows (plain TypeScript, no TF.js), scored on the test rows
// (or the training rows when the test split has fewer than 2) by inertia and silhouette.
import { inertia as inertiaOf, silhouetteScore } from '../metrics/clustering.ts';
import { featurePoints as pointsOf } from '../models/kmeans/feature-points.ts';
import { fitKMeans, predictKMeans } from '../models/kmeans/kmeans.ts';
import type { KMeansSpec } from '../models/types.ts';
import type { Fitter } from './fitter.ts';

export const fitKMeansRun: Fitter<KMeansSpec> = async (prepared, spec, settings, context) => {
	const { splits, features, base, started } = prepared;
	const points = pointsOf(splits.train, features);
	const fit = fitKMeans(points, spec, settings.seed);
	const scored = splits.test.table.numRows() > 1 ? pointsOf(splits.test, features) : points;
	const labels = predictKMeans(fit.model, scored);
	const metrics = {
		inertia: inertiaOf(scored, labels, Float64Array.from(fit.model.centroids.flat())),
		silhouette:
			fit.model.k > 1 ? silhouetteScore(scored, labels, { sampleSize: 2000, seed: settings.seed }) : null,
		rows: scored.data.length / scored.width
	};
	return {
		run: {
			...base,
			name: `k-means (k = ${spec.k}) · ${context.dataset.name}`,
			status: 'completed',
			history: [],
			bestEpoch: 0,
			metrics: { test: metrics },
			durationMs: Math.round(performance.now() - started)
		},
		artifact: { kind: 'kmeans', centroids: fit.model.centroids },
		model: null
	};
};
