// The evaluation metrics' public face: classification and regression metrics, the charted curves, the
// baselines the Evaluate page compares against and the summary the CLI prints.
export * from './inputs.ts';
export * from './curves.ts';
export * from './classification.ts';
export * from './regression.ts';
export * from './baseline.ts';
export * from './summary.ts';
// Clustering has its own label type (any labels, not class indices), so its names are listed.
export {
	adjustedRandScore,
	daviesBouldinScore,
	inertia,
	silhouetteSamples,
	silhouetteScore,
	type Points,
	type SilhouetteOptions
} from './clustering.ts';
