// Batch predictions for an uploaded file, as the evaluate worker makes them: the CSV, the counts, progress
// through reading and predicting, and labels the model never saw reported in words and by count.
import { beforeAll, describe, expect, it } from 'vitest';
import { predictFile, type PredictFileProgress } from '../../../../src/lib/core/predict/predict-file.ts';
import { bundleFromRun, loadPredictor, type Predictor } from '../../../../src/lib/core/predict/predictor.ts';
import { irisClassifier } from './trained-runs.ts';

let predictor: Predictor;
beforeAll(async () => {
	const iris = await irisClassifier();
	predictor = await loadPredictor(bundleFromRun(iris.run, iris.artifact));
}, 60_000);

const file = (lines: string[]) => ({
	name: 'rows.csv',
	bytes: new TextEncoder().encode(
		['sepal_length,sepal_width,petal_length,petal_width,species', ...lines].join('\n')
	)
});

describe('predictFile', () => {
	it('gives the CSV, counts, problems in words, unseen labels and progress', async () => {
		const progress: PredictFileProgress[] = [];
		const { result } = await predictFile(
			predictor,
			file([
				'5.1,3.5,1.4,0.2,setosa',
				'6.3,3.3,6.0,2.5,hybrid',
				'5.9,?,4.2,1.5,versicolor',
				'6.1,x,4.7,1.4,'
			]),
			(p) => progress.push(p)
		);
		expect(result.rows).toBe(4);
		expect(result.errors).toBe(1);
		expect(result.unseenLabels).toEqual({ hybrid: 1 });
		expect(result.problems).toEqual([
			'1 of 4 rows could not be predicted: the error column says why.',
			'1 row has a label the model never saw (1 × “hybrid”), which it cannot predict.'
		]);
		const lines = result.csv.trimEnd().split('\n');
		expect(lines).toHaveLength(5);
		expect(lines[4]).toBe(',,,,sepal_width: “x” is not a number');
		expect(lines[3]).toMatch(/^versicolor|virginica|setosa/);
		expect(progress[0]!.phase).toBe('reading');
		expect(progress.at(-1)).toEqual({ phase: 'predicting', done: 3, total: 3 });
	});

	it('a file without the target has no unseen labels to report', async () => {
		const bytes = new TextEncoder().encode(
			'sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n'
		);
		const { result } = await predictFile(predictor, { name: 'rows.csv', bytes });
		expect(result).toMatchObject({ rows: 1, errors: 0, problems: [] });
		expect(result.unseenLabels).toBeUndefined();
	});
});
