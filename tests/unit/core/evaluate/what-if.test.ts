// What-if on a real iris run: the form starts from the training rows, a typed row is predicted by the
// trained model, the nearest training rows come from the run's own split, and a bad value gets a message.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createWhatIf,
	nearestRows,
	whatIfFields,
	whatIfTable,
	type WhatIf
} from '../../../../src/lib/core/evaluate/what-if.ts';
import { bundleFromRun, loadPredictor, type Predictor } from '../../../../src/lib/core/predict/predictor.ts';
import { runTraining } from '../../../../src/lib/core/train/run-training.ts';
import { recreateSplit } from '../../../../src/lib/core/evaluate/evaluate-split.ts';
import type { RunRecord } from '../../../../src/lib/core/train/run-record.ts';
import { loadSample } from '../data/profile/load-sample.ts';
import { parseDelimitedText } from '../../../../src/lib/core/data/parse-delimited-text.ts';

describe('nearestRows', () => {
	it('finds the k closest rows, nearest first', () => {
		const matrix = { data: [0, 0, 3, 4, 1, 1, -1, 0], n: 4, width: 2 };
		expect(nearestRows(matrix, [0, 0], 3)).toEqual([
			{ index: 0, distance: 0 },
			{ index: 3, distance: 1 },
			{ index: 2, distance: Math.SQRT2 }
		]);
		expect(nearestRows(matrix, [3, 4], 1)).toEqual([{ index: 1, distance: 0 }]);
		expect(() => nearestRows(matrix, [1], 1)).toThrow(/1 features, the training rows 2/);
	});
});

describe('whatIfFields and whatIfTable', () => {
	it('starts numbers at the median and categories at the commonest value', () => {
		const iris = loadSample('iris.csv');
		const fields = whatIfFields(iris.schema, ['sepal_length', 'species'], iris);
		expect(fields[0]).toMatchObject({
			name: 'sepal_length',
			type: 'number',
			start: '5.8',
			min: 4.3,
			max: 7.9
		});
		expect(fields[1]!.type).toBe('category');
		expect(fields[1]!.choices!.slice().sort()).toEqual(['setosa', 'versicolor', 'virginica']);
	});
	it('starts a date at the middle training date, not the commonest (often a placeholder)', () => {
		// Seven ordinary dates and the placeholder "1969-12-31" three times: the commonest is the placeholder.
		const dates = ['2001-03-04', '2002-05-06', '2003-07-08', '2004-09-10', '2005-11-12', '2006-01-02'];
		const text = ['released', ...dates, ...Array(3).fill('1969-12-31'), '2007-02-03'].join('\n');
		const table = parseDelimitedText(text);
		expect(table.schema[0]!.type).toBe('date');
		expect(whatIfFields(table.schema, ['released'], table)[0]).toMatchObject({
			type: 'date',
			start: '2002-05-06'
		});
	});
	it('reads an empty field as missing', () => {
		const table = whatIfTable(
			[
				{ name: 'a', type: 'number', start: '1' },
				{ name: 'b', type: 'number', start: '1' }
			],
			{ a: ' 2.5 ', b: '' }
		);
		expect(table.table.objects()).toEqual([{ a: '2.5', b: null }]);
	});
});

describe('createWhatIf on an iris run', () => {
	let run: RunRecord;
	let predictor: Predictor;
	let whatIf: WhatIf;
	const iris = loadSample('iris.csv');

	beforeAll(async () => {
		await tf.setBackend('cpu');
		const outcome = await runTraining(
			iris,
			{ targets: ['species'] },
			{
				dataset: { id: 'd', hash: 'h', name: 'iris' },
				backend: { name: 'cpu', reason: 'test' },
				versions: {}
			}
		);
		outcome.model?.dispose();
		run = { ...outcome.run, id: 'r', artifactId: 'a' } as RunRecord;
		predictor = await loadPredictor(bundleFromRun(run, outcome.artifact));
		whatIf = createWhatIf(iris, run, predictor);
	}, 60_000);

	afterAll(() => predictor?.dispose());

	it('offers the four measurements, not the target', () => {
		expect(whatIf.fields.map((f) => f.name)).toEqual([
			'sepal_length',
			'sepal_width',
			'petal_length',
			'petal_width'
		]);
		expect(whatIf.trainRows).toBe(120);
	});

	it('predicts a typed row, and a change of petal size changes the class', async () => {
		const small = await whatIf.answer({
			sepal_length: '5',
			sepal_width: '3.4',
			petal_length: '1.5',
			petal_width: '0.2'
		});
		expect(small.prediction.error).toBeNull();
		expect(small.prediction.label).toBe('setosa');
		const sum = small.prediction.classes!.reduce((s, c) => s + c.probability, 0);
		expect(sum).toBeCloseTo(1, 4);
		expect(small.prediction.classes![0]!.label).toBe('setosa');
		const large = await whatIf.answer({
			sepal_length: '6.7',
			sepal_width: '3',
			petal_length: '5.8',
			petal_width: '2.2'
		});
		expect(large.prediction.label).toBe('virginica');
	});

	it('lists the nearest training rows, nearest first, with their class', async () => {
		const answer = await whatIf.answer(
			{ sepal_length: '5', sepal_width: '3.4', petal_length: '1.5', petal_width: '0.2' },
			4
		);
		expect(answer.neighbours).toHaveLength(4);
		const distances = answer.neighbours.map((n) => n.distance);
		expect(distances).toEqual(distances.slice().sort((a, b) => a - b));
		const train = new Set(recreateSplit(iris, run.split).train);
		for (const n of answer.neighbours) {
			expect(train.has(n.row)).toBe(true);
			expect(n.values.species).toBe('setosa');
		}
		// Row 8 of iris.csv (5.0, 3.4, 1.5, 0.2) is exactly this row, when it is a training row.
		if (train.has(7)) expect(answer.neighbours[0]).toMatchObject({ row: 7, distance: 0 });
	});

	it('says which value is wrong instead of predicting', async () => {
		const answer = await whatIf.answer({
			sepal_length: 'abc',
			sepal_width: '3',
			petal_length: '1',
			petal_width: '0.2'
		});
		expect(answer.prediction.error).toMatch(/sepal_length: “abc” is not a number/);
		expect(answer.neighbours).toEqual([]);
	});
});
