import { describe, expect, it } from 'vitest';
import type { RunEvaluation } from '../../../../src/lib/core/evaluate/run-evaluation.ts';
import {
	buildReportHtml,
	chartedSplit,
	renderReport,
	reportCharts,
	reportFileName,
	REPORT_SECTIONS,
	type ReportInput
} from '../../../../src/lib/core/report/index.ts';
import { profileTable } from '../../../../src/lib/core/data/profile/index.ts';
import * as aq from 'arquero';
import { fakeRun } from './run-fixture.ts';

const EVIL = '<img src=x onerror=alert(1)>"&';
const CLASSES = ['setosa', 'versicolor', 'virginica'];

function classificationEvaluation(): RunEvaluation {
	const yTrue = Int32Array.from([0, 0, 1, 1, 2, 2]);
	const proba = Float32Array.from([
		0.9, 0.05, 0.05, 0.6, 0.3, 0.1, 0.1, 0.8, 0.1, 0.2, 0.5, 0.3, 0.1, 0.2, 0.7, 0.05, 0.15, 0.8
	]);
	const perClass = CLASSES.map((label) => ({ label, precision: 1, recall: 0.5, f1: 0.667, support: 2 }));
	return {
		runId: 'run-a',
		task: 'classification',
		targets: ['species'],
		classes: CLASSES,
		splits: [
			{
				split: 'test',
				rows: 6,
				rowIndex: Int32Array.from([0, 1, 2, 3, 4, 5]),
				metrics: { accuracy: 0.8333, f1_macro: 0.8222, roc_auc: 0.95, log_loss: 0.41 },
				baseline: { accuracy: 0.3333, f1_macro: 0.1667, roc_auc: 0.5, log_loss: 1.0986 },
				outputs: {
					kind: 'classification',
					yTrue,
					proba,
					perClass,
					confusion: [
						[2, 0, 0],
						[0, 1, 1],
						[0, 0, 2]
					]
				}
			}
		]
	};
}

function input(overrides: Partial<ReportInput> = {}): ReportInput {
	const run = fakeRun({ features: ['sepal_length', EVIL], name: `MLP ${EVIL}` });
	return {
		dataset: {
			id: 'ds-1',
			name: 'iris',
			rows: 150,
			columns: 3,
			hash: run.datasetHash,
			schema: [
				{ name: 'sepal_length', type: 'number' },
				{ name: EVIL, type: 'number' },
				{ name: 'species', type: 'category' }
			]
		},
		run,
		evaluation: classificationEvaluation(),
		generatedAt: '2026-01-02T03:04:05Z',
		...overrides
	};
}

/** src= or href= pointing at another host (or protocol-relative): what would make the file fetch. */
const REMOTE_ATTRIBUTE = /\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i;

describe('buildReportHtml', () => {
	it('has every section, escapes a malicious column name and makes no request', () => {
		const html = buildReportHtml(
			input({
				importance: {
					metric: 'accuracy',
					baseline: 0.83,
					repeats: 5,
					seed: 1,
					columns: [
						{ column: EVIL, mean: 0.2, std: 0.01 },
						{ column: 'sepal_length', mean: 0.05, std: 0.02 }
					]
				}
			})
		);
		for (const section of REPORT_SECTIONS) {
			expect(html).toContain(`<section id="${section.id}"><h2>${section.title}</h2>`);
		}
		expect(html).not.toContain(EVIL);
		expect(html).not.toContain('<img');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&amp;');
		expect(html).not.toMatch(REMOTE_ATTRIBUTE);
		expect(html).not.toMatch(/<script|<link|@import|url\(/i);
		expect(html).toContain('@media print');
		expect(html).toMatch(/section \{ break-before: page/);
		// Metrics next to the baseline, with the rows they come from.
		expect(html).toMatch(/<td>accuracy<\/td><td class="num">0\.8333<\/td><td class="num">0\.3333<\/td>/);
		expect(html).toContain('test split · 6 rows');
		// The model as a layer table, the recipe in words, the reproducibility record.
		expect(html).toContain('Neural network (MLP)');
		expect(html).toContain('dense_1');
		expect(html).toMatch(/<ol class="steps"><li>[^<]*sepal_length/);
		expect(html).toContain('ab'.repeat(32));
		expect(html).toContain('0123456789abcdef');
		expect(html).toContain('tfjs 4.22.0');
		expect(html).toContain('Mean drop');
	});

	it('says what is missing instead of leaving a section out, and falls back on the stored metrics', () => {
		const html = buildReportHtml(input({ evaluation: undefined }));
		expect(html).toContain('The quality checks were not run for this report.');
		expect(html).toContain('No charts for this run.');
		expect(html).toContain('Permutation importance was not computed for this report.');
		expect(html).toMatch(/<td>log_loss<\/td><td class="num">0\.25<\/td>/);
		expect(html).toContain('the baseline needs an evaluation');
	});

	it('lists the quality findings of a profile', () => {
		const table = aq.table({
			id: [1, 2, 3, 4, 5, 6],
			x: [1, null, null, null, null, 2],
			species: ['a', 'a', 'b', 'b', 'a', 'b']
		});
		const profile = profileTable(table, [
			{ name: 'id', type: 'integer' },
			{ name: 'x', type: 'number' },
			{ name: 'species', type: 'category' }
		]);
		const html = buildReportHtml(input({ profile }));
		expect(html).toContain('severity-');
		expect(html).toMatch(/x[^<]*missing|missing[^<]*x/i);
	});
});

describe('reportCharts and renderReport', () => {
	it('picks the learning curves and the classifier charts of the test split', () => {
		const charts = reportCharts(fakeRun(), classificationEvaluation());
		expect(charts.map((c) => c.title.split(' (')[0])).toEqual([
			'Learning curves',
			'Confusion matrix',
			'ROC curve',
			'Precision–recall curve',
			'Calibration'
		]);
		expect(chartedSplit(undefined)).toBeUndefined();
		expect(reportCharts(fakeRun({ history: [] }), undefined)).toEqual([]);
	});

	it('picks predicted vs actual and residuals for regression, clusters for clustering', () => {
		const regression: RunEvaluation = {
			runId: 'r',
			task: 'regression',
			targets: ['y'],
			splits: [
				{
					split: 'validation',
					rows: 3,
					rowIndex: Int32Array.from([0, 1, 2]),
					metrics: { r2: 0.5 },
					outputs: {
						kind: 'regression',
						actual: [Float64Array.from([1, 2, 3])],
						predicted: [Float64Array.from([1.1, 2.2, 2.7])],
						perOutput: {}
					}
				}
			]
		};
		expect(reportCharts(fakeRun({ history: [] }), regression).map((c) => c.title)).toEqual([
			'Predicted vs actual (validation split, 3 rows)',
			'Residuals (validation split, 3 rows)'
		]);
		const clustering: RunEvaluation = {
			runId: 'c',
			task: 'clustering',
			targets: [],
			splits: [
				{
					split: 'test',
					rows: 3,
					rowIndex: Int32Array.from([0, 1, 2]),
					metrics: {},
					outputs: {
						kind: 'clustering',
						clusters: Int32Array.from([0, 1, 1]),
						projection: Float64Array.from([0, 0, 1, 1, 2, 1]),
						explainedVariance: [0.7, 0.2]
					}
				}
			]
		};
		expect(reportCharts(fakeRun({ history: [] }), clustering)[0]!.title).toMatch(/^Clusters/);
	});

	it('draws the charts as inline SVG, with no namespace URLs left and the column name escaped', async () => {
		const html = await renderReport(input());
		expect(html.match(/<svg/g)!.length).toBe(5);
		expect(html).not.toMatch(/https?:\/\//);
		expect(html).not.toContain(EVIL);
		expect(html).toContain('Confusion matrix');
		expect(reportFileName('run 1/2')).toBe('benchtop-report-run-1-2.html');
	});
});
