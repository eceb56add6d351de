// The evaluation metrics' public face: classification and regression metrics, the charted curves, the
// baselines the Evaluate page compares against and the summary the CLI prints.
export * from '../metrics/inputs.ts';
export * from '../metrics/curves.ts';
export * from '../metrics/classification.ts';
export * from '../metrics/regression.ts';
export * from '../metrics/baseline.ts';
export * from '../metrics/summary.ts';
// Clustering has its own label type (any labels, not class indices), so its names are listed.
export {
	adjustedRandScore,
	daviesBouldinScore,
	inertia,
	silhouetteSamples,
	silhouetteScore,
	type Points,
	type SilhouetteOptions
} from '../metrics/clustering.ts';
