// Vega-lite spec builders: profile data in, spec out, nothing rendered (VegaChart.svelte draws them).
export { correlationHeatmapSpec } from './correlation-heatmap.ts';
export { featureVsTargetSpec, relationSummary } from './feature-vs-target.ts';
export { histogramSpec } from './histogram.ts';
export { learningCurvesSpec, type LearningCurveOptions } from './learning-curves.ts';
export { missingValuesSpec } from './missing-values.ts';
export { splitBalanceSpec, type SplitClassCounts } from './split-balance.ts';
export { sparklineBars, type SparkBar } from './sparkline-bars.ts';
export { sparklineSpec, type SparklineOptions } from './sparkline.ts';
export { chartConfig, DEFAULT_COLORS, type ChartColors, type ChartOptions } from './theme.ts';
export { topCategoriesSpec } from './top-categories.ts';
export { calibrationSpec } from './calibration.ts';
export { clusterScatterSpec, type ClusterRows } from './cluster-scatter.ts';
export {
	confusionMatrixSpec,
	confusionCells,
	CONFUSION_SELECTION,
	type ConfusionCell,
	type ConfusionMatrixInput
} from './confusion-matrix.ts';
export { precisionRecallSpec } from './precision-recall.ts';
export { predictedVsActualSpec, type RegressionRows } from './predicted-vs-actual.ts';
export { residualsSpec } from './residuals.ts';
export { rocCurveSpec, type ScoredRows } from './roc-curve.ts';
export { importanceBarsSpec } from './importance-bars.ts';
export { groupMetricsSpec } from './group-metrics.ts';
export { cvFoldsSpec } from './cv-folds.ts';
export { kScanSpec } from './k-scan.ts';
export { compareCurvesSpec } from './compare-curves.ts';
