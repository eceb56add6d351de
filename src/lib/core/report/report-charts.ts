// Which charts a run's report shows: its learning curves, then for the test split (the validation split
// when there is no test) the charts the Evaluate page shows for its task. Specs only; renderChartSvg draws.
import type { TopLevelSpec } from 'vega-lite';
import {
	calibrationSpec,
	clusterScatterSpec,
	confusionMatrixSpec,
	learningCurvesSpec,
	precisionRecallSpec,
	predictedVsActualSpec,
	residualsSpec,
	rocCurveSpec
} from '../charts/index.ts';
import type { RunEvaluation, SplitEvaluation } from '../evaluate/run-evaluation.ts';
import type { RunRecord } from '../train/run-record.ts';

export interface ReportChartSpec {
	title: string;
	spec: TopLevelSpec;
}

/** The split the report's charts describe: test when it has rows, else validation. */
export function chartedSplit(evaluation: RunEvaluation | undefined): SplitEvaluation | undefined {
	const splits = evaluation?.splits.filter((s) => s.rows > 0) ?? [];
	return splits.find((s) => s.split === 'test') ?? splits[0];
}

function splitCharts(split: SplitEvaluation, evaluation: RunEvaluation): ReportChartSpec[] {
	const on = `${split.split} split, ${split.rows.toLocaleString('en')} rows`;
	const charts: (ReportChartSpec | null)[] = [];
	const add = (title: string, spec: TopLevelSpec | null) => charts.push(spec ? { title, spec } : null);
	const { outputs } = split;
	if (outputs.kind === 'classification') {
		const classes = evaluation.classes ?? outputs.perClass.map((c) => c.label);
		const scored = { classes, yTrue: outputs.yTrue, proba: outputs.proba };
		add(
			`Confusion matrix (${on})`,
			confusionMatrixSpec(
				{ classes, matrix: outputs.confusion },
				{ subtitle: 'Rows: true class · columns: predicted class' }
			)
		);
		add(`ROC curve (${on})`, rocCurveSpec(scored));
		add(`Precision–recall curve (${on})`, precisionRecallSpec(scored));
		add(`Calibration (${on})`, calibrationSpec(scored));
	} else if (outputs.kind === 'regression') {
		const rows = { targets: evaluation.targets, actual: outputs.actual, predicted: outputs.predicted };
		add(`Predicted vs actual (${on})`, predictedVsActualSpec(rows));
		add(`Residuals (${on})`, residualsSpec(rows));
	} else {
		add(
			`Clusters on two principal components (${on})`,
			clusterScatterSpec({
				clusters: outputs.clusters,
				projection: outputs.projection,
				explainedVariance: outputs.explainedVariance
			})
		);
	}
	return charts.filter((c): c is ReportChartSpec => c !== null);
}

export function reportCharts(run: RunRecord, evaluation: RunEvaluation | undefined): ReportChartSpec[] {
	const charts: ReportChartSpec[] = [];
	const curves = learningCurvesSpec(run.history, {
		metricLabel: run.task === 'classification' ? 'Accuracy' : 'R²',
		bestEpoch: run.bestEpoch > 0 ? run.bestEpoch : undefined
	});
	if (curves) charts.push({ title: 'Learning curves', spec: curves });
	const split = chartedSplit(evaluation);
	if (split && evaluation) charts.push(...splitCharts(split, evaluation));
	return charts;
}
