// The report of real runs (an iris classifier, a diabetes regressor, iris k-means) evaluated by evaluateRun:
// every chart the task calls for draws headless, and the metrics printed are the evaluation's.
import { describe, expect, it } from 'vitest';
import { profileTable } from '../../../../src/lib/core/data/profile/index.ts';
import { evaluateRun } from '../../../../src/lib/core/evaluate/evaluate-run.ts';
import { renderReport, reportCharts } from '../../../../src/lib/core/report/index.ts';
import { loadSample } from '../data/profile/load-sample.ts';
import { trainRun } from '../predict/trained-runs.ts';

async function reportOf(file: string, request: Parameters<typeof trainRun>[1]) {
	const input = loadSample(file);
	const { run, artifact } = await trainRun(file, request);
	const evaluation = await evaluateRun(input, run, artifact);
	const profile = profileTable(input.table, input.schema, { target: run.targets[0] });
	const dataset = {
		id: 'd',
		name: file,
		rows: input.table.numRows(),
		columns: input.schema.length,
		schema: input.schema,
		hash: run.datasetHash
	};
	const html = await renderReport({ dataset, run, evaluation, profile });
	return { run, evaluation, html, titles: reportCharts(run, evaluation).map((c) => c.title.split(' (')[0]) };
}

const REMOTE_ATTRIBUTE = /\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i;

describe('report of trained runs', () => {
	it('an iris classifier: confusion matrix, curves and calibration drawn, the evaluation’s accuracy printed', async () => {
		const { evaluation, html, titles } = await reportOf('iris.csv', {
			targets: ['species'],
			settings: { epochs: 8, seed: 5 }
		});
		expect(titles).toEqual([
			'Learning curves',
			'Confusion matrix',
			'ROC curve',
			'Precision–recall curve',
			'Calibration'
		]);
		expect(html.match(/<svg/g)).toHaveLength(5);
		const test = evaluation.splits.find((s) => s.split === 'test')!;
		const accuracy = String(Number(test.metrics.accuracy!.toPrecision(4)));
		expect(html).toContain(`<td>accuracy</td><td class="num">${accuracy}</td>`);
		expect(html).not.toMatch(REMOTE_ATTRIBUTE);
		expect(html).toContain('setosa');
	}, 60_000);

	it('a diabetes regressor and iris k-means: predicted vs actual, residuals, clusters', async () => {
		const regression = await reportOf('diabetes.csv', {
			targets: ['progression'],
			settings: { epochs: 3, seed: 2 }
		});
		expect(regression.titles).toEqual(['Learning curves', 'Predicted vs actual', 'Residuals']);
		expect(regression.html.match(/<svg/g)).toHaveLength(3);
		expect(regression.html).not.toContain('could not be drawn');

		const clusters = await reportOf('iris.csv', {
			targets: ['species'],
			task: 'clustering',
			k: 3,
			settings: { seed: 3 }
		});
		expect(clusters.titles).toEqual(['Clusters on two principal components']);
		expect(clusters.html.match(/<svg/g)).toHaveLength(1);
		expect(clusters.html).toContain('Clusters (k)');
	}, 90_000);
});
