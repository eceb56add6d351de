// Predicting a raw file: every missing column named at once, a column of the wrong type named with both
// types, a bad cell or a missing value costing only its row (an error entry), input order kept, and the
// CSV's columns per task.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDelimitedText } from '../../../../src/lib/core/data/parse-delimited-text.ts';
import { checkInputTable } from '../../../../src/lib/core/predict/check-input.ts';
import { predictRows } from '../../../../src/lib/core/predict/predict-rows.ts';
import { predictionsCsv } from '../../../../src/lib/core/predict/predictions-csv.ts';
import { bundleFromRun, loadPredictor, type Predictor } from '../../../../src/lib/core/predict/predictor.ts';
import { describeLeftOut, trueLabels } from '../../../../src/lib/core/predict/true-labels.ts';
import { irisClassifier, trainRun, type TrainedRun } from './trained-runs.ts';

const HEADER = 'sepal_length,sepal_width,petal_length,petal_width,species';
const table = (lines: string[]) => parseDelimitedText([HEADER, ...lines].join('\n'));

let iris: TrainedRun;
let predictor: Predictor;
beforeAll(async () => {
	iris = await irisClassifier();
	predictor = await loadPredictor(bundleFromRun(iris.run, iris.artifact));
}, 60_000);

describe('checkInputTable', () => {
	it('lists every missing column, targets marked, only when evaluating', () => {
		const input = parseDelimitedText('sepal_length,petal_width\n5.1,0.2\n');
		const bundle = bundleFromRun(iris.run, iris.artifact);
		expect(checkInputTable(bundle, input).map((p) => p.message)).toEqual([
			'The file lacks 2 columns the model needs: sepal_width, petal_length.'
		]);
		expect(checkInputTable(bundle, input, { withTargets: true })[0]).toMatchObject({
			kind: 'missing-columns',
			columns: ['sepal_width', 'petal_length', 'species'],
			message: 'The file lacks 3 columns the model needs: sepal_width, petal_length, species (target).'
		});
	});

	it('names a column of the wrong type and both types', () => {
		const input = table(['a,3.5,1.4,0.2,setosa', 'b,3.0,1.4,0.2,setosa', '4.9,3.0,1.3,0.2,setosa']);
		const problems = checkInputTable(bundleFromRun(iris.run, iris.artifact), input);
		expect(problems).toEqual([
			{
				kind: 'wrong-type',
				column: 'sepal_length',
				expected: 'number',
				actual: 'text',
				message:
					'sepal_length holds text in this file, but the model was trained on numbers (text instead of number).'
			}
		]);
	});

	it('a file with all columns of the right types has no problems', () => {
		const input = table(['5.1,3.5,1.4,0.2,setosa']);
		expect(checkInputTable(bundleFromRun(iris.run, iris.artifact), input, { withTargets: true })).toEqual([]);
	});
});

describe('predictRows', () => {
	it('predicts every row in input order; bad cells and values missing after the recipe become row errors', async () => {
		// Without an Impute step a missing value reaches the model; the default recipe would fill it.
		const plain = await trainRun('iris.csv', {
			targets: ['species'],
			recipe: { version: 1, steps: [] },
			settings: { epochs: 10, seed: 5 }
		});
		const predictor = await loadPredictor(bundleFromRun(plain.run, plain.artifact));
		const input = table([
			'5.1,3.5,1.4,0.2,setosa',
			'abc,3.0,5.1,1.8,virginica',
			'6.3,3.3,6.0,2.5,virginica',
			'5.0,,1.4,0.2,setosa',
			'5.9,3.0,4.2,1.5,versicolor'
		]);
		const progress: number[] = [];
		const out = await predictRows(predictor, input, { onProgress: (done) => progress.push(done) });
		expect(out.rows).toBe(5);
		expect(out.errorCount).toBe(2);
		expect(out.errors).toEqual([
			null,
			'sepal_length: “abc” is not a number',
			null,
			'missing sepal_width',
			null
		]);
		expect(out.labels![0]).toBe('setosa');
		expect(out.labels![2]).toBe('virginica');
		expect(out.labels![1]).toBeNull();
		expect(Number.isNaN(out.proba![3 * 3])).toBe(true);
		const sum = out.proba![0]! + out.proba![1]! + out.proba![2]!;
		expect(sum).toBeCloseTo(1, 5);
		expect(progress).toEqual([0, 3]);

		const csv = predictionsCsv(predictor.bundle, out).trimEnd().split('\n');
		expect(csv[0]).toBe('label,p_setosa,p_versicolor,p_virginica,error');
		expect(csv).toHaveLength(6);
		expect(csv[1]).toMatch(/^setosa,[\d.e-]+,[\d.e-]+,[\d.e-]+,$/);
		expect(csv[2]).toBe(',,,,sepal_length: “abc” is not a number');
		expect(csv[4]).toBe(',,,,missing sepal_width');
		predictor.dispose();
	});

	it('the same rows give the same probabilities one by one as in a batch', async () => {
		const lines = ['5.1,3.5,1.4,0.2,setosa', '6.3,3.3,6.0,2.5,virginica'];
		const batch = await predictRows(predictor, table(lines));
		const single = await predictRows(predictor, table([lines[1]!]));
		expect(Array.from(single.proba!)).toEqual(Array.from(batch.proba!.subarray(3, 6)));
	});

	it('the default recipe fills a missing value, so the row is predicted', async () => {
		const out = await predictRows(predictor, table(['5.0,,1.4,0.2,setosa']));
		expect(out.errors).toEqual([null]);
		expect(out.labels).toEqual(['setosa']);
	});

	it('a file without the target predicts; labels the model never saw are counted', async () => {
		const input = table(['5.1,3.5,1.4,0.2,hybrid', '5.2,3.5,1.4,0.2,hybrid', '5.9,3.0,4.2,1.5,']);
		const out = await predictRows(predictor, input, { withTargets: true });
		expect(out.errorCount).toBe(0);
		const labels = trueLabels(out.prepared, 'species', predictor.bundle.classes!);
		expect(Array.from(labels.codes)).toEqual([-1, -1, -1]);
		expect(labels.unseen).toEqual({ hybrid: 2 });
		expect(labels.missing).toBe(1);
		expect(describeLeftOut(labels)).toEqual([
			'2 rows have labels the model never saw (2 × “hybrid”), left out of the metrics.',
			'1 row has no label, left out of the metrics.'
		]);
		const noTarget = parseDelimitedText(
			'sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n'
		);
		expect((await predictRows(predictor, noTarget)).labels).toHaveLength(1);
	});

	it('refuses a file with missing columns, naming them all', async () => {
		const input = parseDelimitedText('sepal_length\n5.1\n');
		await expect(predictRows(predictor, input)).rejects.toThrow(
			'The file lacks 3 columns the model needs: sepal_width, petal_length, petal_width.'
		);
	});

	it('regression gives one column per target; clustering a cluster column', async () => {
		const linnerud = await trainRun('linnerud.csv', {
			targets: ['Weight', 'Waist'],
			settings: { epochs: 3, seed: 1 }
		});
		const regressor = await loadPredictor(bundleFromRun(linnerud.run, linnerud.artifact));
		const rows = parseDelimitedText('Chins,Situps,Jumps,Pulse\n5,162,60,50\n2,110,60,60\n');
		const out = await predictRows(regressor, rows);
		expect(out.values).toHaveLength(2);
		expect(Number.isFinite(out.values![1]![1])).toBe(true);
		const csv = predictionsCsv(regressor.bundle, out).split('\n');
		expect(csv[0]).toBe('Weight,Waist,error');
		expect(csv[1]).toMatch(/^-?[\d.]+,-?[\d.]+,$/);
		regressor.dispose();

		const kmeans = await trainRun('iris.csv', {
			targets: [],
			task: 'clustering',
			k: 3,
			settings: { seed: 1 }
		});
		const clusterer = await loadPredictor(bundleFromRun(kmeans.run, kmeans.artifact));
		const clustered = await predictRows(
			clusterer,
			table(['5.1,3.5,1.4,0.2,setosa', '5.1,3.5,1.4,0.2,', '5.1,x,1.4,0.2,setosa'])
		);
		expect(clustered.clusters![0]).toBeGreaterThanOrEqual(0);
		expect(clustered.clusters![1]).toBe(clustered.clusters![0]);
		expect(clustered.errors).toEqual([null, null, 'sepal_width: “x” is not a number']);
		expect(predictionsCsv(clusterer.bundle, clustered).split('\n').slice(0, 4)).toEqual([
			'cluster,error',
			`${clustered.clusters![0]},`,
			`${clustered.clusters![0]},`,
			',sepal_width: “x” is not a number'
		]);
	});
});
