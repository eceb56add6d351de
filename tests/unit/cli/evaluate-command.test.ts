// `benchtop evaluate` end to end through main(): the metrics of a model `benchtop train` wrote equal the
// core metric functions on the model's own outputs (loaded independently with TF.js), the same from a .zip,
// the readable form with its confusion matrix, an HTML report, unseen labels counted, bad input in one line.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { argmaxRows, classificationSummary, confusionMatrix } from '../../../src/lib/core/evaluate/index.ts';
import { readLabels } from '../../../src/lib/core/table/read-column.ts';
import {
	cli,
	editedSample,
	independentOutputs,
	sample,
	trainModel,
	workFolder,
	zipModel
} from './model-fixtures.ts';

const work = workFolder('evaluate');
let iris: string;

interface EvaluateJson {
	task: string;
	model: string;
	rows: { file: number; evaluated: number; not_predicted: number };
	metrics: Record<string, unknown> & { confusion_matrix?: { labels: string[]; matrix: number[][] } };
	unseen_labels?: Record<string, number>;
	notes?: string[];
	report?: string;
}

async function evaluateJson(args: string[]): Promise<EvaluateJson> {
	const { code, out, err } = await cli(['evaluate', ...args, '--json']);
	expect(err).toEqual([]);
	expect(code).toBe(0);
	expect(out).toHaveLength(1);
	return JSON.parse(out[0]!) as EvaluateJson;
}

/** What the core metric functions give on the model's outputs, the model loaded straight from its files. */
async function expectedIrisMetrics(dir: string, file: string) {
	const { rows, input, bundle } = await independentOutputs(dir, file);
	const proba = Float32Array.from(rows.flat());
	const classes = bundle.classes as string[];
	const yTrue = readLabels(input.table, 'species').map((label) => classes.indexOf(label!));
	return {
		...classificationSummary({ task: 'classification', classes, yTrue, proba }),
		confusion_matrix: confusionMatrix(yTrue, argmaxRows(proba, 3), classes)
	};
}

beforeAll(async () => {
	iris = await trainModel(work, 'iris', [
		sample('iris.csv'),
		'--target',
		'species',
		'--epochs',
		'10',
		'--model',
		'mlp'
	]);
}, 60_000);

describe('benchtop evaluate', () => {
	it('--json: train --json’s metric names, the confusion matrix with its labels, equal to the core functions', async () => {
		const result = await evaluateJson([iris, sample('iris.csv')]);
		expect(result).toMatchObject({ task: 'classification', model: 'mlp' });
		expect(result.rows).toEqual({ file: 150, evaluated: 150, not_predicted: 0 });
		expect(Object.keys(result.metrics).sort()).toEqual(
			['accuracy', 'confusion_matrix', 'f1_macro', 'log_loss', 'roc_auc'].sort()
		);
		const expected = await expectedIrisMetrics(iris, sample('iris.csv'));
		expect(result.metrics.accuracy).toBe(expected.accuracy);
		expect(result.metrics.f1_macro).toBe(expected.f1_macro);
		expect(result.metrics.roc_auc).toBe(expected.roc_auc);
		expect(result.metrics.log_loss).toBeCloseTo(expected.log_loss!, 12);
		expect(result.metrics.confusion_matrix).toEqual({
			labels: ['setosa', 'versicolor', 'virginica'],
			matrix: expected.confusion_matrix.matrix
		});
		expect(result.metrics.confusion_matrix!.matrix.flat().reduce((a, b) => a + b, 0)).toBe(150);
		console.log(`evaluate iris: ${JSON.stringify(result.metrics)}`);
	});

	it('reads the same model from a .zip', async () => {
		const zip = zipModel(iris, join(work, 'iris.zip'));
		const fromZip = await evaluateJson([zip, sample('iris.csv')]);
		const fromFolder = await evaluateJson([iris, sample('iris.csv')]);
		expect(fromZip.metrics).toEqual(fromFolder.metrics);
	});

	it('without --json: the metrics and a confusion matrix as a table', async () => {
		const { code, out } = await cli(['evaluate', iris, sample('iris.csv')]);
		expect(code).toBe(0);
		expect(out[0]).toBe('iris.csv: 150 rows; model: mlp (classification of species)');
		expect(out[1]).toBe('metrics on 150 rows:');
		expect(out[2]).toMatch(/^ {2}accuracy 0\.\d+ {2}f1_macro 0\.\d+ {2}roc_auc 0\.\d+ {2}log_loss \d/);
		expect(out[3]).toBe('confusion matrix (rows: true class, columns: predicted):');
		expect(out[4]).toMatch(/^ +setosa {2}versicolor {2}virginica$/);
		expect(out.slice(5, 8).map((line) => line.trim().split(/\s+/)[0])).toEqual([
			'setosa',
			'versicolor',
			'virginica'
		]);
	});

	it('labels the model never saw and unreadable rows are counted and left out, not fatal', async () => {
		const file = editedSample(work, 'iris.csv', 'unseen.csv', (lines) => [
			...lines.slice(0, 3),
			'5.0,3.4,1.5,0.2,hybrid',
			'5.0,3.4,1.5,0.2,hybrid',
			'x,3.4,1.5,0.2,setosa',
			...lines.slice(3)
		]);
		const result = await evaluateJson([iris, file]);
		expect(result.rows).toEqual({ file: 153, evaluated: 150, not_predicted: 1 });
		expect(result.unseen_labels).toEqual({ hybrid: 2 });
		expect(result.notes).toEqual([
			'1 row could not be predicted, left out of the metrics.',
			'2 rows have labels the model never saw (2 × “hybrid”), left out of the metrics.'
		]);
		expect(result.metrics.confusion_matrix!.matrix.flat().reduce((a, b) => a + b, 0)).toBe(150);
	});

	it('--report writes a self-contained HTML report', async () => {
		const path = join(work, 'report.html');
		const result = await evaluateJson([iris, sample('iris.csv'), '--report', path]);
		expect(result.report).toBe(path);
		const html = readFileSync(path, 'utf8');
		expect(html).toMatch(/^<!doctype html>/);
		expect(html).toContain('<section id="metrics">');
		expect(html).toContain('matthews_corrcoef');
		expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
		// Drawing the report's charts headless takes a few seconds on a busy 2-core machine.
	}, 30_000);

	it('regression and clustering print train --json’s metric names', async () => {
		const linnerud = await trainModel(work, 'linnerud', [
			sample('linnerud.csv'),
			'--target',
			'Weight,Waist',
			'--epochs',
			'3'
		]);
		const regression = await evaluateJson([linnerud, sample('linnerud.csv')]);
		expect(regression.task).toBe('multi-output');
		expect(Object.keys(regression.metrics).sort()).toEqual(['mae', 'outputs', 'r2', 'rmse']);
		expect(Object.keys(regression.metrics.outputs as object)).toEqual(['Weight', 'Waist']);
		const kmeans = await trainModel(work, 'kmeans', [sample('iris.csv'), '--task', 'clustering', '--k', '3']);
		const clustering = await evaluateJson([kmeans, sample('iris.csv')]);
		expect(Object.keys(clustering.metrics).sort()).toEqual(['inertia', 'silhouette']);
		expect(clustering.metrics.silhouette).toBeGreaterThan(0.3);
	}, 60_000);

	it('bad input prints one benchtop: line and exits 1', async () => {
		const noPetals = editedSample(work, 'iris.csv', 'no-petals.csv', (lines) =>
			lines.map((line) =>
				line
					.split(',')
					.filter((_, i) => i !== 2 && i !== 4)
					.join(',')
			)
		);
		const wrongType = editedSample(work, 'iris.csv', 'wrong-type.csv', (lines) =>
			lines.map((line, i) => (i === 0 ? line : line.replace(/^[\d.]+/, `a${i}`)))
		);
		const cases: [string[], string | RegExp][] = [
			[
				[iris, noPetals],
				'benchtop: The file lacks 2 columns the model needs: petal_length, species (target).'
			],
			[
				[iris, wrongType],
				'benchtop: sepal_length holds text in this file, but the model was trained on numbers (text instead of number).'
			],
			[[join(work, 'nope'), sample('iris.csv')], /^benchtop: no such model folder or \.zip: /],
			[[sample('iris.csv'), sample('iris.csv')], /^benchtop: .*iris\.csv is not a readable \.zip file/],
			[[work, sample('iris.csv')], /has no benchtop\.json: give the folder benchtop train --out wrote/],
			[[iris, '/nonexistent.csv'], 'benchtop: no such file: /nonexistent.csv'],
			[[iris], /^benchtop: evaluate needs a model and a file/],
			[[iris, sample('iris.csv'), '--frobnicate'], "benchtop: Unknown option '--frobnicate' for evaluate"]
		];
		for (const [args, message] of cases) {
			const { code, out, err } = await cli(['evaluate', ...args]);
			expect(code, args.join(' ')).toBe(1);
			expect(out).toEqual([]);
			expect(err).toHaveLength(1);
			if (typeof message === 'string') expect(err[0]).toBe(message);
			else expect(err[0]).toMatch(message);
		}
		expect(existsSync(join(work, 'never.html'))).toBe(false);
	});
});
